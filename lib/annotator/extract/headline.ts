/**
 * The article's headline on the live page. Readability reports the title as text and drops the
 * heading that repeats it, but readers see the headline as part of the article, so it is annotated.
 */
import { isUntouchable } from './text';

/** Where titles put the site's name: "Headline | Site", "Site - Headline", "Headline · Site". */
const SITE_SEPARATOR = / [|\-–—·»] | :: /;

/**
 * The `<h1>` (else `<h2>`) that says the title (or the title without the site's name), preferring
 * headings inside `article` (the element around the article's blocks), or undefined.
 */
export function findHeadline(doc: Document, title: string, article: Element): Element | undefined {
  const variants = [title, ...title.split(SITE_SEPARATOR)]
    .map(words)
    .filter((variant) => variant.length > 0);
  if (variants.length === 0) return undefined;
  for (const tag of ['h1', 'h2']) {
    const headings = [...doc.getElementsByTagName(tag)].filter(
      (heading) =>
        !insideUntouchable(heading) &&
        variants.some((variant) => saysTitle(variant, words(heading.textContent ?? ''))),
    );
    const found = headings.find((heading) => article.contains(heading)) ?? headings[0];
    if (found) return found;
  }
  return onlyHeadingOfArticle(article);
}

/**
 * The one `<h1>` of the `<article>` element around the article's blocks: the headline when the
 * title says something else (a single-page app that changed the story but not the document's title).
 */
function onlyHeadingOfArticle(article: Element): Element | undefined {
  const [heading, ...more] = article.closest('article')?.getElementsByTagName('h1') ?? [];
  return heading && more.length === 0 && !insideUntouchable(heading) ? heading : undefined;
}

/** True if the heading's words and the title's mostly coincide (each way at least half, one way over 3/4). */
function saysTitle(title: string[], heading: string[]): boolean {
  const headingShare = coveredBy(title, heading);
  const titleShare = coveredBy(heading, title);
  return Math.min(headingShare, titleShare) >= 0.5 && Math.max(headingShare, titleShare) > 0.75;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of `b`'s text (in characters, as Readability measures it) made of words `a` also has. */
function coveredBy(a: string[], b: string[]): number {
  const inA = new Set(a);
  const total = b.join(' ').length;
  const shared = b.filter((word) => inA.has(word)).join(' ').length;
  return total === 0 ? 0 : shared / total;
}

function insideUntouchable(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement)
    if (isUntouchable(node)) return true;
  return false;
}
