import { describe, expect, it } from 'vitest';
import { prefillFromSelection, prefillQuery, readPrefill } from '@/lib/prefill';

describe('the context-menu prefill', () => {
  it('takes the selection as term and the page as the source', () => {
    expect(
      prefillFromSelection(
        { selectionText: '  Lazarus\n  Group ', pageUrl: 'https://news.example/a?x=1&y=2' },
        { title: 'North Korea & the FBI', url: 'https://ignored.example' },
      ),
    ).toEqual({
      term: 'Lazarus Group',
      sourceTitle: 'North Korea & the FBI',
      sourceUrl: 'https://news.example/a?x=1&y=2',
    });
    expect(prefillFromSelection({ selectionText: 'X' }, { url: 'https://t.example/' })).toEqual({
      term: 'X',
      sourceTitle: '',
      sourceUrl: 'https://t.example/',
    });
  });

  it('builds the options-page query the background opens, and reads it back exactly', () => {
    const prefill = {
      term: 'Kim Kuk-myong',
      sourceTitle: 'N. Korea lashes out: “cyber threat” & more',
      sourceUrl: 'https://news.example/a?x=1&y=2#top',
    };
    const query = prefillQuery(prefill);
    expect(query).toBe(
      'term=Kim+Kuk-myong&sourceTitle=N.+Korea+lashes+out%3A+%E2%80%9Ccyber+threat%E2%80%9D+%26+more&sourceUrl=https%3A%2F%2Fnews.example%2Fa%3Fx%3D1%26y%3D2%23top',
    );
    expect(readPrefill(`?${query}`)).toEqual(prefill);
  });

  it('cuts a long selection to a term-sized 200 characters', () => {
    const { term } = readPrefill(prefillQuery({ term: 'word '.repeat(100) }));
    // 40 words of five characters, less the space the cut ends on.
    expect(term).toBe('word '.repeat(40).trim());
  });

  it('reads missing parameters as empty fields', () => {
    expect(readPrefill('')).toEqual({ term: '', sourceTitle: '', sourceUrl: '' });
  });
});
