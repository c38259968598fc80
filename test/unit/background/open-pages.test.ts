/**
 * Pages open before the extension instance started get the detector from the background in Chromium
 * (which runs declared content scripts only in pages loaded afterwards), once per instance; Firefox
 * runs them there itself and is left alone.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { reachOpenPages } from '@/entrypoints/background/open-pages';
import { claimDetector } from '@/lib/shared/content/instance';
import { contentScriptsReachOpenPages } from '@/lib/shared/platform';

// fakeBrowser has every API of both browsers, so feature detection cannot tell them apart here.
vi.mock('@/lib/shared/platform', () => ({ contentScriptsReachOpenPages: vi.fn(() => false) }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

function injecting() {
  const query = vi
    .spyOn(fakeBrowser.tabs, 'query')
    .mockResolvedValue([{ id: 1 }, { id: 2 }] as never);
  const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async () => {
    throw new Error('Cannot access contents of the page');
  });
  return { query, inject };
}

describe('the background, on pages open before it started', () => {
  it('injects the detector into every frame of every open http(s) tab, once per instance', async () => {
    const { query, inject } = injecting();
    await reachOpenPages();
    expect(query).toHaveBeenCalledExactlyOnceWith({ url: ['http://*/*', 'https://*/*'] });
    // A page it may not script is passed over quietly, the next one still gets it.
    expect(inject.mock.calls).toEqual([
      [{ target: { tabId: 1, allFrames: true }, files: ['/detector.js'] }],
      [{ target: { tabId: 2, allFrames: true }, files: ['/detector.js'] }],
    ]);
    // The service worker starting again (idle, not a new instance): nothing more.
    await reachOpenPages();
    expect(inject).toHaveBeenCalledTimes(2);
  });

  it('leaves open pages to Firefox, which runs content scripts there itself', async () => {
    const { inject } = injecting();
    vi.mocked(contentScriptsReachOpenPages).mockReturnValueOnce(true);
    await reachOpenPages();
    expect(inject).not.toHaveBeenCalled();
  });
});

describe('a detector starting in a frame', () => {
  it('ends at once where a detector still runs, and takes over from one that ended', () => {
    let oldAlive = true;
    expect(claimDetector(() => oldAlive)).toBe(true);
    expect(claimDetector(() => true)).toBe(false);
    // The old instance's extension was reloaded: its detector lost `runtime`.
    oldAlive = false;
    expect(claimDetector(() => true)).toBe(true);
    expect(claimDetector(() => true)).toBe(false);
  });
});
