import { describe, expect, it } from 'vitest';
import { isoDateOf, prefillFromSelection, prefillQuery, readPrefill } from '@/lib/prefill';

const EMPTY = { term: '', quote: '', sourceTitle: '', sourceUrl: '', sourcePublished: '' };

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

  it('takes a sentence or a figure as the quote, leaving the term to the reader', () => {
    const sentence = 'North Korea has stolen over $1 billion in the past two years alone.';
    expect(
      prefillFromSelection({ selectionText: sentence }, { url: 'https://t.example/' }),
    ).toEqual({
      ...EMPTY,
      quote: sentence,
      sourceUrl: 'https://t.example/',
    });
    expect(prefillFromSelection({ selectionText: '$1.7 billion' }).quote).toBe('$1.7 billion');
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
      sourceTitle: 'N. Korea lashes out',
      sourceUrl: 'https://news.example/a?x=1&y=2#top',
      sourcePublished: '2022-09',
    };
    const query = prefillQuery(prefill);
    expect(query).toBe(
      'term=Kim+Kuk-myong&quote=a+%E2%80%9Ccyber+threat%E2%80%9D+%26+more&sourceTitle=N.+Korea+lashes+out&sourceUrl=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23top&sourcePublished=2022-09',
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
