import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictPage, newsPage, seedArticle, seedPage } from '../fixtures/news-page';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  ROOT,
  startServer,
} from './harness';
import {
  axeViolations,
  cardBox,
  cardOpen,
  cardTitle,
  extensionPage,
  focusIs,
  sendToPage,
  setSettings,
} from './page-helpers';

const ARTIFACTS = join(ROOT, 'test/artifacts');

/** Records the article's HTML before the content script runs (document_idle comes later). */
const SNAPSHOT = `<script>window.__before = document.getElementById('story').innerHTML;</script>`;

const CONFLICT = conflictPage();

describe('marks and the card in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let ext: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
    ext = await extensionPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string, html: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(server.route(path, html.replace('</body>', `${SNAPSHOT}</body>`)));
    await page.waitForSelector('backstory-mark');
    return page;
  }

  const marks = (page: Page, selector = 'backstory-mark') =>
    page.$$eval(selector, (els) =>
      els.map((el) => [
        (el as HTMLElement).dataset.fact,
        el.textContent,
        el.closest('article, nav, aside, footer, .comments')?.tagName ?? 'none',
      ]),
    );

  it('marks entities and figures in the article body only', async () => {
    const page = await open('/defending.html', seedPage(1));
    const found = await marks(page);
    expect(found.filter(([, , where]) => where !== 'ARTICLE')).toEqual([]);
    const facts = new Set(found.map(([fact]) => fact));
    for (const fact of [
      'christopher-wray',
      'alejandro-mayorkas',
      'north-korea',
      'mayorkas-over-1b-two-years',
    ])
      expect(facts).toContain(fact);
    expect(found).toContainEqual(['mayorkas-over-1b-two-years', 'over $1 billion', 'ARTICLE']);
    expect(await page.$$('backstory-mark[data-conflict]')).toHaveLength(0);
    await page.close();
  });

  it('opens the card after the dwell, keeps it while hovered, closes it after the grace', async () => {
    const page = await open('/hover.html', seedPage(1));
    // Times come from the page's own clock (event.timeStamp, performance.now()), so a busy machine
    // can only make the waits longer, never make the test see them shorter.
    await page.evaluate(() => {
      const log: [string, number][] = [];
      Object.assign(window, { cardLog: log });
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes)
            if (n.nodeName === 'BACKSTORY-TOOLTIP') log.push(['open', performance.now()]);
          for (const n of r.removedNodes)
            if (n.nodeName === 'BACKSTORY-TOOLTIP') log.push(['close', performance.now()]);
        }
      }).observe(document.body, { childList: true });
      const mark = document.querySelector('backstory-mark[data-fact="christopher-wray"]');
      mark?.addEventListener('pointerenter', (e) => log.push(['enter', e.timeStamp]));
      document.addEventListener('pointermove', (e) => {
        if (e.clientX === 1270 && e.clientY === 890) log.push(['away', e.timeStamp]);
      });
    });
    const events = () =>
      page.evaluate(() => (window as unknown as { cardLog: [string, number][] }).cardLog);
    const at = (log: [string, number][], name: string) => log.find(([n]) => n === name)?.[1] ?? NaN;

    const mark = page.locator('backstory-mark[data-fact="christopher-wray"]').first();
    await mark.hover();
    await expect.poll(() => cardOpen(page), { timeout: 5000, interval: 20 }).toBe(true);
    expect(await cardTitle(page)).toBe('Christopher Wray');

    // Onto the card: it stays.
    const box = await cardBox(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.waitForTimeout(700);
    expect(await cardOpen(page)).toBe(true);

    // Away from both: gone, but only after the grace period.
    await page.mouse.move(1270, 890);
    await expect.poll(() => cardOpen(page), { timeout: 5000, interval: 20 }).toBe(false);
    const log = await events();
    expect(log.map(([name]) => name)).toEqual(['enter', 'open', 'away', 'close']);
    expect(at(log, 'open') - at(log, 'enter')).toBeGreaterThanOrEqual(450);
    expect(at(log, 'close') - at(log, 'away')).toBeGreaterThanOrEqual(280);
    await page.close();
  });

  it('closes on Escape without moving the pointer', async () => {
    const page = await open('/escape.html', seedPage(0));
    await page.locator('backstory-mark').first().hover();
    await expect.poll(() => cardOpen(page), { timeout: 3000 }).toBe(true);
    await page.keyboard.press('Escape');
    expect(await cardOpen(page)).toBe(false);
    await page.close();
  });

  it('moves between marks with the commands; Tab reaches the links, Escape returns to the mark', async () => {
    const page = await open('/keyboard.html', seedPage(0));
    await page.bringToFront();
    const order = await page.$$eval('backstory-mark', (els) => [
      ...new Set(els.map((e) => (e as HTMLElement).dataset.annotation)),
    ]);
    const facts = await page.$$eval('backstory-mark', (els) => {
      const byGroup = new Map<string, string>();
      for (const el of els) {
        const { annotation = '', fact = '' } = (el as HTMLElement).dataset;
        if (!byGroup.has(annotation)) byGroup.set(annotation, fact);
      }
      return [...byGroup.values()];
    });
    expect(order.length).toBeGreaterThan(2);
    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    await expect.poll(() => focusIs(page)).toBe(`mark:${facts[0]}`);
    await expect.poll(() => cardOpen(page)).toBe(true);
    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    await expect.poll(() => focusIs(page)).toBe(`mark:${facts[1]}`);
    await sendToPage(ext, page, 'background:content:command', { command: 'previous-mark' });
    await expect.poll(() => focusIs(page)).toBe(`mark:${facts[0]}`);
    expect(await cardOpen(page)).toBe(true);

    // The first mark is "North Korea": its card links one source.
    await page.keyboard.press('Tab');
    expect(await focusIs(page)).toBe('card:A');
    await page.keyboard.press('Shift+Tab');
    expect(await focusIs(page)).toBe(`mark:${facts[0]}`);
    expect(await cardOpen(page)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await focusIs(page)).toBe(`mark:${facts[0]}`);
    expect(await cardOpen(page)).toBe(false);

    // Tab past the card's last link closes it and carries on through the page.
    await page.keyboard.press('Escape');
    await sendToPage(ext, page, 'background:content:command', { command: 'next-mark' });
    await expect.poll(() => cardOpen(page)).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await cardOpen(page)).toBe(false);
    expect(await focusIs(page)).not.toMatch(/^(mark|card):/);
    await page.close();
  });

  it('opens the card on focus and on a click (a tap), and closes it on a click outside', async () => {
    const page = await open('/focus.html', seedPage(1));
    await page.bringToFront();
    await page.locator('backstory-mark[data-fact="alejandro-mayorkas"]').first().focus();
    expect(await cardOpen(page)).toBe(true);
    expect(await cardTitle(page)).toBe('Alejandro Mayorkas');
    await page.mouse.click(1270, 890);
    await expect.poll(() => cardOpen(page)).toBe(false);
    await page.locator('backstory-mark[data-fact="christopher-wray"]').first().click();
    await expect.poll(() => cardTitle(page)).toBe('Christopher Wray');
    await page.mouse.click(1270, 890);
    await expect.poll(() => cardOpen(page)).toBe(false);
    await page.close();
  });

  it('keeps the card next to its mark when the page scrolls, without covering it', async () => {
    const page = await open('/scroll.html', seedPage(1));
    const mark = page.locator('backstory-mark[data-fact="christopher-wray"]').first();
    await mark.focus();
    await expect.poll(() => cardOpen(page)).toBe(true);
    const gapTo = async () => {
      const [card, box] = [await cardBox(page), await mark.boundingBox()];
      if (!box) throw new Error('mark not laid out');
      const below = card.y - (box.y + box.height);
      const above = box.y - (card.y + card.height);
      return Math.max(below, above);
    };
    expect(await gapTo()).toBe(8);
    await page.mouse.wheel(0, 120);
    await expect.poll(gapTo).toBe(8);
    await page.setViewportSize({ width: 900, height: 700 });
    await expect.poll(gapTo).toBe(8);
    await page.close();
  });

  it('re-annotates a page that rewrites itself constantly at most 4 times in 10 s', async () => {
    const ticker =
      '<p id="ticker">FBI Director Christopher Wray is speaking.</p>' +
      `<script>let n = 0; setInterval(() => { document.getElementById('ticker').textContent = 'FBI Director Christopher Wray is speaking, update ' + ++n; }, 50);</script>`;
    const html = newsPage({ ...seedArticle(1), bodyHtml: ticker });
    const page = await browser.context.newPage();
    await page.goto(server.route('/busy.html', html));
    // Every re-run wraps the rewritten ticker in a new mark group: count the groups over 8 s.
    const groups = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const seen = new Set<string>();
          new MutationObserver((records) => {
            for (const record of records)
              for (const node of record.addedNodes)
                if (
                  node instanceof HTMLElement &&
                  node.closest('#ticker') &&
                  node.dataset.annotation
                )
                  seen.add(node.dataset.annotation);
          }).observe(document.body, { childList: true, subtree: true });
          setTimeout(() => done(seen.size), 8000);
        }),
    );
    expect(groups).toBeGreaterThanOrEqual(2);
    expect(groups).toBeLessThanOrEqual(5);
    await page.close();
  });

  it('marks a conflicting figure and explains it on the card', async () => {
    const page = await open('/conflict.html', CONFLICT);
    const conflicts = await page.$$eval('backstory-mark[data-conflict]', (els) =>
      els.map((e) => [(e as HTMLElement).dataset.kind, e.textContent, e.closest('article')?.id]),
    );
    expect(conflicts).toEqual([['claim', '$3 billion', 'story']]);
    await page.locator('backstory-mark[data-conflict]').hover();
    await expect.poll(() => cardTitle(page), { timeout: 3000 }).toBe('This page says “$3 billion”');
    const card = await page.evaluate(() => {
      const root = document.querySelector('backstory-tooltip')?.shadowRoot;
      return {
        verdict: root?.querySelector('.verdict strong')?.textContent,
        rows: [...(root?.querySelectorAll('li[data-verdict] strong') ?? [])].map(
          (e) => e.textContent,
        ),
      };
    });
    expect(card.verdict).toBe('Differs from every source');
    expect(card.rows).toEqual(expect.arrayContaining(['about $2 billion', 'over $1 billion']));
    await page.close();
  });

  it('annotates content the page adds later', async () => {
    const page = await open('/dynamic.html', seedPage(0));
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Later, Alejandro Mayorkas spoke about the hackers.';
      document.querySelector('#story .body')?.append(p);
    });
    await expect
      .poll(() => page.$$eval('#late backstory-mark', (els) => els.map((e) => e.textContent)), {
        timeout: 3000,
      })
      .toEqual(['Alejandro Mayorkas']);
    await page.close();
  });

  it('leaves form fields and editable regions alone', async () => {
    const html = newsPage({
      ...seedArticle(1),
      bodyHtml:
        '<form><input value="Christopher Wray"><textarea>Alejandro Mayorkas</textarea><select><option>FBI</option></select></form>' +
        '<div contenteditable="true">Christopher Wray and Alejandro Mayorkas</div><pre>Christopher Wray</pre>',
    });
    const page = await open('/forms.html', html);
    expect(
      await page.$$('form backstory-mark, [contenteditable] backstory-mark, pre backstory-mark'),
    ).toHaveLength(0);
    expect(await page.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe(
      'Alejandro Mayorkas',
    );
    expect(await page.$eval('[contenteditable]', (d) => d.innerHTML)).toBe(
      'Christopher Wray and Alejandro Mayorkas',
    );
    await page.close();
  });

  it('restores the article exactly when paused, and annotates again when resumed', async () => {
    const page = await open('/restore.html', seedPage(1));
    expect(await page.$$('backstory-mark')).not.toHaveLength(0);
    await setSettings(ext, { paused: true });
    await expect.poll(() => page.$$('backstory-mark').then((m) => m.length)).toBe(0);
    expect(
      await page.evaluate(
        () =>
          document.getElementById('story')?.innerHTML ===
          (window as unknown as { __before: string }).__before,
      ),
    ).toBe(true);
    const summary = (await sendToPage(ext, page, 'popup:content:summary')) as { enabled: boolean };
    expect(summary.enabled).toBe(false);
    await setSettings(ext, { paused: false });
    await page.waitForSelector('backstory-mark');
    await page.close();
  });

  it('answers the popup: summary and reveal', async () => {
    const page = await open('/summary.html', CONFLICT);
    await page.bringToFront();
    const summary = (await sendToPage(ext, page, 'popup:content:summary')) as {
      isArticle: boolean;
      entities: { id: string }[];
      figures: { text: string; verdict: string }[];
    };
    expect(summary.isArticle).toBe(true);
    expect(summary.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['north-korea', 'christopher-wray']),
    );
    expect(summary.figures[0]).toMatchObject({ text: '$3 billion', verdict: 'differs' });
    expect(
      await sendToPage(ext, page, 'popup:content:reveal', { factId: 'christopher-wray' }),
    ).toBe(true);
    await expect.poll(() => cardTitle(page)).toBe('Christopher Wray');
    expect(await focusIs(page)).toBe('mark:christopher-wray');
    expect(await sendToPage(ext, page, 'popup:content:reveal', { factId: 'nobody' })).toBe(false);
    await page.close();
  });

  it('passes axe-core on the card, light and dark, and saves screenshots', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const shots = [
      { theme: 'light', html: seedPage(1), mark: 'backstory-mark[data-fact="alejandro-mayorkas"]' },
      { theme: 'dark', html: conflictPage({ dark: true }), mark: 'backstory-mark[data-conflict]' },
    ] as const;
    for (const shot of shots) {
      const page = await open(`/shot-${shot.theme}.html`, shot.html);
      await page.bringToFront();
      const mark = page.locator(shot.mark).first();
      await mark.scrollIntoViewIfNeeded();
      await mark.hover();
      await expect.poll(() => cardOpen(page), { timeout: 3000 }).toBe(true);
      const theme = await page.evaluate(() =>
        document
          .querySelector('backstory-tooltip')
          ?.shadowRoot?.querySelector('.card')
          ?.getAttribute('data-theme'),
      );
      expect(theme).toBe(shot.theme);
      const violations = await axeViolations(page, [['backstory-tooltip', '.card']]);
      expect(violations).toEqual([]);
      const card = await cardBox(page);
      const markBox = (await mark.boundingBox()) ?? card;
      const top = Math.max(0, Math.min(card.y, markBox.y) - 40);
      const bottom = Math.min(900, Math.max(card.y + card.height, markBox.y + markBox.height) + 40);
      await page.screenshot({
        path: join(ARTIFACTS, `card-${shot.theme}.png`),
        clip: { x: 0, y: top, width: 1280, height: bottom - top },
      });
      await page.close();
    }
  });

  it('caused no console errors and no requests off the machine', () => {
    expect(browser.errors).toEqual([]);
    expect(browser.externalRequests).toEqual([]);
  });
});
