// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  extractArticle,
  readArticle,
  readingMinutes,
  readPage,
} from '@/lib/annotator/extract/article';
import { collectBlocksText } from '@/lib/annotator/extract/text';

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story. ${'Investigators traced the stolen funds through several exchanges, and officials said more work remained. '.repeat(4)}</p>`;

const story = (count = 8) => Array.from({ length: count }, (_, i) => paragraph(i + 1)).join('');

function articlePage(): string {
  return `<!doctype html><html lang="en"><head><title>Hackers traced | Example News</title>
    <meta name="author" content="Jane Reporter"><meta property="og:site_name" content="Example News"></head>
    <body><nav id="nav"><a href="/">Home</a><a href="/world">World</a></nav>
    <div id="layout"><main id="main"><a class="section-label" href="/world">World</a><h1>Hackers traced</h1>
      <div id="story" class="article-body">${story()}</div>
    </main><aside id="most-read"><h2>Most read</h2><ul><li>Another story</li><li>A third story</li></ul></aside></div>
    <footer id="footer">Copyright Example News</footer></body></html>`;
}

function load(html: string): Document {
  return new JSDOM(html, { url: 'https://news.example/story.html' }).window.document;
}

const describeNode = (node: Node) =>
  node.nodeType === 3 ? `#text ${(node as Text).data.trim()}` : (node as Element).tagName;

