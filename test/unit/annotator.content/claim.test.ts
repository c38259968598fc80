import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimPage } from '@/entrypoints/annotator.content/claim';
import { removeLeftovers } from '@/lib/shared/content/instance';

/** The event WXT's context listens for: any page can dispatch it, under the public extension id. */
function forgeScriptStarted(): void {
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  document.dispatchEvent(
    new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }),
  );
}

describe('claimPage and removeLeftovers', () => {
  const contexts: ContentScriptContext[] = [];
  const context = () => {
    const ctx = new ContentScriptContext('content');
    contexts.push(ctx);
    return ctx;
  };
  afterEach(() => {
    for (const ctx of contexts.splice(0)) ctx.abort();
    document.body.innerHTML = '';
  });

  it('keeps a forged "newer script started" event from ending the content script', () => {
    // The threat: without claimPage, the page's event ends WXT's context.
    const unguarded = context();
    forgeScriptStarted();
    expect(unguarded.signal.aborted).toBe(true);

    const ctx = context();
    claimPage(ctx);
    forgeScriptStarted();
    expect(ctx.signal.aborted).toBe(false);
  });

  it('lets a newer instance of ours end the older one', () => {
    const older = context();
    claimPage(older);
    const newer = context();
    expect(older.signal.aborted).toBe(false);
    claimPage(newer);
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
  });

  it('removes card hosts an earlier instance left, and no element of the page’s own', () => {
    const left = document.createElement('backstory-tooltip');
    left.attachShadow({ mode: 'open' });
    const pages = document.createElement('backstory-tooltip');
    document.body.append(left, pages);
    removeLeftovers();
    expect([...document.querySelectorAll('backstory-tooltip')]).toEqual([pages]);
  });

  it('removes highlights an earlier instance left, and the page’s own stay', () => {
    const registry = new Map([
      ['backstory-entity', {}],
      ['backstory-active', {}],
      ['spelling', {}],
    ]);
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
    try {
      removeLeftovers();
      expect([...registry.keys()]).toEqual(['spelling']);
    } finally {
      Reflect.deleteProperty(window, 'CSS');
    }
  });
});
