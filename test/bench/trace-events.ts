/**
 * Chromium trace events: which run JavaScript, and the JavaScript and longest task on renderer main
 * threads of one page load (reader-cost.ts records the trace).
 */
import type { LoadCost } from './reader-cost';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; sync_id?: string };
}

/** JavaScript events; tasks (RunTask, on every thread of every process) only when asked for: they are most of a trace. */
export const JS_CATEGORIES = ['devtools.timeline', 'v8.execute'];
export const TASK_CATEGORIES = ['disabled-by-default-devtools.timeline'];

/** Trace events that run JavaScript; on the bench's script-free pages, only extensions run any. */
const JS_EVENTS = new Set([
  'EvaluateScript',
  'v8.run',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
]);

/** Only what the cost is computed from: thread names, markers, JS events, tasks of a millisecond or more. */
export function isKept(e: TraceEvent): boolean {
  if (e.ph === 'M') return e.name === 'thread_name';
  if (e.name === 'clock_sync') return true;
  if (e.name === 'RunTask') return (e.dur ?? 0) >= 1000;
  return JS_EVENTS.has(e.name);
}

/**
 * JavaScript on renderer main threads: the thread time of outermost JS events, and the longest
 * task (RunTask) holding at least a millisecond of them.
 */
export function javaScriptOf(
  events: TraceEvent[],
): Pick<LoadCost, 'jsMs' | 'longestTask' | 'tasksOver50'> {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const result = { jsMs: 0, longestTask: { wallMs: 0, threadMs: 0 }, tasksOver50: 0 };
  const complete = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const thread of mains) {
    const onThread = complete.filter((e) => `${e.pid}:${e.tid}` === thread);
    const js = outermost(onThread.filter((e) => JS_EVENTS.has(e.name)));
    result.jsMs += js.reduce((sum, e) => sum + threadMs(e), 0);
    let next = 0;
    for (const task of outermost(onThread.filter((e) => e.name === 'RunTask'))) {
      const end = task.ts + (task.dur ?? 0);
      let inTask = 0;
      while (next < js.length && (js[next] as TraceEvent).ts < end) {
        const e = js[next++] as TraceEvent;
        if (e.ts >= task.ts) inTask += threadMs(e);
      }
      if (inTask < 1) continue;
      result.longestTask.wallMs = Math.max(result.longestTask.wallMs, (task.dur ?? 0) / 1000);
      result.longestTask.threadMs = Math.max(result.longestTask.threadMs, threadMs(task));
      if (threadMs(task) > 50) result.tasksOver50++;
    }
  }
  return result;
}

const threadMs = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;

/** Events (sorted by start) not nested inside an earlier one of the list. */
function outermost(sorted: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const e of sorted) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}
