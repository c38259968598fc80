import { beforeEach, describe, expect, it } from 'vitest';
import { collectText, type TextMap } from '@/lib/extract/text';
import { Highlights, MARK_TAG } from '@/lib/highlight/highlights';
import type { Annotation } from '@/lib/match/types';

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

async function highlight(root: Element, ...terms: string[]): Promise<Highlights> {
  const highlights = new Highlights();
  const map = collectText(root);
  const annotations = terms.flatMap((term) => find(map, term)).sort((a, b) => a.start - b.start);
  await highlights.update(root, map, annotations);
  return highlights;
}

describe('Highlights', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('wraps a match inside a text node and restores the same node on clear', async () => {
    const root = setUp('<p>Director Christopher Wray said so.</p>');
    const before = root.innerHTML;
    const original = root.querySelector('p')?.firstChild;
    const highlights = await highlight(root, 'Christopher Wray');
    expect(root.innerHTML).toBe(
      '<p>Director <backstory-mark data-kind="entity" data-fact="Christopher Wray" data-annotation="1" tabindex="-1">Christopher Wray</backstory-mark> said so.</p>',
    );
    expect(highlights.groups).toHaveLength(1);
    highlights.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')?.firstChild).toBe(original);
    expect(root.querySelector('p')?.childNodes).toHaveLength(1);
  });

  it('wraps a name the page source wraps across lines, and restores it exactly', async () => {
    const html = '<p>told the House\n      Committee today</p>';
    const root = setUp(html);
    const highlights = await highlight(root, 'House       Committee');
    const mark = root.querySelector(MARK_TAG);
    expect(mark?.textContent).toBe('House\n      Committee');
    highlights.clear();
    expect(root.innerHTML).toBe(html);
  });

  it('wraps a name split by inline elements with one mark per piece, sharing one group', async () => {
    const root = setUp('<p>Said <a href="/k">Kim</a> <em>Kuk-<b>myong</b></em> today.</p>');
    const before = root.innerHTML;
    const highlights = await highlight(root, 'Kim Kuk-myong');
    const marks = [...root.querySelectorAll(MARK_TAG)];
    expect(marks.map((m) => m.textContent)).toEqual(['Kim', ' ', 'Kuk-', 'myong']);
    expect(new Set(marks.map((m) => (m as HTMLElement).dataset.annotation))).toEqual(
      new Set(['1']),
    );
    expect(highlights.groups[0]?.marks).toEqual(marks);
    expect(highlights.groupOf(marks[2] as Element)).toBe(highlights.groups[0]);
    expect(root.querySelector('a')?.innerHTML).toBe(
      '<backstory-mark data-kind="entity" data-fact="Kim Kuk-myong" data-annotation="1" tabindex="-1">Kim</backstory-mark>',
    );
    highlights.clear();
    expect(root.innerHTML).toBe(before);
  });

  it('wraps several matches in one text node and merges every split back', async () => {
    const root = setUp('<p>Wray and Mayorkas, then Wray again and Mayorkas.</p>');
    const before = root.innerHTML;
    const highlights = await highlight(root, 'Wray', 'Mayorkas');
    expect([...root.querySelectorAll(MARK_TAG)].map((m) => m.textContent)).toEqual([
      'Wray',
      'Mayorkas',
      'Wray',
      'Mayorkas',
    ]);
    expect(root.querySelector('p')?.childNodes).toHaveLength(8);
    highlights.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')?.childNodes).toHaveLength(1);
  });

  it('keeps text nodes that were separate before separate after removal', async () => {
    const root = setUp('<p></p>');
    const p = root.querySelector('p') as HTMLElement;
    const first = document.createTextNode('FBI Director Christopher ');
    const second = document.createTextNode('Wray spoke.');
    p.append(first, second);
    const highlights = await highlight(root, 'Christopher Wray', 'FBI');
    expect(p.querySelectorAll(MARK_TAG)).toHaveLength(3);
    highlights.clear();
    expect([...p.childNodes]).toEqual([first, second]);
    expect(first.data).toBe('FBI Director Christopher ');
    expect(second.data).toBe('Wray spoke.');
  });

  it('never touches untouchable elements', async () => {
    const root = setUp(
      '<p>Wray</p><code>Wray</code><pre>Wray</pre><textarea>Wray</textarea><div contenteditable="true">Wray</div><script>var Wray;</script>',
    );
    const highlights = await highlight(root, 'Wray');
    expect([...root.querySelectorAll(MARK_TAG)].map((m) => m.parentElement?.tagName)).toEqual([
      'P',
    ]);
    expect(highlights.groups).toHaveLength(1);
  });

  it('marks a differing figure as a conflict', async () => {
    const root = setUp('<p>North Korea stole $3 billion in crypto.</p>');
    const map = collectText(root);
    const highlights = new Highlights();
    await highlights.update(
      root,
      map,
      find(map, '$3 billion', { kind: 'claim', factId: 'c1', verdict: 'differs' }),
    );
    const mark = root.querySelector(MARK_TAG) as HTMLElement;
    expect(mark.dataset.kind).toBe('claim');
    expect(mark.dataset.fact).toBe('c1');
    expect(mark.hasAttribute('data-conflict')).toBe(true);
  });

  it('is idempotent: the same annotations again keep the same marks', async () => {
    const root = setUp('<p>Wray and <i>Mayorkas</i>.</p>');
    const highlights = await highlight(root, 'Wray', 'Mayorkas');
    const marks = [...root.querySelectorAll(MARK_TAG)];
    const html = root.innerHTML;
    const map = collectText(root);
    await highlights.update(root, map, [...find(map, 'Wray'), ...find(map, 'Mayorkas')]);
    expect(root.innerHTML).toBe(html);
    expect([...root.querySelectorAll(MARK_TAG)]).toEqual(marks);
  });

  it('drops marks that are no longer wanted and wraps new content', async () => {
    const root = setUp('<p>Wray and Mayorkas.</p>');
    const highlights = await highlight(root, 'Wray', 'Mayorkas');
    const wray = root.querySelector(MARK_TAG);
    root.insertAdjacentHTML('beforeend', '<p>Later, Wray again.</p>');
    const map = collectText(root);
    await highlights.update(root, map, find(map, 'Wray'));
    expect(root.innerHTML).toBe(
      '<p><backstory-mark data-kind="entity" data-fact="Wray" data-annotation="1" tabindex="-1">Wray</backstory-mark> and Mayorkas.</p>' +
        '<p>Later, <backstory-mark data-kind="entity" data-fact="Wray" data-annotation="3" tabindex="-1">Wray</backstory-mark> again.</p>',
    );
    expect(root.querySelector(MARK_TAG)).toBe(wray);
    expect(root.querySelector('p')?.childNodes).toHaveLength(2);
    expect(highlights.groups.map((g) => g.id)).toEqual([1, 3]);
    highlights.clear();
    expect(root.innerHTML).toBe('<p>Wray and Mayorkas.</p><p>Later, Wray again.</p>');
  });

  it('rewraps a mark whose text the page changed', async () => {
    const root = setUp('<p>Wray spoke.</p>');
    const highlights = await highlight(root, 'Wray');
    const mark = root.querySelector(MARK_TAG) as HTMLElement;
    (mark.firstChild as Text).data = 'Mayorkas';
    const map = collectText(root);
    await highlights.update(root, map, find(map, 'Mayorkas'));
    expect(root.innerHTML).toBe(
      '<p><backstory-mark data-kind="entity" data-fact="Mayorkas" data-annotation="2" tabindex="-1">Mayorkas</backstory-mark> spoke.</p>',
    );
    highlights.clear();
    expect(root.innerHTML).toBe('<p>Mayorkas spoke.</p>');
    expect(root.querySelector('p')?.childNodes).toHaveLength(1);
  });

  it('skips an annotation whose text changed after the text was collected', async () => {
    const root = setUp('<p>Wray spoke.</p><p>Mayorkas spoke.</p>');
    const map = collectText(root);
    (root.querySelector('p')?.firstChild as Text).data = 'Someone spoke.';
    const highlights = new Highlights();
    await highlights.update(root, map, [...find(map, 'Wray'), ...find(map, 'Mayorkas')]);
    expect([...root.querySelectorAll(MARK_TAG)].map((m) => m.textContent)).toEqual(['Mayorkas']);
  });

  it('yields between slices and stops when aborted', async () => {
    const root = setUp(`<p>${'Wray, '.repeat(200)}</p>`);
    const map = collectText(root);
    const highlights = new Highlights();
    const controller = new AbortController();
    let slices = 0;
    const done = highlights.update(root, map, find(map, 'Wray'), {
      signal: controller.signal,
      sliceMs: 0,
      runSlice: (slice) => {
        slices++;
        slice();
        controller.abort();
      },
    });
    await done;
    expect(slices).toBe(1);
    expect(root.querySelectorAll(MARK_TAG)).toHaveLength(1);
    highlights.clear();
    expect(root.innerHTML).toBe(`<p>${'Wray, '.repeat(200)}</p>`);
  });
});
