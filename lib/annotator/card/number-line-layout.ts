/**
 * Where each figure of a number line goes (pure): one axis from zero to a round value above every
 * figure, marks grouped by period, and the same line in words for screen readers.
 */
import {
  capitalise,
  formatCompact,
  RELATION_GLYPHS,
  RELATION_WORDS,
} from '@/lib/shared/facts/describe';
import type { Figure } from '@/lib/shared/facts/schema';
import type { Verdict } from '@/lib/shared/match/types';
import { boundsOf } from '@/lib/shared/match/verdicts';

/** One figure on the line, in words and as a number. */
interface LineMark {
  /** "This page", "Alejandro Mayorkas", "Cyber Security Intelligence". */
  who: string;
  /** "over $1 billion". */
  value: string;
  /** "overall", "in the past two years". */
  period: string;
  figure: Pick<Figure, 'value' | 'qualifier'>;
  /** A source's relation to the page; none for the page itself. */
  relation?: Verdict;
}

/** What the line shows: all marks share `unit`. */
export interface NumberLineData {
  unit: string;
  page: LineMark;
  sources: LineMark[];
}

type MarkShape = 'point' | 'band' | 'from' | 'to';

/** A mark placed on the line. */
export interface PlacedMark {
  mark: LineMark;
  isPage: boolean;
  shape: MarkShape;
  /** The label above the mark: "This page: $3 billion", "≠ Cyber Security Intelligence: about $2 billion". */
  label: string;
  labelY: number;
  /** The mark's own line. */
  y: number;
  /** Where the value is. */
  x: number;
  /** The range drawn: a band for "about", to the edge for "over", from zero for "under". */
  from: number;
  to: number;
}

export interface NumberLineLayout {
  width: number;
  height: number;
  /** Where zero and the largest tick are. */
  left: number;
  right: number;
  axisY: number;
  ticks: { x: number; label: string }[];
  /** One heading per period: "Overall", "In the past two years". */
  groups: { period: string; y: number }[];
  marks: PlacedMark[];
}

/** The card is 320–380 px wide; the line fills it inside the padding. */
export const DEFAULT_WIDTH = 330;
export const PAD_LEFT = 8;
const PAD_RIGHT = 14;
const GROUP_HEIGHT = 14;
const ROW_HEIGHT = 25;
const AXIS_HEIGHT = 24;

const SHAPES: Record<Figure['qualifier'], MarkShape> = {
  exact: 'point',
  about: 'band',
  over: 'from',
  under: 'to',
  'up-to': 'to',
};

/** Where everything goes (pure, so the geometry is tested without a browser). */
export function layoutNumberLine(data: NumberLineData, width = DEFAULT_WIDTH): NumberLineLayout {
  const all = [data.page, ...data.sources];
  const top = niceCeiling(Math.max(...all.map(highestShown)) * 1.15);
  const left = PAD_LEFT;
  const right = width - PAD_RIGHT;
  const x = (value: number) => left + (Math.min(value, top) / top) * (right - left);
  const periods = [...new Set(all.map((m) => m.period))];
  const groups: NumberLineLayout['groups'] = [];
  const marks: PlacedMark[] = [];
  let y = 0;
  for (const period of periods) {
    groups.push({ period: capitalise(period), y: y + 10 });
    y += GROUP_HEIGHT;
    for (const mark of all.filter((m) => m.period === period)) {
      const [low, high] = boundsOf(mark.figure);
      const shape = SHAPES[mark.figure.qualifier];
      marks.push({
        mark,
        isPage: mark === data.page,
        shape,
        label: `${mark.relation ? `${RELATION_GLYPHS[mark.relation]} ` : ''}${mark.who}: ${mark.value}`,
        labelY: y + 10,
        y: y + 18,
        x: x(mark.figure.value),
        from: shape === 'to' ? left : x(low),
        to: shape === 'from' ? right : x(Number.isFinite(high) ? high : top),
      });
      y += ROW_HEIGHT;
    }
  }
  const axisY = y + 3;
  const ticks = tickValues(top).map((value) => ({
    x: x(value),
    label: formatCompact(value, data.unit),
  }));
  return { width, height: axisY + AXIS_HEIGHT, left, right, axisY, ticks, groups, marks };
}

/** The largest value a mark draws as a number (an open "over" range shows its floor). */
function highestShown(mark: LineMark): number {
  const [, high] = boundsOf(mark.figure);
  return Number.isFinite(high) ? high : mark.figure.value;
}

/** A round number at or above `value`, so the axis ends close to the largest figure. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * power >= value) ?? 10;
  return step * power;
}

/** Ticks at zero, the top, and at round steps between (three to six in all). */
function tickValues(top: number): number[] {
  const parts = [4, 5, 3, 2].find((n) => isRound(top / n)) ?? 4;
  return Array.from({ length: parts + 1 }, (_, i) => (top * i) / parts);
}

/** 1, 2, 2.5 or 5 times a power of ten. */
function isRound(step: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9);
}

/** The number line in words, for screen readers and as the picture's title. */
export function describeNumberLine(data: NumberLineData): string {
  const page = `This page: ${data.page.value} ${data.page.period}.`;
  if (data.sources.length === 0) return page;
  const sources = data.sources.map(
    (s) =>
      `${s.who}, ${s.value} ${s.period}${s.relation ? ` (${RELATION_WORDS[s.relation]})` : ''}`,
  );
  return `${page} Sources: ${sources.join('; ')}.`;
}
