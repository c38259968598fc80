/**
 * A small number line for a figure card: the page's figure and each source's value or range on one
 * axis, grouped by period so figures for different periods are told apart at a glance. SVG with a
 * text alternative; colours come from the card's palette (light or dark), and no mark is told apart
 * by colour alone: the page's figure is a diamond, "about" a band, "over" an arrow to the right,
 * "under" and "up to" a bar from zero.
 */
import type { Verdict } from '@/lib/shared/match/types';
import {
  DEFAULT_WIDTH,
  describeNumberLine,
  layoutNumberLine,
  type NumberLineData,
  PAD_LEFT,
  type PlacedMark,
} from './number-line-layout';

/** The card's palette (card.css), with fallbacks so the line reads anywhere. */
const COLOURS: Record<Verdict | 'page' | 'muted', string> = {
  page: 'var(--fg, currentColor)',
  muted: 'var(--muted, currentColor)',
  agrees: 'var(--agrees, #1a7f37)',
  differs: 'var(--differs, #b3261e)',
  'other-period': 'var(--other, #8a5a00)',
  'other-scope': 'var(--other, #8a5a00)',
  'different-unit': 'var(--other, #8a5a00)',
};

function colourOf(mark: PlacedMark): string {
  return mark.isPage || !mark.mark.relation ? COLOURS.page : COLOURS[mark.mark.relation];
}

/** The picture. `titleId` must be unique in its document (the card shows one line at a time). */
export function NumberLine({
  data,
  width = DEFAULT_WIDTH,
  titleId = 'backstory-number-line',
}: {
  data: NumberLineData;
  width?: number;
  titleId?: string;
}) {
  const layout = layoutNumberLine(data, width);
  const pageMark = layout.marks.find((m) => m.isPage);
  return (
    <svg
      class="number-line"
      role="img"
      aria-labelledby={titleId}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{ maxWidth: '100%', height: 'auto', color: COLOURS.page, overflow: 'visible' }}
    >
      <title id={titleId}>{describeNumberLine(data)}</title>
      {pageMark && (
        <line
          x1={pageMark.x}
          x2={pageMark.x}
          y1={0}
          y2={layout.axisY}
          style={{ stroke: COLOURS.muted, strokeDasharray: '2 3' }}
        />
      )}
      {layout.groups.map((g) => (
        <text
          key={g.period}
          x={layout.left}
          y={g.y}
          style={{ fill: COLOURS.muted, fontSize: '10px' }}
        >
          {g.period}
        </text>
      ))}
      {layout.marks.map((m) => (
        <Mark key={`${m.label} ${m.y}`} mark={m} />
      ))}
      <line
        x1={layout.left}
        x2={layout.right}
        y1={layout.axisY}
        y2={layout.axisY}
        style={{ stroke: 'currentColor' }}
      />
      {layout.ticks.map((t) => (
        <g key={t.label}>
          <line
            x1={t.x}
            x2={t.x}
            y1={layout.axisY}
            y2={layout.axisY + 4}
            style={{ stroke: 'currentColor' }}
          />
          <text
            x={t.x}
            y={layout.axisY + 16}
            text-anchor="middle"
            style={{ fill: COLOURS.muted, fontSize: '10px' }}
          >
            {t.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

function Mark({ mark }: { mark: PlacedMark }) {
  const colour = colourOf(mark);
  const stroke = { stroke: colour, strokeWidth: 2 };
  return (
    <g class="mark" data-shape={mark.shape} data-relation={mark.mark.relation ?? 'page'}>
      <text
        x={PAD_LEFT}
        y={mark.labelY}
        style={{ fill: 'currentColor', fontSize: '11px', fontWeight: mark.isPage ? 650 : 400 }}
      >
        {mark.label}
      </text>
      {mark.shape === 'band' && (
        <rect
          x={mark.from}
          y={mark.y - 4}
          width={Math.max(2, mark.to - mark.from)}
          height={8}
          rx={3}
          style={{ fill: colour, fillOpacity: 0.3, ...stroke, strokeWidth: 1 }}
        />
      )}
      {(mark.shape === 'from' || mark.shape === 'to') && (
        <line x1={mark.from} x2={mark.to} y1={mark.y} y2={mark.y} style={stroke} />
      )}
      {mark.shape === 'from' && (
        <polygon
          points={`${mark.to},${mark.y} ${mark.to - 6},${mark.y - 4} ${mark.to - 6},${mark.y + 4}`}
          style={{ fill: colour }}
        />
      )}
      {mark.shape === 'to' && (
        <line x1={mark.x} x2={mark.x} y1={mark.y - 5} y2={mark.y + 5} style={stroke} />
      )}
      {mark.isPage ? (
        <polygon
          points={`${mark.x},${mark.y - 6} ${mark.x + 6},${mark.y} ${mark.x},${mark.y + 6} ${mark.x - 6},${mark.y}`}
          style={{ fill: colour }}
        />
      ) : (
        mark.shape !== 'to' && <circle cx={mark.x} cy={mark.y} r={4} style={{ fill: colour }} />
      )}
    </g>
  );
}
