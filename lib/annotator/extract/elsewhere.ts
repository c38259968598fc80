/**
 * Where an article is when the page's own document has none that Readability can see: in a
 * same-origin frame (its own document) or in an open shadow root. Only asked after extraction
 * failed on a page that names the fact base, so its cost is paid rarely.
 */
/** Text a frame or an open shadow root must hold, at least, to be taken for an article (a few paragraphs). */
const ARTICLE_CHARS = 1_000;
/** Frames looked into, at most: a page with more is not a framed article. */
const MAX_FRAMES = 20;

export type Elsewhere = 'in-frame' | 'in-shadow-root';

/** Where the page's article is, when it is in a frame or a shadow root; undefined otherwise. */
export function findElsewhere(doc: Document): Elsewhere | undefined {
  if (inSameOriginFrame(doc)) return 'in-frame';
  if (inShadowRoot(doc)) return 'in-shadow-root';
  return undefined;
}

function inSameOriginFrame(doc: Document): boolean {
  const frames = doc.querySelectorAll('iframe, frame');
  for (const frame of [...frames].slice(0, MAX_FRAMES)) {
    let inner: Document | null = null;
    try {
      // Null (or, in some browsers, a SecurityError) for a cross-origin frame.
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.body && holdsArticle(inner.body)) return true;
  }
  return false;
}

/** True if an open shadow root (at any depth) holds paragraphs of text. */
function inShadowRoot(doc: Document): boolean {
  const roots: ParentNode[] = [doc];
  for (let root = roots.pop(); root; root = roots.pop()) {
    for (const el of root.querySelectorAll('*')) {
      const shadow = el.shadowRoot;
      if (!shadow) continue;
      if (holdsArticle(shadow)) return true;
      roots.push(shadow);
    }
  }
  return false;
}

/** True if `root` holds paragraphs of text: a few hundred words, some in `<p>` elements. */
function holdsArticle(root: ParentNode): boolean {
  return (root.textContent?.length ?? 0) >= ARTICLE_CHARS && root.querySelector('p') !== null;
}
