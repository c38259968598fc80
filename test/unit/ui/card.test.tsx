import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation } from '@/lib/match/types';
import { Card, type CardProps, VERDICT_ID } from '@/lib/ui/Card';
import { CARD_TITLE_ID } from '@/lib/ui/CardFrame';
import { cardDataFor } from '@/lib/ui/card-data';
import { index } from './facts';

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
  reason: 'this page: $3 billion; sources: about $2 billion overall',
  comparisons: [
    { claimId: 'c2b', verdict: 'differs' },
    { claimId: 'c1b', verdict: 'other-period' },
  ],
};

function show(annotation: Annotation, frame: Partial<Omit<CardProps, 'data'>> = {}): HTMLElement {
  const data = cardDataFor(annotation, index);
  if (!data) throw new Error('no card data');
  const container = document.createElement('div');
  document.body.append(container);
  const props: Omit<CardProps, 'data'> = {
    theme: 'light',
    onPrevious: vi.fn(),
    onNext: vi.fn(),
    onClose: vi.fn(),
    ...frame,
  };
  render(<Card data={data} {...props} />, container);
  return container;
}

describe('Card', () => {
  afterEach(() => {
    for (const el of [...document.body.children]) {
      render(null, el);
      el.remove();
    }
  });

  it('is a dialog named by its heading, in English, left to right', () => {
    const card = show(entity, { theme: 'dark' }).querySelector('.card') as HTMLElement;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('aria-labelledby')).toBe(CARD_TITLE_ID);
    expect(card.querySelector(`#${CARD_TITLE_ID}`)?.textContent).toBe('Christopher Wray');
    expect(card.dataset.theme).toBe('dark');
    expect([card.lang, card.dir]).toEqual(['en', 'ltr']);
  });

  it('has Close, and Previous / Next with the place among the page’s annotations', () => {
    const onPrevious = vi.fn();
    const onNext = vi.fn();
    const onClose = vi.fn();
    const container = show(entity, { place: { index: 3, total: 14 }, onPrevious, onNext, onClose });
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Close',
      '‹ Previous',
      'Next ›',
    ]);
    expect(container.querySelector('.place')?.textContent).toBe('3 of 14');
    for (const button of buttons) button.click();
    expect([onClose, onPrevious, onNext].map((f) => f.mock.calls.length)).toEqual([1, 1, 1]);
  });

  it('says a moved-to card once, in a status line that is empty on opening', () => {
    const opened = show(entity, { place: { index: 1, total: 2 } });
    expect(opened.querySelector('[role="status"]')?.textContent).toBe('');
    const moved = show(entity, { announcement: 'Christopher Wray, 2 of 2' });
    expect(moved.querySelector('[role="status"]')?.textContent).toBe('Christopher Wray, 2 of 2');
  });

  it('isolates reader-supplied text for direction', () => {
    const container = show(entity);
    const isolated = [...container.querySelectorAll('bdi')].map((b) => b.textContent);
    expect(isolated).toEqual(
      expect.arrayContaining([
        'Christopher Wray',
        'Director of the FBI. <script>alert(1)</script>',
        'Defending against threats',
        'CSI',
      ]),
    );
  });

  it('shows an entity: kind, summary as text, related claims with speaker, date and publisher', () => {
    const container = show(entity);
    expect(container.querySelector('.kind')?.textContent).toBe('Person');
    expect(container.querySelector('.summary')?.textContent).toBe(
      'Director of the FBI. <script>alert(1)</script>',
    );
    expect(container.querySelector('script')).toBeNull();
    const claims = [...(container.querySelectorAll('section')[0]?.querySelectorAll('li') ?? [])];
    expect(claims.map((li) => li.textContent)).toEqual([
      'Wray said espionage is growing.said by Christopher Wray · CSI',
    ]);
  });

  it('links only http(s) sources, in a new tab without opener or referrer', () => {
    const container = show(entity);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel])).toEqual([
      ['Defending against threats', 'https://example.org/a', '_blank', 'noopener noreferrer'],
    ]);
    const sources = [...container.querySelectorAll('.sources li')].map((li) => li.textContent);
    expect(sources).toEqual(['Defending against threatsCSI · August 2023']);
  });

  it('never links a javascript: url and shows markup in titles as text', () => {
    const annotation: Annotation = { ...entity, factId: 'nk', text: 'North Korea' };
    const container = show(annotation);
    const sources = [...container.querySelectorAll('.sources li')];
    expect(sources.map((li) => li.firstElementChild?.tagName)).toEqual(['SPAN', 'A']);
    expect(sources[0]?.firstElementChild?.textContent).toBe('Hearing <b>notes</b>');
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://example.org/a',
    ]);
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows a figure: what the page says, the verdict and reason, each source figure, the evidence', () => {
    const container = show(conflict);
    expect(container.querySelector('h2')?.textContent).toBe('This page says “$3 billion”');
    const verdict = container.querySelector('.verdict') as HTMLElement;
    expect(verdict.dataset.verdict).toBe('differs');
    // In words, not only by colour or line style; it also describes the dialog.
    expect(verdict.textContent).toBe(
      '≠ Conflicts with the sources:this page: $3 billion; sources: about $2 billion overall',
    );
    expect(verdict.id).toBe(VERDICT_ID);
    expect(container.querySelector('.card')?.getAttribute('aria-describedby')).toBe(VERDICT_ID);
    const rows = [...(container.querySelectorAll('section')[0]?.querySelectorAll('li') ?? [])];
    expect(rows.map((li) => [li.dataset.verdict, li.textContent])).toEqual([
      ['differs', 'about $2 billion overall ≠ differsAugust 2023 · CSI'],
      [
        'other-period',
        'over $1 billion in the past two years ↔ other periodsaid by Alejandro Mayorkas · July 2023 · Congress',
      ],
    ]);
    expect(container.querySelector('.evidence')?.textContent).toBe(
      'In the source: successfully funded $2b',
    );
    expect(container.querySelector('.evidence q')?.textContent).toBe('successfully funded $2b');
  });

  it('has no card for a fact the index does not know', () => {
    expect(cardDataFor({ ...entity, factId: 'nobody' }, index)).toBeUndefined();
    expect(cardDataFor({ ...conflict, factId: 'nothing' }, index)).toBeUndefined();
  });
});
