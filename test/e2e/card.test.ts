/**
 * What a reader sees on the card, in real Chromium, on the demo article and our articles in real
 * news markup: every card the size of a Page Preview with nothing to scroll inside, next to its
 * annotation and never over it; the number line on every figure card; retold claims; dark and
 * right-to-left pages (hostile page styles included), reduced motion; axe-core on each kind of card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inCorpusMarkup } from '../fixtures/corpus-page';
import { FIGURE_ARTICLES, RETOLD } from '../fixtures/figure-articles';
import { conflictPage, newsPage, seedArticle } from '../fixtures/news-page';
import { REPORT } from '../fixtures/on-topic';
import { type Box, currentBoxes, open, overlaps, reveal } from './card-steps';
import { cardLines, cardSize, cardTitle, inCard, readCard } from './card-view';
import { exposeCardToPage } from './closed-shadow';
import { ROOT } from './harness';
import {
  axeViolations,
  drawn,
  hoverAnnotation,
  mentionsOf,
  sendToPage,
  summaryOf,
} from './page-helpers';
import { ext, itCausedNoErrors, usePageSession } from './page-session';

/** The pages every card is opened on: the demo, and our articles in real news sites' markup. */
const PAGES: [string, () => string][] = [
  ['the demo article', () => readFileSync(join(ROOT, 'assets/demo/article.html'), 'utf8')],
  ['the report (cnn)', () => inCorpusMarkup('cnn', REPORT)],
  ...FIGURE_ARTICLES.map((a): [string, () => string] => [
    `${a.title} (${a.host})`,
    () => inCorpusMarkup(a.host, a),
  ]),
];

usePageSession();

describe('every card, on the demo and on real news markup', () => {
  it.each(PAGES)(
    '%s: a Page Preview’s size, nothing to scroll, beside its annotation, a picture for every figure',
    async (name, html) => {
      const page = await open(html());
      await page.bringToFront();
      const summary = await summaryOf(ext, page);
      const figures = new Set(summary.figures.flatMap((f) => f.mentions.map((m) => m.id)));
      const retold = new Set(summary.restated.flatMap((f) => f.mentions.map((m) => m.id)));
      const sizes: string[] = [];
      for (const mention of mentionsOf(summary)) {
        await reveal(page, mention.id);
        const where = `${mention.text} (${mention.fact})`;
        const size = await cardSize(page);
        sizes.push(`${size.height}`);
        expect(size.width, where).toBeGreaterThanOrEqual(320);
        expect(size.width, where).toBeLessThanOrEqual(380);
        expect(size.overflow, where).toBe(0);
        const card = (await readCard(page))?.box as Box;
        expect(card.y, where).toBeGreaterThanOrEqual(0);
        expect(card.y + card.height, where).toBeLessThanOrEqual(900);
        for (const box of await currentBoxes(page)) expect(overlaps(card, box), where).toBe(false);
        const view = await readCard(page);
        if (figures.has(mention.id)) {
          const svg = view?.dialog?.querySelector('.picture svg[role="img"]');
          expect(svg, where).toBeTruthy();
          expect(
            view?.root.querySelector(`#${svg?.getAttribute('aria-labelledby')}`)?.textContent,
          ).toMatch(/^This page: /);
        }
        if (retold.has(mention.id))
          expect(view?.dialog?.querySelector('.claim .statement')?.textContent, where).toBeTruthy();
      }
      console.log(`${name}: card heights ${sizes.join(' ')}`);
      await page.close();
    },
    120_000,
  );

  it('shows the retold claims of an article, a date conflict said plainly', async () => {
    const page = await open(inCorpusMarkup(RETOLD.host, RETOLD));
    const summary = await summaryOf(ext, page);
    expect(summary.restated.map((c) => c.factId)).toEqual(
      expect.arrayContaining(RETOLD.claims.map((c) => c.claimId)),
    );
    const march = summary.restated.find((c) => c.text === 'In March');
    expect(march?.verdict).toBe('differs');
    await reveal(page, march?.mentions[0]?.id ?? -1);
    const lines = cardLines(
      (await readCard(page)) as NonNullable<Awaited<ReturnType<typeof readCard>>>,
    );
    expect(lines[0]).toBe('Dated otherwise than the source');
    expect(lines).toContain('The Readable dates this to July 2022; this page puts it in March.');
    await page.close();
  });
});

