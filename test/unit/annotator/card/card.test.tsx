import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Card, type CardProps, VERDICT_ID } from '@/lib/annotator/card/Card';
import { CARD_TITLE_ID } from '@/lib/annotator/card/CardFrame';
import { cardDataFor, type FactLookup } from '@/lib/shared/card/card-data';
import type { Annotation } from '@/lib/shared/match/types';
import { renderRoot } from '../../render-root';
import { facts, layered } from '../../shared/card/facts';

const entity: Annotation = {
  start: 0,
  end: 16,
  kind: 'entity',
  factId: 'wray',
  text: 'Christopher Wray',
};
const conflict: Annotation = {
  start: 0,
  end: 10,
  kind: 'claim',
  factId: 'c2b',
  text: '$3 billion',
  figure: { text: '$3 billion', value: 3e9, unit: 'USD', qualifier: 'exact', period: 'total' },
  verdict: 'differs',
  reason:
    'CSI put North Korea’s total crypto theft at about $2 billion; this page says $3 billion.',
  comparisons: [
    { claimId: 'c2b', verdict: 'differs' },
    { claimId: 'c1b', verdict: 'other-period' },
  ],
};
const restated: Annotation = {
  start: 0,
  end: 20,
  kind: 'claim',
  factId: 'cwray',
  text: 'spying is on the rise',
  verdict: 'agrees',
  reason: 'This restates what Christopher Wray said, as reported by CSI.',
};

const root = renderRoot();

function show(
  annotation: Annotation,
  frame: Partial<Omit<CardProps, 'data'>> = {},
  lookup: FactLookup = facts,
): HTMLElement {
  const data = cardDataFor(annotation, lookup);
  if (!data) throw new Error('no card data');
  const props: Omit<CardProps, 'data'> = {
    theme: 'light',
    onPrevious: vi.fn(),
    onNext: vi.fn(),
    onClose: vi.fn(),
    ...frame,
  };
  render(<Card data={data} {...props} />, root);
  return root;
}

/** An element's text as a reader sees it: blocks apart, quotation marks around a quote. */
function readable(el: Element): string {
  return spaced(el).replace(/\s+/g, ' ').trim();
}

function spaced(el: Element): string {
  let text = '';
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else if (child instanceof Element) {
      if (child.matches('.visually-hidden')) continue;
      const inner = spaced(child);
      if (child.localName === 'q') text += `“${inner}”`;
      else if (/^(p|li|h3|summary|div|section)$/.test(child.localName)) text += ` ${inner} `;
      else text += inner;
    }
  }
  return text;
}

const texts = (selector: string) => [...root.querySelectorAll(selector)].map(readable);

describe('the card’s frame', () => {
  it('is a dialog named by its heading, in English, left to right', () => {
    const card = show(entity, { theme: 'dark' }).querySelector('.card') as HTMLElement;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('aria-labelledby')).toBe(CARD_TITLE_ID);
    expect(card.querySelector(`#${CARD_TITLE_ID}`)?.textContent).toBe('Christopher Wray');
    expect(card.dataset.theme).toBe('dark');
    expect([card.lang, card.dir]).toEqual(['en', 'ltr']);
  });

  it('has Close, its place among the page’s annotations, Save, then Previous / Next', () => {
    const [onPrevious, onNext, onClose, onSave] = [vi.fn(), vi.fn(), vi.fn(), vi.fn()];
    show(entity, { place: { index: 3, total: 14 }, onPrevious, onNext, onClose, onSave });
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Close',
      'Save to my facts',
      '‹ Previous',
      'Next ›',
    ]);
    expect(root.querySelector('.frame-head .place')?.textContent).toBe('3 of 14');
    for (const button of buttons) button.click();
    expect([onClose, onSave, onPrevious, onNext].map((f) => f.mock.calls.length)).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it('says a moved-to card once, in a status line that is empty on opening', () => {
    show(entity, { place: { index: 1, total: 2 } });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('');
    show(entity, { announcement: 'Christopher Wray, 2 of 2' });
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Christopher Wray, 2 of 2');
  });
});

