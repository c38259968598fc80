// @vitest-environment jsdom
// jsdom keeps live ranges as the DOM standard says (they collapse when their text is replaced or
// removed), which is what the highlighter relies on; happy-dom does not.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { collectText, type TextMap } from '@/lib/annotator/extract/text';
import type { HighlightApi } from '@/lib/annotator/highlight/api';
import {
  ACTIVE_HIGHLIGHT,
  type AnnotationGroup,
  HIGHLIGHT_NAMES,
  Highlights,
} from '@/lib/annotator/highlight/highlights';
import type { Annotation } from '@/lib/shared/match/types';
import { fakeHighlightApi } from './fake-highlights';

/** Annotations for every occurrence of `term` in the map's text. */
function find(map: TextMap, term: string, extra: Partial<Annotation> = {}): Annotation[] {
  const found: Annotation[] = [];
  for (let at = map.text.indexOf(term); at >= 0; at = map.text.indexOf(term, at + term.length)) {
    found.push({
      start: at,
      end: at + term.length,
      kind: 'entity',
      factId: term,
      text: term,
      ...extra,
    });
  }
  return found;
}

function setUp(html: string): HTMLElement {
  document.body.innerHTML = `<article>${html}</article>`;
  return document.querySelector('article') as HTMLElement;
}

/** Every text node under `root`, to check none was split, merged or replaced. */
function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

let api: HighlightApi;
let dropped: AnnotationGroup[];

function highlighter(): Highlights {
  return new Highlights({ api, onDropped: (groups) => dropped.push(...groups) });
}

async function highlight(root: Element, ...terms: string[]): Promise<Highlights> {
  const highlights = highlighter();
  const map = collectText(root);
  const annotations = terms.flatMap((term) => find(map, term)).sort((a, b) => a.start - b.start);
  await highlights.update(map, annotations);
  return highlights;
}

/** The text of every range in the highlight registered under `name`. */
function texts(name: string): string[] {
  return [...(api.registry.get(name) ?? [])].map((range) => (range as Range).toString());
}

