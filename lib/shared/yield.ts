/**
 * Cooperative scheduling: long DOM work runs in slices that give the browser back the main thread,
 * so no task the extension causes runs over 50 ms.
 */

// `scheduler.yield` (Chromium 129+) resumes ahead of other queued tasks; not yet in lib.dom.
interface YieldingScheduler {
  yield(): Promise<void>;
}

/** Resolves on a later task, letting the browser paint and handle input in between. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resume) => setTimeout(resume, 0));
}

/** Time one slice may take before yielding, well under the 50 ms long-task threshold. */
const SLICE_MS = 8;

/**
 * Calls `step` for each item, yielding to the browser whenever a slice has used `sliceMs`.
 * Stops early (without throwing) once `signal` aborts; resolves true if every item was processed.
 */
export async function forEachInSlices<T>(
  items: readonly T[],
  step: (item: T) => void,
  options: { signal?: AbortSignal; sliceMs?: number; runSlice?: (slice: () => void) => void } = {},
): Promise<boolean> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const runSlice = options.runSlice ?? ((slice) => slice());
  let next = 0;
  while (next < items.length) {
    if (options.signal?.aborted) return false;
    runSlice(() => {
      const sliceEnd = performance.now() + sliceMs;
      while (next < items.length) {
        step(items[next] as T);
        next++;
        if (performance.now() >= sliceEnd) break;
      }
    });
    if (next < items.length) await yieldToBrowser();
  }
  return !options.signal?.aborted;
}