describe('an entity’s card', () => {
  it('says what it is and sums it up, as text, with its sources in full and where it comes from', () => {
    show(entity);
    expect(texts('.kind')).toEqual(['Person']);
    expect(root.querySelector('.summary')?.textContent).toBe(
      'Director of the FBI. <script>alert(1)</script>',
    );
    expect(root.querySelector('script')).toBeNull();
    expect(texts('.cite')).toEqual([
      'Source: Defending against threats — CSI, August 2023 · Bundled with Backstory',
    ]);
    const link = root.querySelector('.cite a') as HTMLAnchorElement;
    expect([link.getAttribute('href'), link.target, link.rel]).toEqual([
      'https://example.org/a',
      '_blank',
      'noopener noreferrer',
    ]);
  });

  it('keeps related claims behind a disclosure, apart from the summary', () => {
    show(entity);
    const details = root.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Related claims (1)');
    expect(texts('details li')).toEqual([
      'Wray said espionage is growing. Christopher Wray · CSI · Bundled with Backstory',
    ]);
    expect(root.querySelector('.summary')?.textContent).not.toContain('espionage');
  });

  it('never links a javascript: URL, and shows markup in titles as text', () => {
    show({ ...entity, factId: 'nk', text: 'North Korea' });
    const cite = root.querySelector('.cite') as HTMLElement;
    expect(cite.textContent).toContain('Hearing <b>notes</b> — Congress');
    expect(cite.querySelector('b')).toBeNull();
    expect([...cite.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a',
    ]);
  });

  it('shows the reader’s notes under “Your notes”, a link alone named by its site', () => {
    show(entity, {}, layered);
    const notes = root.querySelector('.notes') as HTMLElement;
    expect(notes.querySelector('h3')?.textContent).toBe('Your notes');
    expect(texts('.notes li')).toEqual(['Left the FBI in 2025. fbi.gov']);
    expect(notes.querySelector('a')?.getAttribute('href')).toBe('https://www.fbi.gov/news/x');
    // Beside the bundled summary, not instead of it.
    expect(root.querySelector('.summary')?.textContent).toContain('Director of the FBI');
  });

  it('shows an imported pack’s notes under that pack’s name and maker, never as the reader’s', () => {
    show({ ...entity, factId: 'nk', text: 'North Korea' }, {}, layered);
    expect(texts('.notes h3')).toEqual([
      'Notes from “Lazarus notes” by Jane Doe, imported 3 May 2026',
    ]);
  });
});

