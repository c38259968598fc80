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

interface SliceOptions {
  signal?: AbortSignal;
  sliceMs?: number;
  /** Wraps each slice, for work that must be batched (one DOM update per slice, say). */
  runSlice?: (slice: () => void) => void;
}

/**
 * Runs `steps` (a generator that yields at its pause points) to its end, yielding to the browser
 * whenever a slice has used `sliceMs`. Its result, or undefined once `signal` aborts.
 */
export async function runInSlices<T>(
  steps: Iterator<void, T>,
  options: SliceOptions = {},
): Promise<IteratorReturnResult<T> | undefined> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const runSlice = options.runSlice ?? ((slice) => slice());
  for (;;) {
    if (options.signal?.aborted) return undefined;
    let step: IteratorResult<void, T> | undefined;
    runSlice(() => {
      const sliceEnd = performance.now() + sliceMs;
      do step = steps.next();
      while (!step.done && performance.now() < sliceEnd);
    });
    if (step?.done) return step;
    await yieldToBrowser();
  }
}

/**
 * Calls `step` for each item, in slices as `runInSlices`. Stops early (without throwing) once
 * `signal` aborts; resolves true if every item was processed.
 */
export async function forEachInSlices<T>(
  items: readonly T[],
  step: (item: T) => void,
  options: SliceOptions = {},
): Promise<boolean> {
  function* each(): Generator<void, void> {
    for (const [i, item] of items.entries()) {
      step(item);
      // No pause after the last item: finishing never costs one more task.
      if (i < items.length - 1) yield;
    }
  }
  const finished = await runInSlices(each(), options);
  return finished !== undefined && !options.signal?.aborted;
}
