import { describe, expect, it } from 'vitest';
import { extractArticle, readingMinutes } from '@/lib/extract/article';

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story. ${'Investigators traced the stolen funds through several exchanges, and officials said more work remained. '.repeat(4)}</p>`;

function articlePage(): string {
  return `<!doctype html><html lang="en"><head><title>Hackers traced | Example News</title>
    <meta name="author" content="Jane Reporter"><meta property="og:site_name" content="Example News"></head>
    <body><nav id="nav"><a href="/">Home</a><a href="/world">World</a></nav>
    <div id="layout"><main id="main"><h1>Hackers traced</h1>
      <div id="story" class="article-body">${Array.from({ length: 8 }, (_, i) => paragraph(i + 1)).join('')}</div>
    </main><aside id="most-read"><h2>Most read</h2><ul><li>Another story</li><li>A third story</li></ul></aside></div>
    <footer id="footer">Copyright Example News</footer></body></html>`;
}

function load(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

describe('extractArticle', () => {
  it('returns metadata and the live element holding the article body', () => {
    const doc = load(articlePage());
    const article = extractArticle(doc);
    expect(article && { ...article, root: article.root.id }).toEqual({
      title: 'Hackers traced | Example News',
      byline: 'Jane Reporter',
      siteName: 'Example News',
      published: undefined,
      lang: 'en',
      excerpt: expect.stringContaining('Paragraph 1 of the story.'),
      length: expect.any(Number),
      readingMinutes: 2,
      // Readability keeps the headline with the story, so the root is <main>: never the nav, aside or footer.
      root: 'main',
    });
    expect(article?.root.ownerDocument).toBe(doc);
    expect(article?.root.isConnected).toBe(true);
  });

  it('leaves the live page exactly as it was', () => {
    const doc = load(articlePage());
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns null for a page that is not an article', () => {
    const doc = load(
      '<html><body><nav><a href="/">Home</a></nav><ul><li>One</li><li>Two</li></ul></body></html>',
    );
    expect(extractArticle(doc)).toBeNull();
  });

  it('returns null when the page has more elements than maxElemsToParse', () => {
    const doc = load(articlePage());
    expect(extractArticle(doc, { maxElemsToParse: 10 })).toBeNull();
  });
});

describe('readingMinutes', () => {
  it('counts 230 words a minute, at least one', () => {
    expect([
      readingMinutes(''),
      readingMinutes('word '.repeat(460)),
      readingMinutes('word '.repeat(2300)),
    ]).toEqual([1, 2, 10]);
  });
});
