import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { NumberLine } from '@/lib/annotator/card/NumberLine';
import {
  describeNumberLine,
  layoutNumberLine,
  type NumberLineData,
} from '@/lib/annotator/card/number-line-layout';
import { renderRoot } from '../../render-root';

/** The demo's conflict: the page's $3 billion beside both sources. */
const conflict: NumberLineData = {
  unit: 'USD',
  page: {
    who: 'This page',
    value: '$3 billion',
    period: 'overall',
    figure: { value: 3e9, qualifier: 'exact' },
  },
  sources: [
    {
      who: 'Cyber Security Intelligence',
      value: 'about $2 billion',
      period: 'overall',
      figure: { value: 2e9, qualifier: 'about' },
      relation: 'differs',
    },
    {
      who: 'Alejandro Mayorkas',
      value: 'over $1 billion',
      period: 'in the past two years',
      figure: { value: 1e9, qualifier: 'over' },
      relation: 'other-period',
    },
  ],
};

describe('layoutNumberLine', () => {
  const layout = layoutNumberLine(conflict, 340);

  it('puts every figure on one axis from zero, in the card’s width', () => {
    expect(layout.width).toBe(340);
    expect(layout.ticks[0]).toEqual({ x: layout.left, label: '$0' });
    expect(layout.ticks.at(-1)?.x).toBe(layout.right);
    expect(layout.ticks.map((t) => t.label)).toEqual(['$0', '$1bn', '$2bn', '$3bn', '$4bn']);
    for (const mark of layout.marks) {
      expect(mark.x).toBeGreaterThanOrEqual(layout.left);
      expect(mark.to).toBeLessThanOrEqual(layout.right);
      expect(mark.from).toBeLessThanOrEqual(mark.x);
    }
  });

  it('places values in proportion: $3 billion three times as far from zero as $1 billion', () => {
    const [page, csi, mayorkas] = layout.marks;
    const span = (x: number | undefined) => (x ?? 0) - layout.left;
    expect(span(page?.x)).toBeCloseTo(3 * span(mayorkas?.x), 6);
    expect(span(csi?.x)).toBeCloseTo(2 * span(mayorkas?.x), 6);
  });

  it('draws each qualifier as its own shape: about a ±10 % band, over an open range to the right', () => {
    const [page, csi, mayorkas] = layout.marks;
    expect([page?.shape, csi?.shape, mayorkas?.shape]).toEqual(['point', 'band', 'from']);
    const unit = (layout.right - layout.left) / 4e9;
    expect((csi?.to ?? 0) - (csi?.from ?? 0)).toBeCloseTo(0.4e9 * unit, 6);
    expect(mayorkas?.to).toBe(layout.right);
    const underLayout = layoutNumberLine({
      ...conflict,
      sources: [
        {
          ...conflict.sources[0],
          relation: 'agrees',
          figure: { value: 4e9, qualifier: 'up-to' },
        } as never,
      ],
    });
    expect(underLayout.marks[1]).toMatchObject({ shape: 'to', from: underLayout.left });
  });

  it('tells periods apart: one group per period, the page’s first, rows in their own period', () => {
    expect(layout.groups.map((g) => g.period)).toEqual(['Overall', 'In the past two years']);
    const [overall, past] = layout.groups;
    const [page, csi, mayorkas] = layout.marks;
    expect(page?.isPage).toBe(true);
    expect((overall?.y ?? 0) < (page?.y ?? 0) && (csi?.y ?? 0) < (past?.y ?? 0)).toBe(true);
    expect(mayorkas?.y).toBeGreaterThan(past?.y ?? 0);
    expect(layout.axisY).toBeGreaterThan(mayorkas?.y ?? 0);
    expect(layout.height).toBeLessThan(180);
  });
});

describe('NumberLine', () => {
  const root = renderRoot();

  it('is an SVG image named by its text alternative', () => {
    render(<NumberLine data={conflict} />, root);
    const svg = root.querySelector('svg') as SVGSVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    const title = root.querySelector(`#${svg.getAttribute('aria-labelledby')}`);
    expect(title?.textContent).toBe(describeNumberLine(conflict));
    expect(title?.textContent).toBe(
      'This page: $3 billion overall. Sources: Cyber Security Intelligence, about $2 billion overall (differs); Alejandro Mayorkas, over $1 billion in the past two years (other period).',
    );
  });

  it('labels every row, its relation by a glyph too, and shows each shape, the page as a diamond', () => {
    render(<NumberLine data={conflict} />, root);
    const marks = [...root.querySelectorAll('g.mark')];
    expect(
      marks.map((g) => [g.getAttribute('data-relation'), g.getAttribute('data-shape')]),
    ).toEqual([
      ['page', 'point'],
      ['differs', 'band'],
      ['other-period', 'from'],
    ]);
    expect(marks.map((g) => g.querySelector('text')?.textContent)).toEqual([
      'This page: $3 billion',
      '≠ Cyber Security Intelligence: about $2 billion',
      '↔ Alejandro Mayorkas: over $1 billion',
    ]);
    expect(marks[0]?.querySelector('polygon')).not.toBeNull();
  });

  it('takes its colours from the card’s light or dark palette, never a fixed colour alone', () => {
    render(<NumberLine data={conflict} />, root);
    const styles = [...root.querySelectorAll('[style]')].map(
      (el) => el.getAttribute('style') ?? '',
    );
    const colours = styles.flatMap((s) => s.match(/(?:fill|stroke|color):\s*[^;]+/g) ?? []);
    expect(colours.length).toBeGreaterThan(5);
    for (const colour of colours) expect(colour).toMatch(/var\(--|currentColor|currentcolor/);
  });
});
