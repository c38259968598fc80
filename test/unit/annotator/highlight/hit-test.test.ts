// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectText } from '@/lib/annotator/extract/text';
import type { HighlightApi } from '@/lib/annotator/highlight/api';
import { HIGHLIGHT_NAMES, Highlights } from '@/lib/annotator/highlight/highlights';
import { groupAtPoint } from '@/lib/annotator/highlight/hit-test';
import { fakeHighlightApi } from './fake-highlights';

/** Highlights over "Wray" and "Mayorkas" in one paragraph. */
async function setUp(api: HighlightApi): Promise<Highlights> {
  document.body.innerHTML = '<article><p>Wray and Mayorkas spoke.</p></article>';
  const map = collectText(document.querySelector('article') as Element);
  const highlights = new Highlights({ api });
  await highlights.update(map, [
    { start: 0, end: 4, kind: 'entity', factId: 'wray', text: 'Wray' },
    { start: 9, end: 17, kind: 'entity', factId: 'mayorkas', text: 'Mayorkas' },
  ]);
  return highlights;
}

/** Puts `registry` where the page's `CSS.highlights` is. */
function installRegistry(registry: HighlightRegistry): void {
  Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
}

describe('groupAtPoint', () => {
  let api: HighlightApi;
  beforeEach(() => {
    api = fakeHighlightApi();
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'CSS');
    Reflect.deleteProperty(document, 'caretPositionFromPoint');
  });

  it('asks the browser which highlights are under the point, and knows only its own ranges', async () => {
    const highlights = await setUp(api);
    const mayorkas = highlights.groups[1];
    const forged = document.createRange();
    forged.selectNodeContents(document.body);
    const under = [
      { highlight: api.registry.get(HIGHLIGHT_NAMES.conflict), ranges: [forged] },
      { highlight: api.registry.get(HIGHLIGHT_NAMES.entity), ranges: mayorkas?.ranges },
    ];
    installRegistry(Object.assign(api.registry, { highlightsFromPoint: () => under }));
    expect(groupAtPoint(highlights, 10, 10)).toBe(mayorkas);
    under.pop();
    expect(groupAtPoint(highlights, 10, 10)).toBeUndefined();
  });

  it('falls back to the caret position and the ranges’ boxes', async () => {
    const highlights = await setUp(api);
    const [wray, mayorkas] = highlights.groups;
    installRegistry(api.registry);
    const text = document.querySelector('p')?.firstChild as Text;
    Object.assign(document, {
      caretPositionFromPoint: (x: number) => ({ offsetNode: text, offset: Math.floor(x / 10) }),
    });
    // One character per 10 px on a line from y 0 to 20.
    for (const group of [wray, mayorkas]) {
      for (const range of group?.ranges ?? []) {
        range.getClientRects = () =>
          [
            new DOMRect(range.startOffset * 10, 0, (range.endOffset - range.startOffset) * 10, 20),
          ] as unknown as DOMRectList;
      }
    }
    expect(groupAtPoint(highlights, 15, 10)).toBe(wray);
    expect(groupAtPoint(highlights, 120, 10)).toBe(mayorkas);
    expect(groupAtPoint(highlights, 60, 10)).toBeUndefined();
    expect(groupAtPoint(highlights, 120, 30)).toBeUndefined();
  });
});