describe('readPage', () => {
  it('returns metadata, the live headline and the live blocks Readability kept', () => {
    const doc = load(articlePage());
    const { article } = readPage(doc);
    expect(
      article && {
        ...article,
        blocks: article.blocks.length,
        headline: article.headline?.tagName,
        root: article.root.id,
      },
    ).toEqual({
      title: 'Hackers traced | Example News',
      byline: 'Jane Reporter',
      siteName: 'Example News',
      published: undefined,
      lang: 'en',
      excerpt: expect.stringContaining('Paragraph 1 of the story.'),
      length: expect.any(Number),
      readingMinutes: 2,
      headline: 'H1',
      blocks: 9,
      root: 'story',
    });
    expect(article?.blocks[0]).toBe(doc.querySelector('h1'));
    expect(article?.blocks.slice(1)).toEqual([...doc.querySelectorAll('#story p')]);
    expect(article?.blocks.every((block) => block.isConnected && block.ownerDocument === doc)).toBe(
      true,
    );
  });

  it('leaves out what lies between the kept blocks: section labels, related links, bylines of other stories', () => {
    const doc = load(`<!doctype html><html><head><title>Hackers traced</title></head><body>
      <article id="story"><a class="kicker" href="/world">World</a><h1>Hackers traced</h1>
        ${story(3)}
        <div class="related"><h3>Related</h3><ul>
          <li><a href="/a">FBI Director Christopher Wray warns lawmakers about North Korean hackers</a></li>
          <li><a href="/b">Alejandro Mayorkas says North Korea stole over $1 billion in crypto</a></li>
          <li><a href="/c">Lazarus Group linked to another exchange hack, researchers say</a></li></ul>
          <p class="byline">By Other Writer</p></div>
        ${story(3)}
      </article></body></html>`);
    const { article } = readPage(doc);
    const text = collectBlocksText(article?.blocks ?? []).text;
    expect(text).toContain('Hackers traced');
    expect(text.match(/Paragraph \d of the story/g)).toHaveLength(6);
    for (const outside of ['World', 'Related', 'Christopher Wray', 'Mayorkas', 'Other Writer'])
      expect(text).not.toContain(outside);
    // The old live root (their common ancestor) holds all of it.
    expect(article?.root.id).toBe('story');
  });

  it('keeps loose text of a block it kept in part, and reads inline runs as one', () => {
    const doc = load(`<!doctype html><html><head><title>A brief</title></head><body><div id="story">
      <h1>A brief</h1>
      ${story(3)}
      <div class="body">Director <b>Christopher</b> <i>Wray</i> said the theft was large, and that investigators would keep working on the case for months.<br><br>Officials in several countries said they would help with the work, and that more arrests could follow in the coming weeks.<div class="share"><a href="/s">Share</a><a href="/t">Tweet</a><a href="/f">Post</a></div></div>
      ${story(2)}
    </div></body></html>`);
    const { article } = readPage(doc);
    const text = collectBlocksText(article?.blocks ?? []).text;
    expect(text).toContain('Director Christopher Wray said the theft was large');
    expect(text).toContain('Officials in several countries said');
    expect(text).not.toContain('Tweet');
  });

  it('leaves the live page exactly as it was', () => {
    const doc = load(articlePage());
    const before = doc.documentElement.outerHTML;
    readPage(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('says a page of links is not an article', () => {
    const doc = load(
      '<html><body><nav><a href="/">Home</a></nav><ul><li><a href="/1">One story</a></li><li><a href="/2">Two</a></li></ul></body></html>',
    );
    expect(readPage(doc)).toEqual({
      article: null,
      why: { reason: 'not-an-article', detail: 'too-short' },
    });
  });

  it('reads a page over the element limit from its article element, when that is under the limit', () => {
    const padding = '<div><span>menu</span></div>'.repeat(60);
    const doc = load(`<!doctype html><html><head><title>Hackers traced</title></head><body>
      <nav>${padding}</nav><article><h1>Hackers traced</h1>${story(4)}</article><footer>${padding}</footer></body></html>`);
    const { article } = readPage(doc, { maxElemsToParse: 100 });
    expect(article?.blocks.map(describeNode)).toEqual(['H1', 'P', 'P', 'P', 'P']);
    expect(article?.blocks[0]).toBe(doc.querySelector('h1'));
  });

  it('says why when a page over the element limit has no small enough article element', () => {
    const doc = load(articlePage());
    const elements = doc.getElementsByTagName('*').length;
    expect(readPage(doc, { maxElemsToParse: 10 })).toEqual({
      article: null,
      why: { reason: 'too-large', elements, limit: 10 },
    });
  });

  it('says so when the article is in a same-origin frame', () => {
    const dom = new JSDOM(
      '<!doctype html><html><body><nav><a href="/">Home</a></nav><iframe></iframe></body></html>',
    );
    const frame = dom.window.document.querySelector('iframe') as HTMLIFrameElement;
    const inner = frame.contentDocument as Document;
    inner.open();
    inner.write(
      `<!doctype html><html><head><title>Framed</title></head><body><article><h1>Framed</h1>${story()}</article></body></html>`,
    );
    inner.close();
    expect(readPage(dom.window.document).why).toEqual({ reason: 'in-frame' });
    // Read in its own document, the frame's article is found.
    expect(readPage(inner).article?.title).toBe('Framed');
  });

  it('says so when the article is in an open shadow root', () => {
    const doc = load(
      '<!doctype html><html><head><title>Shadowed</title></head><body><nav><a href="/">Home</a></nav><story-view></story-view></body></html>',
    );
    const host = doc.querySelector('story-view') as Element;
    host.attachShadow({
      mode: 'open',
    }).innerHTML = `<article><h1>Shadowed</h1>${story()}</article>`;
    expect(readPage(doc).why).toEqual({ reason: 'in-shadow-root' });
  });
});

describe('readArticle', () => {
  it('is readPage with the text, or null, for the tools of today', () => {
    expect(readArticle(load(articlePage()))?.text).toContain('Paragraph 8 of the story.');
    expect(readArticle(load('<html><body><p>Cheap socks.</p></body></html>'))).toBeNull();
  });
});

describe('extractArticle', () => {
  it('is readPage without the reason, for the content script of today', () => {
    const doc = load(articlePage());
    expect(extractArticle(doc)?.root.id).toBe('story');
    expect(extractArticle(load('<html><body><p>Cheap socks.</p></body></html>'))).toBeNull();
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
