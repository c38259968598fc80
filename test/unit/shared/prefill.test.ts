import { describe, expect, it } from 'vitest';
import {
  isoDateOf,
  prefillFromCard,
  prefillFromSelection,
  prefillQuery,
  readNoteTarget,
  readPrefill,
} from '@/lib/shared/prefill';

const EMPTY = {
  term: '',
  quote: '',
  figure: '',
  measure: '',
  sourceTitle: '',
  sourceUrl: '',
  sourcePublished: '',
};

describe('the context-menu prefill', () => {
  it('takes a selection that reads like a name as the term, and the page as the source', () => {
    expect(
      prefillFromSelection(
        { selectionText: '  Lazarus\n  Group ', pageUrl: 'https://news.example/a?x=1&y=2' },
        { title: 'North Korea & the FBI', url: 'https://ignored.example' },
        '2023-08-17T10:00:00+00:00',
      ),
    ).toEqual({
      ...EMPTY,
      term: 'Lazarus Group',
      sourceTitle: 'North Korea & the FBI',
      sourceUrl: 'https://news.example/a?x=1&y=2',
      sourcePublished: '2023-08-17',
    });
  });

  it('takes a selection the figure reader reads as one figure as the figure', () => {
    for (const selectionText of [
      '$1.7 billion',
      'over $1.7 billion in 2022',
      'North Korea has stolen over $1 billion in the past two years alone.',
      // "last year" needs the page's date to be read; it reads without one as well.
      'about $600 million last year',
    ]) {
      expect(prefillFromSelection({ selectionText }, undefined, '2023-09-14')).toEqual({
        ...EMPTY,
        figure: selectionText,
        sourcePublished: '2023-09-14',
      });
    }
  });

  it('takes any other sentence as the quote, leaving the term to the reader', () => {
    const sentence = 'Officials say the regime’s hackers are among the most active in the world.';
    expect(
      prefillFromSelection({ selectionText: sentence }, { url: 'https://t.example/' }),
    ).toEqual({ ...EMPTY, quote: sentence, sourceUrl: 'https://t.example/' });
    // Two figures are not one figure: the words are kept as a quote.
    expect(prefillFromSelection({ selectionText: '$1 billion or $2 billion' }).quote).toBe(
      '$1 billion or $2 billion',
    );
  });

  it('keeps a page date only when it is an ISO date', () => {
    expect(isoDateOf('2023-08-17')).toBe('2023-08-17');
    expect(isoDateOf('2023-08')).toBe('2023-08');
    expect(isoDateOf('2023-08-17 10:00')).toBe('2023-08-17');
    expect(isoDateOf('August 17, 2023')).toBe('');
    expect(isoDateOf('20230817')).toBe('');
    expect(isoDateOf(undefined)).toBe('');
  });

  it('builds the options-page query the background opens, and reads it back exactly', () => {
    const prefill = {
      term: 'Kim Kuk-myong',
      quote: 'a “cyber threat” & more',
      figure: 'over $1 billion',
      measure: 'dprk.crypto-theft.usd',
      sourceTitle: 'N. Korea lashes out',
      sourceUrl: 'https://news.example/a?x=1&y=2#top',
      sourcePublished: '2022-09',
    };
    const query = prefillQuery(prefill);
    expect(query).toBe(
      'term=Kim+Kuk-myong&quote=a+%E2%80%9Ccyber+threat%E2%80%9D+%26+more&figure=over+%241+billion&measure=dprk.crypto-theft.usd&sourceTitle=N.+Korea+lashes+out&sourceUrl=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23top&sourcePublished=2022-09',
    );
    expect(readPrefill(`?${query}`)).toEqual(prefill);
  });

  it('cuts a long selection, and leaves empty fields out of the URL', () => {
    const { quote } = readPrefill(prefillQuery({ quote: 'word. '.repeat(200) }));
    expect(quote.length).toBeLessThanOrEqual(600);
    expect(prefillQuery({ term: 'X' })).toBe('term=X');
  });

  it('reads missing parameters as empty fields', () => {
    expect(readPrefill('')).toEqual(EMPTY);
  });
});

describe('the prefill of “Save to my facts” on a card', () => {
  it('makes the page’s words the quote and the page the source', () => {
    expect(
      prefillFromCard(
        '  stole $1.5 billion\n in 2022 ',
        { title: 'North Korea’s hackers', url: 'https://news.example/a' },
        '2023-09-14T08:00:00Z',
      ),
    ).toEqual({
      ...EMPTY,
      quote: 'stole $1.5 billion in 2022',
      sourceTitle: 'North Korea’s hackers',
      sourceUrl: 'https://news.example/a',
      sourcePublished: '2023-09-14',
    });
  });

  it('carries what the note is on, an entity or a claim, by its id exactly', () => {
    const about = { kind: 'entity' as const, id: 'christopher-wray' };
    const query = prefillQuery({ sourceUrl: 'https://news.example/a' }, about);
    expect(query).toBe('about=entity%3Achristopher-wray&sourceUrl=https%3A%2F%2Fnews.example%2Fa');
    expect(readNoteTarget(query)).toEqual(about);
    expect(readPrefill(query)).toEqual({ ...EMPTY, sourceUrl: 'https://news.example/a' });
    const claim = { kind: 'claim' as const, id: 'odd  id: with “spaces”' };
    expect(readNoteTarget(prefillQuery({}, claim))).toEqual(claim);
  });

  it('leaves out a target it cannot read, rather than guess or cut an id', () => {
    for (const about of [
      'person:wray',
      'entity:',
      'entity:   ',
      'wray',
      `entity:${'x'.repeat(301)}`,
    ]) {
      expect(readNoteTarget(`about=${encodeURIComponent(about)}`)).toBeUndefined();
    }
    expect(readNoteTarget('')).toBeUndefined();
    expect(prefillQuery({}, { kind: 'entity', id: 'x'.repeat(301) })).toBe('');
  });
});
