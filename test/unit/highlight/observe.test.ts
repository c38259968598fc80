import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { watchChanges } from '@/entrypoints/content/observe';

/** The two things watchChanges uses from WXT's context. */
function fakeContext(controller: AbortController): ContentScriptContext {
  return {
    signal: controller.signal,
    setTimeout: (handler: () => void, ms?: number) => setTimeout(handler, ms),
  } as unknown as ContentScriptContext;
}

/** Lets the MutationObserver deliver, then advances the clock. */
async function wait(ms: number): Promise<void> {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}

describe('watchChanges', () => {
  let controller: AbortController;
  let onChange: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<article><p>Text</p></article><aside></aside>';
    controller = new AbortController();
    onChange = vi.fn();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const article = () => document.querySelector('article') as Element;
  const inArticle = (record: MutationRecord) => article().contains(record.target);
  const change = () => article().append(document.createElement('p'));

  it('re-runs once, 250 ms after the last change', async () => {
    watchChanges(fakeContext(controller), inArticle, onChange);
    change();
    change();
    await wait(240);
    expect(onChange).not.toHaveBeenCalled();
    await wait(20);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('re-runs within 900 ms even while changes keep coming', async () => {
    watchChanges(fakeContext(controller), inArticle, onChange);
    for (let t = 0; t < 900; t += 100) {
      change();
      await wait(100);
    }
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('re-runs at most 4 times in 10 s however often the page changes', async () => {
    watchChanges(fakeContext(controller), inArticle, onChange);
    for (let t = 0; t < 20_000; t += 100) {
      change();
      await wait(100);
    }
    expect(onChange).toHaveBeenCalledTimes(8);
  });

  it('ignores its own writes, the card host and changes outside the article', async () => {
    const watcher = watchChanges(fakeContext(controller), inArticle, onChange);
    watcher.quietly(change);
    document.body.append(document.createElement('backstory-tooltip'));
    document.querySelector('aside')?.append('more');
    await wait(2000);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('stops when the context ends', async () => {
    watchChanges(fakeContext(controller), inArticle, onChange);
    controller.abort();
    change();
    await wait(2000);
    expect(onChange).not.toHaveBeenCalled();
  });
});
