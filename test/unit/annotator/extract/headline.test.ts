import { describe, expect, it } from 'vitest';
import { findHeadline } from '@/lib/annotator/extract/headline';

function setUp(html: string): { article: Element } {
  document.body.innerHTML = html;
  return { article: document.querySelector('article') as Element };
}

describe('finding the live headline', () => {
  it('finds the heading that says the title, with or without the site name', () => {
    const { article } = setUp(
      '<header><h1>Daily News</h1></header><article><h1>Hackers traced to Pyongyang</h1><p>Text.</p></article>',
    );
    expect(findHeadline(document, 'Hackers traced to Pyongyang', article)?.textContent).toBe(
      'Hackers traced to Pyongyang',
    );
    expect(
      findHeadline(document, 'Hackers traced to Pyongyang | Daily News', article)?.textContent,
    ).toBe('Hackers traced to Pyongyang');
    expect(
      findHeadline(document, 'Daily News – Hackers traced to Pyongyang', article)?.textContent,
    ).toBe('Hackers traced to Pyongyang');
  });

  it('never takes the site logo for the headline', () => {
    const { article } = setUp(
      '<header><h1>V8</h1></header><article><h1>Outside the web: standalone WebAssembly binaries</h1></article>',
    );
    expect(
      findHeadline(document, 'standalone WebAssembly binaries · V8', article)?.textContent,
    ).toBe('Outside the web: standalone WebAssembly binaries');
  });

  it('prefers a heading in the article, and finds none when no heading says the title', () => {
    const { article } = setUp(
      '<aside><h2>Hackers traced</h2></aside><article><h2>Hackers traced</h2></article><h1>Most read</h1>',
    );
    expect(findHeadline(document, 'Hackers traced', article)).toBe(article.querySelector('h2'));
    expect(findHeadline(document, 'Something else entirely', article)).toBeUndefined();
    expect(findHeadline(document, '', article)).toBeUndefined();
  });
});
