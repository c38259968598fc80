import { describe, expect, it } from 'vitest';
import { collectBlocksText, collectText } from '@/lib/annotator/extract/text';

function setUp(html: string): HTMLElement {
  document.body.innerHTML = `<article>${html}</article>`;
  return document.querySelector('article') as HTMLElement;
}

describe('collectText', () => {
  it('maps every text node to its offset, with one newline between blocks', () => {
    const root = setUp('<h1>Title</h1><p>One <b>bold</b> line.</p><ul><li>A</li><li>B</li></ul>');
    const map = collectText(root);
    expect(map.text).toBe('Title\nOne bold line.\nA\nB\n');
    expect(map.nodes.map((n) => n.data)).toEqual(['Title', 'One ', 'bold', ' line.', 'A', 'B']);
    for (const [i, node] of map.nodes.entries())
      expect(map.text.slice(map.starts[i], (map.starts[i] ?? 0) + node.data.length)).toBe(
        node.data,
      );
  });

  it('skips what is never read, and reads line breaks inside a text node as spaces', () => {
    const root = setUp(
      '<p>Kept\ntext</p><script>x()</script><pre>code</pre><textarea>typed</textarea><p contenteditable>edit</p>',
    );
    expect(collectText(root).text).toBe('Kept text\n');
  });
});

describe('collectBlocksText', () => {
  it('puts a block boundary between blocks, and none between pieces of one inline run', () => {
    const root = setUp(
      '<h1>Headline</h1><div class="story">Director <b>Christopher</b> <i>Wray</i> said<div class="box">Box</div>after</div><p>Last</p>',
    );
    const story = root.querySelector('.story') as HTMLElement;
    const [director, bold, space, italic, said] = [...story.childNodes];
    const blocks = [
      root.querySelector('h1'),
      director,
      bold,
      space,
      italic,
      said,
      story.lastChild,
      root.querySelector('p'),
    ] as (Element | Text)[];
    expect(collectBlocksText(blocks).text).toBe(
      'Headline\nDirector Christopher Wray said\nafter\nLast',
    );
  });

  it('is collectText for a single block', () => {
    const root = setUp('<p>One</p><p>Two <a href="/x">link</a></p>');
    const one = collectBlocksText([root]);
    const two = collectText(root);
    expect(one).toEqual(two);
  });
});