describe('Highlights', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    api = fakeHighlightApi();
    dropped = [];
  });

  it('draws a match over the page’s own text node and changes nothing in the page', async () => {
    const root = setUp('<p>Director Christopher Wray said so.</p>');
    const before = root.innerHTML;
    const nodes = textNodes(root);
    const highlights = await highlight(root, 'Christopher Wray');
    expect(root.innerHTML).toBe(before);
    expect(textNodes(root)).toEqual(nodes);
    expect(texts(HIGHLIGHT_NAMES.entity)).toEqual(['Christopher Wray']);
    const [group] = highlights.groups;
    expect(group?.ranges[0]?.startContainer).toBe(nodes[0]);
    expect(highlights.groupOfRange(group?.ranges[0] as Range)).toBe(group);
    highlights.clear();
    expect([...api.registry.keys()]).toEqual([]);
    expect(root.innerHTML).toBe(before);
  });

  it('draws a name split by inline elements as one range per text node, in one group', async () => {
    const root = setUp('<p>Said <a href="/k">Kim</a> <em>Kuk-<b>myong</b></em> today.</p>');
    const before = root.innerHTML;
    const highlights = await highlight(root, 'Kim Kuk-myong');
    expect(texts(HIGHLIGHT_NAMES.entity)).toEqual(['Kim', ' ', 'Kuk-', 'myong']);
    expect(highlights.groups).toHaveLength(1);
    const group = highlights.groups[0] as AnnotationGroup;
    expect(group.ranges.map((r) => highlights.groupOfRange(r))).toEqual([
      group,
      group,
      group,
      group,
    ]);
    expect(root.innerHTML).toBe(before);
  });

  it('draws a name the page source wraps across lines', async () => {
    const root = setUp('<p>told the House\n      Committee today</p>');
    await highlight(root, 'House       Committee');
    expect(texts(HIGHLIGHT_NAMES.entity)).toEqual(['House\n      Committee']);
  });

  it('puts each annotation in exactly one kind: entity, claim, or conflict iff it differs', async () => {
    const root = setUp('<p>Wray said $2b; North Korea stole $3 billion and $1bn.</p>');
    const map = collectText(root);
    const highlights = highlighter();
    const claim = { kind: 'claim' as const, factId: 'c1' };
    await highlights.update(map, [
      ...find(map, 'Wray'),
      ...find(map, '$2b', { ...claim, verdict: 'agrees' }),
      ...find(map, '$3 billion', { ...claim, verdict: 'differs' }),
      ...find(map, '$1bn', { ...claim, verdict: 'other-period' }),
    ]);
    expect(texts(HIGHLIGHT_NAMES.entity)).toEqual(['Wray']);
    expect(texts(HIGHLIGHT_NAMES.claim)).toEqual(['$2b', '$1bn']);
    expect(texts(HIGHLIGHT_NAMES.conflict)).toEqual(['$3 billion']);
  });

  it('never draws inside untouchable elements', async () => {
    const root = setUp(
      '<p>Wray</p><code>Wray</code><pre>Wray</pre><textarea>Wray</textarea><div contenteditable="true">Wray</div>',
    );
    const highlights = await highlight(root, 'Wray');
    expect(
      highlights.groups.map((g) => g.ranges[0]?.startContainer.parentElement?.localName),
    ).toEqual(['p']);
  });

  it('is idempotent: the same annotations keep the same groups, ranges and ids', async () => {
    const root = setUp('<p>Wray and <i>Mayorkas</i>.</p>');
    const highlights = await highlight(root, 'Wray', 'Mayorkas');
    const groups = [...highlights.groups];
    const map = collectText(root);
    await highlights.update(map, [...find(map, 'Wray'), ...find(map, 'Mayorkas')]);
    expect(highlights.groups).toEqual(groups);
    expect(highlights.groups[0]).toBe(groups[0]);
    expect(dropped).toEqual([]);
  });

  it('drops groups no longer wanted and draws new content, keeping the ids of the rest', async () => {
    const root = setUp('<p>Wray and Mayorkas.</p>');
    const highlights = await highlight(root, 'Wray', 'Mayorkas');
    root.insertAdjacentHTML('beforeend', '<p>Later, Wray again.</p>');
    const map = collectText(root);
    await highlights.update(map, find(map, 'Wray'));
    expect(highlights.groups.map((g) => g.id)).toEqual([1, 3]);
    expect(texts(HIGHLIGHT_NAMES.entity)).toEqual(['Wray', 'Wray']);
    expect(dropped.map((g) => g.annotation.text)).toEqual(['Mayorkas']);
    expect(highlights.groupById(2)).toBeUndefined();
    expect(highlights.groupById(3)?.annotation.text).toBe('Wray');
  });

  it('skips an annotation whose text changed after the text was collected', async () => {
    const root = setUp('<p>Wray spoke.</p><p>Mayorkas spoke.</p>');
    const map = collectText(root);
    (root.querySelector('p')?.firstChild as Text).data = 'Someone spoke.';
    const highlights = highlighter();
    await highlights.update(map, [...find(map, 'Wray'), ...find(map, 'Mayorkas')]);
    expect(texts(HIGHLIGHT_NAMES.entity)).toEqual(['Mayorkas']);
  });

  it('drops at once a group whose text the page rewrites in place, as frameworks do', async () => {
    const root = setUp('<p>Wray spoke.</p><p>Mayorkas spoke.</p>');
    const highlights = await highlight(root, 'Wray', 'Mayorkas');
    const observer = new MutationObserver(() => undefined);
    observer.observe(root, { characterData: true, childList: true, subtree: true });
    (root.querySelector('p')?.firstChild as Text).data = 'Neuberger spoke.';
    const gone = highlights.dropStale(observer.takeRecords());
    expect(gone.map((g) => g.annotation.text)).toEqual(['Wray']);
    expect(texts(HIGHLIGHT_NAMES.entity)).toEqual(['Mayorkas']);
    expect(dropped).toEqual(gone);
  });

  it('drops at once a group whose text left the document, and keeps the rest', async () => {
    const root = setUp('<p>Wray spoke.</p><div><p>Mayorkas spoke.</p></div>');
    const highlights = await highlight(root, 'Wray', 'Mayorkas');
    const observer = new MutationObserver(() => undefined);
    observer.observe(root, { characterData: true, childList: true, subtree: true });
    root.querySelector('div')?.remove();
    highlights.dropStale(observer.takeRecords());
    expect(texts(HIGHLIGHT_NAMES.entity)).toEqual(['Wray']);
    expect(highlights.groups.map((g) => g.annotation.text)).toEqual(['Wray']);
  });

  it('drops a group whose text node the page split or edited inside the range', async () => {
    const root = setUp('<p>FBI Director Christopher Wray spoke.</p>');
    const highlights = await highlight(root, 'Christopher Wray');
    const observer = new MutationObserver(() => undefined);
    observer.observe(root, { characterData: true, childList: true, subtree: true });
    const text = root.querySelector('p')?.firstChild as Text;
    text.replaceData(16, 1, 'X');
    highlights.dropStale(observer.takeRecords());
    expect(highlights.groups).toEqual([]);
    expect([...api.registry.keys()]).toEqual([]);
  });

  it('shows one group as current, and forgets it when the group goes', async () => {
    const root = setUp('<p>Wray and Mayorkas.</p>');
    const highlights = await highlight(root, 'Wray', 'Mayorkas');
    const mayorkas = highlights.groups[1] as AnnotationGroup;
    highlights.setCurrent(mayorkas);
    expect(texts(ACTIVE_HIGHLIGHT)).toEqual(['Mayorkas']);
    expect(api.registry.get(ACTIVE_HIGHLIGHT)?.priority).toBeGreaterThan(
      api.registry.get(HIGHLIGHT_NAMES.entity)?.priority ?? 0,
    );
    const map = collectText(root);
    await highlights.update(map, find(map, 'Wray'));
    expect(api.registry.has(ACTIVE_HIGHLIGHT)).toBe(false);
    highlights.setCurrent(mayorkas);
    expect(api.registry.has(ACTIVE_HIGHLIGHT)).toBe(false);
  });

  it('puts its highlights back when the page deleted or replaced them', async () => {
    const root = setUp('<p>Wray spoke.</p>');
    const highlights = await highlight(root, 'Wray');
    const ours = api.registry.get(HIGHLIGHT_NAMES.entity);
    api.registry.delete(HIGHLIGHT_NAMES.entity);
    highlights.register();
    expect(api.registry.get(HIGHLIGHT_NAMES.entity)).toBe(ours);
  });

  it('knows only its own ranges: a range the page adds names no annotation', async () => {
    const root = setUp('<p>Wray spoke.</p>');
    const highlights = await highlight(root, 'Wray');
    const forged = document.createRange();
    forged.selectNodeContents(root);
    api.registry.get(HIGHLIGHT_NAMES.conflict)?.add(forged);
    expect(highlights.groupOfRange(forged)).toBeUndefined();
  });

  it('yields between slices and stops when aborted', async () => {
    const root = setUp(`<p>${'Wray, '.repeat(200)}</p>`);
    const map = collectText(root);
    const highlights = highlighter();
    const controller = new AbortController();
    const now = vi.spyOn(performance, 'now');
    let t = 0;
    now.mockImplementation(() => (t += 5));
    const done = highlights.update(map, find(map, 'Wray'), {
      signal: controller.signal,
      sliceMs: 8,
    });
    controller.abort();
    await done;
    now.mockRestore();
    expect(highlights.groups.length).toBeGreaterThan(0);
    expect(highlights.groups.length).toBeLessThan(200);
    highlights.clear();
    expect([...api.registry.keys()]).toEqual([]);
  });

  it('keeps annotations without drawing them where the browser has no custom highlights', async () => {
    const root = setUp('<p>Wray spoke.</p>');
    const highlights = new Highlights({ api: undefined });
    const map = collectText(root);
    await highlights.update(map, find(map, 'Wray'));
    expect(highlights.groups).toHaveLength(1);
    highlights.setCurrent(highlights.groups[0]);
    highlights.clear();
    expect(highlights.groups).toEqual([]);
  });
});
