import { describe, expect, it } from 'vitest';
import { judgeShape, measureShape } from '@/lib/annotator/extract/shape';

function shapeOf(html: string) {
  const root = document.createElement('div');
  root.innerHTML = html;
  return measureShape(root, () => true);
}

const sentence = (n: number) =>
  `Sentence ${n} says what happened, who said it and when it happened.`;

describe('judging what Readability extracted', () => {
  it('takes a brief of short one-sentence paragraphs for an article', () => {
    const brief = [1, 2, 3, 4].map((n) => `<p>${sentence(n)}</p>`).join('');
    expect(shapeOf(brief)).toEqual({ paragraphs: 4, paragraphText: 256, afterLinks: 0 });
    expect(judgeShape(shapeOf(brief))).toBeNull();
  });

  it('takes one long paragraph for an article, but not one short one', () => {
    expect(
      judgeShape(shapeOf(`<p>${[1, 2, 3, 4, 5, 6, 7].map(sentence).join(' ')}</p>`)),
    ).toBeNull();
    expect(judgeShape(shapeOf(`<p>${[1, 2, 3, 4].map(sentence).join(' ')}</p>`))).toBe('too-short');
    expect(judgeShape(shapeOf(`<p>${sentence(1)}</p>`))).toBe('too-short');
  });

  it('turns down teasers: headline links between short standfirsts', () => {
    const teasers = [1, 2, 3, 4, 5, 6]
      .map(
        (n) =>
          `<div><h3><a href="/${n}">Headline number ${n} of the day</a></h3><p>${sentence(n)}</p><span>By A. Writer</span></div>`,
      )
      .join('');
    expect(shapeOf(teasers)).toEqual({ paragraphs: 6, paragraphText: 6 * 64, afterLinks: 6 });
    expect(judgeShape(shapeOf(teasers))).toBe('front-page');
  });

  it('counts only the text Readability kept', () => {
    const brief = [1, 2, 3, 4].map((n) => `<p>${sentence(n)}</p>`).join('');
    const root = document.createElement('div');
    root.innerHTML = brief;
    const first = root.querySelector('p')?.firstChild;
    expect(measureShape(root, (text) => text === first).paragraphs).toBe(1);
  });

  it('turns down a list of links', () => {
    const list = `<ul>${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `<li><a href="/${n}">Headline number ${n} of the day, with more words</a></li>`).join('')}</ul>`;
    expect(judgeShape(shapeOf(list))).toBe('too-short');
  });

  it('does not count links inside prose', () => {
    const prose = [1, 2, 3]
      .map((n) => `<p>${sentence(n)} As <a href="/r">the report</a> put it, more is to come.</p>`)
      .join('');
    expect(shapeOf(prose).afterLinks).toBe(0);
    expect(judgeShape(shapeOf(prose))).toBeNull();
  });

  it('weighs Chinese, Japanese and Korean text by what it says', () => {
    const zh =
      '<p>一波波接續性低溫寒流報到，已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣。</p>'.repeat(3);
    expect(judgeShape(shapeOf(zh))).toBeNull();
  });
});