describe('on dark and right-to-left pages, and for readers who want no motion', () => {
  it('takes the page’s dark theme, and passes axe-core on a figure card and a retold claim', async () => {
    const page = await open(
      inCorpusMarkup(RETOLD.host, RETOLD).replace(
        '</head>',
        '<style>html,body,body *{background:#111!important;color:#eee!important}</style></head>',
      ),
    );
    const summary = await summaryOf(ext, page);
    for (const item of [summary.restated[0], summary.entities[0]]) {
      await reveal(page, item?.mentions[0]?.id ?? -1);
      expect((await readCard(page))?.dialog?.getAttribute('data-theme')).toBe('dark');
      await exposeCardToPage(page);
      expect(await axeViolations(page, [['backstory-tooltip', '.card']])).toEqual([]);
    }
    await page.close();
  });

  it('stays readable on a right-to-left page: left to right inside, in the viewport, by the mark', async () => {
    const arabic = 'قال مسؤولون إن قراصنة يعملون لصالح كوريا الشمالية سرقوا الأموال.';
    const html = newsPage({
      title: 'كوريا الشمالية والعملات المشفرة',
      paragraphs: [
        `${arabic} FBI Director Christopher Wray ${arabic}`,
        `${arabic} ${arabic} North Korea stole $3 billion in crypto currency. ${arabic}`,
      ],
    }).replace('<html lang="en">', '<html lang="ar" dir="rtl">');
    const page = await open(html);
    for (const mention of mentionsOf(await summaryOf(ext, page))) {
      await reveal(page, mention.id);
      const card = await readCard(page);
      expect(card?.dialog?.getAttribute('dir')).toBe('ltr');
      const box = card?.box as Box;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      for (const mark of await currentBoxes(page)) expect(overlaps(box, mark)).toBe(false);
    }
    expect(await cardTitle(page)).toBeTruthy();
    await page.close();
  });

  it('a right-to-left page with hostile styles reaches neither the card nor the drawing; reader text stays isolated', async () => {
    const longWord = 'x'.repeat(180);
    await ext.evaluate(async (longWord) => {
      const { local } = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser })
        .chrome.storage;
      await local.set({
        readerPack: {
          format: 1,
          name: 'My facts',
          sources: [],
          entities: [
            {
              id: 'reader.harriet-quill',
              name: 'Harriet Quill',
              kind: 'person',
              aliases: [],
              summary: `ملاحظة خاصة: analyst I trust. ${longWord}`,
              sourceIds: [],
            },
          ],
          claims: [],
        },
      });
    }, longWord);
    const hostile = `<style>
      html { zoom: 1.5 }
      p, p * { text-decoration: none !important; }
      backstory-tooltip, backstory-tooltip * {
        display: none !important; direction: rtl !important; unicode-bidi: bidi-override !important;
        font-size: 40px !important; letter-spacing: 4px !important; zoom: 3 !important;
      }
    </style>`;
    const html = newsPage({
      ...seedArticle(1),
      bodyHtml: '<p>The analyst Harriet Quill said North Korea’s hackers struck again.</p>',
    })
      .replace('<html lang="en">', '<html lang="ar" dir="rtl">')
      .replace('</head>', `${hostile}</head>`);
    const page = await open(html);
    await expect
      .poll(async () => (await drawn(page)).map((d) => d.text))
      .toContain('Harriet Quill');
    await hoverAnnotation(page, 'Harriet Quill');
    await expect.poll(() => cardTitle(page), { timeout: 3000 }).toBe('Harriet Quill');
    const card = await readCard(page);
    expect(card?.dialog?.getAttribute('dir')).toBe('ltr');
    expect(card?.root.querySelector('.summary bdi')?.textContent).toContain('ملاحظة خاصة');
    // Its own size (about 320-380 px), inside the viewport, whatever the page's zoom and font rules.
    const box = card?.box ?? { x: 0, y: 0, width: 0, height: 0 };
    expect(box.width).toBeGreaterThanOrEqual(320);
    expect(box.width).toBeLessThanOrEqual(380);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    await exposeCardToPage(page);
    const style = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes('Quill'));
      const host = document.querySelector('backstory-tooltip') as HTMLElement;
      const dialog = host.shadowRoot?.querySelector('.card') as HTMLElement;
      const s = getComputedStyle(dialog);
      return {
        host: getComputedStyle(host).display,
        direction: s.direction,
        fontSize: s.fontSize,
        letterSpacing: s.letterSpacing,
        zoom: dialog.currentCSSZoom,
        sideways: dialog.scrollWidth > dialog.clientWidth,
        // The page's rule removes underlines from its elements, not from our highlights.
        underline: p && getComputedStyle(p, '::highlight(backstory-entity)').textDecorationLine,
      };
    });
    expect(style).toEqual({
      host: 'block',
      direction: 'ltr',
      fontSize: '14px',
      letterSpacing: 'normal',
      zoom: 1,
      sideways: false,
      underline: 'underline',
    });
    await page.close();
    await ext.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('wxt/browser').browser }
      ).chrome.storage.local.remove('readerPack'),
    );
  });

  it('appears without animation when the reader asks for reduced motion', async () => {
    const page = await open(conflictPage());
    const [conflict] = (await summaryOf(ext, page)).figures;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await reveal(page, conflict?.mentions[0]?.id ?? -1);
    const animation = () =>
      inCard<string>(page, '.card', 'function () { return getComputedStyle(this).animationName; }');
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    expect(await animation()).toBe('backstory-appear');
    await page.close();
  });
});

itCausedNoErrors();
