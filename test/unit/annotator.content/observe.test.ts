import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { type ChangeHandlers, watchChanges } from '@/entrypoints/annotator.content/observe';

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
  let onChange: Mock<() => void>;
  let onRecords: Mock<(records: readonly MutationRecord[]) => void>;

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<article><p>Text</p></article><aside></aside>';
    controller = new AbortController();
    onChange = vi.fn();
    onRecords = vi.fn();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const article = () => document.querySelector('article') as Element;
  const handlers = (): ChangeHandlers => ({
    isRelevant: (record) => article().contains(record.target),
    onRecords,
    onChange,
  });
  const watch = () => watchChanges(fakeContext(controller), handlers());
  const change = () => article().append(document.createElement('p'));

  it('re-runs once, 250 ms after the last change', async () => {
    watch();
    change();
    change();
    await wait(240);
    expect(onChange).not.toHaveBeenCalled();
    await wait(20);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('re-runs within 900 ms even while changes keep coming', async () => {
    watch();
    for (let t = 0; t < 900; t += 100) {
      change();
      await wait(100);
    }
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('re-runs at most 4 times in 10 s however often the page changes', async () => {
    watch();
    for (let t = 0; t < 20_000; t += 100) {
      change();
      await wait(100);
    }
    expect(onChange).toHaveBeenCalledTimes(8);
  });

  it('reports every page change at once, before any re-run', async () => {
    watch();
    const text = article().querySelector('p')?.firstChild as Text;
    text.data = 'Changed';
    await Promise.resolve();
    expect(onRecords).toHaveBeenCalledTimes(1);
    expect(onRecords.mock.calls[0]?.[0].map((r) => r.type)).toEqual(['characterData']);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('ignores the card host and re-runs for nothing outside the article', async () => {
    watch();
    document.documentElement.append(document.createElement('backstory-tooltip'));
    document.querySelector('aside')?.append('more');
    await wait(2000);
    expect(onChange).not.toHaveBeenCalled();
    expect(onRecords).toHaveBeenCalledTimes(1);
  });

  it('stops when the context ends', async () => {
    watch();
    controller.abort();
    change();
    await wait(2000);
    expect(onChange).not.toHaveBeenCalled();
    expect(onRecords).not.toHaveBeenCalled();
  });
});
