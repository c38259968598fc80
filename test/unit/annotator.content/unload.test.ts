import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { endWhenUnloaded } from '@/entrypoints/annotator.content/unload';

const runtime = fakeBrowser.runtime;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});

afterEach(() => {
  Reflect.set(fakeBrowser, 'runtime', runtime);
  vi.useRealTimers();
});

describe('endWhenUnloaded', () => {
  it('keeps the context while the extension is there', () => {
    const ctx = new ContentScriptContext('test');
    endWhenUnloaded(ctx);
    vi.advanceTimersByTime(5_000);
    expect(ctx.signal.aborted).toBe(false);
    ctx.abort();
  });

  it('invalidates the context within a second of the runtime losing its id', () => {
    const ctx = new ContentScriptContext('test');
    endWhenUnloaded(ctx);
    vi.spyOn(runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    vi.advanceTimersByTime(999);
    expect(ctx.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(ctx.signal.aborted).toBe(true);
  });

  it('invalidates the context when Chrome removed `runtime` itself', () => {
    const ctx = new ContentScriptContext('test');
    endWhenUnloaded(ctx);
    Reflect.set(fakeBrowser, 'runtime', undefined);
    vi.advanceTimersByTime(1_000);
    expect(ctx.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
