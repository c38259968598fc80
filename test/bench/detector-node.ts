/**
 * The detector's check (it runs in the background, on the text the detector sends) in Node on the
 * 130 corpus pages' text (markup stripped, scripts and styles dropped), with the bundled pack and
 * with 5,000 reader facts: what building the matcher and checking each page cost, cold (the first
 * page) and warm.
 */
import { buildMatcher } from '@/lib/detector/build';
import { mentionsFactBase } from '@/lib/detector/check';
import { bundledPack } from '@/lib/facts/bundled';
import { withReaderFacts } from '../fixtures/reader-pack';
import type { BenchPage } from './pages';
import { median, quantile } from './report';

export interface DetectorCost {
  label: string;
  /** Building the matcher from the pack, ms (once per change of the fact base). */
  buildMs: number;
  /** Per page, ms. */
  median: number;
  p90: number;
  max: number;
  nsPerChar: number;
  /** Pages it said yes to. */
  yes: number;
}

/** The page's text, roughly as a reader sees it: no scripts, styles or tags. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&')
    .replace(/&#?\w+;/g, ' ');
}

function measure(
  label: string,
  pack: Parameters<typeof buildMatcher>[0],
  texts: string[],
): DetectorCost {
  let t0 = performance.now();
  const matcher = buildMatcher(pack);
  const buildMs = performance.now() - t0;
  const times: number[] = [];
  let yes = 0;
  let chars = 0;
  for (const text of texts) {
    t0 = performance.now();
    if (mentionsFactBase(matcher, text)) yes++;
    times.push(performance.now() - t0);
    chars += text.length;
  }
  const total = times.reduce((a, b) => a + b, 0);
  return {
    label,
    buildMs,
    median: median(times),
    p90: quantile(times, 0.9),
    max: Math.max(...times),
    nsPerChar: (total * 1e6) / chars,
    yes,
  };
}

/** The check on every page's text: bundled pack first (its first page runs cold), then 5,000 reader facts. */
export function detectorInNode(pages: BenchPage[]): { chars: number; costs: DetectorCost[] } {
  const texts = pages.map((p) => pageText(p.html));
  return {
    chars: median(texts.map((t) => t.length)),
    costs: [
      measure('bundled pack', bundledPack, texts),
      measure('+ 5,000 reader facts', withReaderFacts(5000), texts),
    ],
  };
}