describe('a figure’s card', () => {
  it('leads with the verdict in words, which also describes the dialog', () => {
    show(conflict);
    expect(root.querySelector('h2')?.textContent).toBe('This page says “$3 billion”');
    const verdict = root.querySelector(`#${VERDICT_ID}`) as HTMLElement;
    expect(verdict.dataset.verdict).toBe('differs');
    expect(texts('.verdict-label')).toEqual(['≠ Conflicts with the sources']);
    expect(verdict.querySelector('.sentence')?.textContent).toBe(
      'CSI put North Korea’s total crypto theft at about $2 billion; this page says $3 billion, half as much again.',
    );
    expect(root.querySelector('.card')?.getAttribute('aria-describedby')).toBe(VERDICT_ID);
  });

  it('has the number line, with its text alternative', () => {
    show(conflict);
    const svg = root.querySelector('.picture svg') as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(root.querySelector(`#${svg.getAttribute('aria-labelledby')}`)?.textContent).toBe(
      'This page: $3 billion overall. Sources: CSI, about $2 billion overall (differs); Alejandro Mayorkas, over $1 billion in the past two years (other period).',
    );
  });

  it('gives each source its own row: relation, value, period, quote, who, where, when, origin', () => {
    show(conflict);
    const details = root.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('What each source says (2)');
    const rows = [...details.querySelectorAll('li')];
    expect(rows.map((li) => li.dataset.relation)).toEqual(['differs', 'other-period']);
    expect(texts('details li')).toEqual([
      '≠ differs about $2 billion overall “successfully funded $2b” CSI · August 2023 · Bundled with Backstory',
      '↔ other period over $1 billion in the past two years “stolen over $1 billion” Alejandro Mayorkas · Congress · July 2023 · Bundled with Backstory',
    ]);
  });

  it('tells an imported pack’s figure apart from the bundled ones, and gives no quote it lacks', () => {
    const withImported: Annotation = {
      ...conflict,
      comparisons: [...(conflict.comparisons ?? []), { claimId: 'j5b', verdict: 'differs' }],
    };
    show(withImported, {}, layered);
    const row = root.querySelector('li:nth-child(2)') as HTMLElement;
    expect(row.textContent).toContain('$5 billion');
    expect(row.querySelector('.origin')?.getAttribute('data-origin')).toBe('imported');
    expect(row.querySelector('.origin')?.textContent).toBe(
      'From “Lazarus notes” by Jane Doe, imported 3 May 2026',
    );
    expect(row.querySelector('.quote')).toBeNull();
    // A link alone is named by its site.
    expect(row.querySelector('.meta a')?.textContent).toBe('jane.example');
  });

  it('shows the reader’s note on the claim, a quote only as they gave it', () => {
    show(conflict, {}, layered);
    expect(texts('.notes h3')).toEqual(['Your notes']);
    expect(texts('.notes li')).toEqual(['“about $2 billion, give or take”']);
  });
});

describe('a restated claim’s card', () => {
  it('shows the sourced claim, who made it and where, with its quote', () => {
    show(restated);
    expect(root.querySelector('h2')?.textContent).toBe('Restates a sourced claim');
    expect(texts('.verdict .sentence')).toEqual([
      'This restates what Christopher Wray said, as reported by CSI.',
    ]);
    expect(texts('.claim p')).toEqual([
      'Wray said espionage is growing.',
      '“growing espionage”',
      'Christopher Wray · CSI · Bundled with Backstory',
    ]);
  });

  it('says so plainly when the page dates the event otherwise', () => {
    show({
      ...restated,
      factId: 'c2b',
      verdict: 'differs',
      pageDate: { text: 'In March', month: 3 },
      reason: 'CSI dates this to August 2023; this page puts it in March.',
    });
    expect(root.querySelector('h2')?.textContent).toBe('Dated otherwise than the source');
    expect(root.querySelector('.verdict')?.getAttribute('data-verdict')).toBe('differs');
    expect(texts('.verdict .sentence')).toEqual([
      'CSI dates this to August 2023; this page puts it in March.',
    ]);
  });

  it('shows a fact-checker’s rating with the checker, its link and the date', () => {
    show({ ...restated, factId: 'review', text: 'stole $3 billion in 2022' }, {}, layered);
    expect(root.querySelector('h2')?.textContent).toBe('Rated “Mostly False”');
    expect(texts('.verdict .sentence')).toEqual([
      'Example Fact Check rated this claim “Mostly False” (3 May 2023).',
    ]);
    expect(texts('.rating')).toEqual([
      'Rated “Mostly False” (2 on a scale from 1 to 6) by Example Fact Check, 3 May 2023',
    ]);
    expect(root.querySelector('.rating a')?.getAttribute('href')).toBe(
      'https://factcheck.example/nk',
    );
    expect(texts('.claim p')).toEqual([
      'North Korea stole $3 billion in 2022 alone.',
      'A viral post · 28 April 2023 · From “Lazarus notes” by Jane Doe, imported 3 May 2026',
    ]);
  });
});

describe('cardDataFor', () => {
  it('has no card for a fact the fact base does not know', () => {
    expect(cardDataFor({ ...entity, factId: 'nobody' }, facts)).toBeUndefined();
    expect(cardDataFor({ ...conflict, factId: 'nothing' }, facts)).toBeUndefined();
  });
});
