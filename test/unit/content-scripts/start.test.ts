import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import detector from '@/entrypoints/detector';

describe('the detector, as it starts', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    Reflect.deleteProperty(window, 'CSS');
    fakeBrowser.reset();
    vi.unstubAllEnvs();
  });

  it('removes what an earlier instance left at once, on any page, before waiting for anything', () => {
    // Firefox ends the old script silently (disable, reload, update): its card host and highlights
    // stay, and show again when our stylesheet comes back with the new instance.
    vi.stubEnv('FIREFOX', 'true');
    const registry = new Map([
      ['backstory-conflict', {}],
      ['backstory-active', {}],
    ]);
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    const left = document.createElement('backstory-tooltip');
    // Ours are closed, which only a browser lets an extension see into: open stands in for it here.
    left.attachShadow({ mode: 'open' });
    document.documentElement.append(left);
    document.body.innerHTML = '<p>Not an article, and the background never answers.</p>';
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined));

    detector.main();
    expect(left.isConnected).toBe(false);
    expect([...registry.keys()]).toEqual([]);
  });

  it('leaves the page alone in Chromium, where an orphaned annotator removes its own', () => {
    const registry = { has: vi.fn(() => true), delete: vi.fn() };
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockReturnValue(new Promise(() => undefined));

    detector.main();
    expect(registry.has).not.toHaveBeenCalled();
    expect(registry.delete).not.toHaveBeenCalled();
  });
});
