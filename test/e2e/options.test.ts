/**
 * The options page in real Chromium, as a new reader uses its form: a figure typed as news writes it
 * is read back in words and compared, on a real news page, with the bundled figures of what it
 * counts; the context menu and a card's "Save to my facts" open the form prefilled; facts and notes
 * (a bundled entity included) annotate open pages at once; deletes are undoable.
 */
import { describe, expect, it } from 'vitest';
import { prefillFromCard, prefillFromSelection, prefillQuery } from '../../lib/shared/prefill';
import {
  addFact,
  article,
  browser,
  cardFor,
  drawnAs,
  figureReading,
  itLogsNoErrors,
  NEWS,
  NEWS_PATH,
  notice,
  server,
  stored,
  useOptionsPage,
} from './options-setup';
import { drawn, waitForDrawn } from './page-helpers';

// Code passed to page.evaluate runs in an extension page, where `chrome` is the extension API.
declare const chrome: typeof import('wxt/browser').browser;

useOptionsPage();

describe('the options page', () => {
  it('prefills the form from the URL the context menu opens: a selected figure as the Figure', async () => {
    // As the background builds it for "Add to Backstory…" on a selection in a tab.
    const prefill = prefillFromSelection(
      {
        selectionText: 'more than\n $1 billion in the past two years',
        pageUrl: 'http://127.0.0.1/defending.html?a=1&b=2',
      },
      { title: "Defending Against North Korea's Cyber Threats" },
      '2023-08-17T09:00:00Z',
    );
    const page = await browser.openExtensionPage(`options.html?${prefillQuery(prefill)}`);
    const value = (label: string) => page.getByLabel(label, { exact: true }).inputValue();
    expect(await value('Figure')).toBe('more than $1 billion in the past two years');
    expect(await figureReading(page)).toBe(
      'Read as: more than $1,000,000,000 · in the past two years · in total',
    );
    expect(await value('Quote')).toBe('');
    expect(await value('Source title')).toBe("Defending Against North Korea's Cyber Threats");
    expect(await value('Source URL')).toBe('http://127.0.0.1/defending.html?a=1&b=2');
    expect(await value('Date published')).toBe('2023-08-17');
    // Screen readers are told the reading once typing pauses, in a polite live region.
    await expect
      .poll(() => page.locator('.figure [role="status"]').textContent())
      .toBe('Read as: more than $1,000,000,000 · in the past two years · in total');
    // The background created the menu item that opens this URL.
    const [worker] = browser.context.serviceWorkers();
    const menu = await worker?.evaluate(
      () =>
        new Promise<string>((done) =>
          chrome.contextMenus.update('backstory-add', {}, () =>
            done(chrome.runtime.lastError?.message ?? 'exists'),
          ),
        ),
    );
    expect(menu).toBe('exists');
    await page.close();
  });

  it('compares a figure typed as news writes it with the bundled figures of what it counts, on a real news page', async () => {
    const ext = await browser.openExtensionPage('popup.html');
    const report = await browser.context.newPage();
    await report.goto(server.route(NEWS_PATH, NEWS));
    await waitForDrawn(report);
    // The sources give North Korea's total crypto theft only overall and for two years: not compared.
    await expect
      .poll(() => drawnAs(report, '$1.5 billion'), { timeout: 10_000 })
      .toEqual(['claim']);

    const page = await browser.openExtensionPage('options.html');
    await page.getByLabel('Term', { exact: true }).fill('North Korea');
    const figure = page.getByLabel('Figure', { exact: true });
    await figure.fill('over $1.7 billion in 2022');
    expect(await figureReading(page)).toBe(
      'Read as: more than $1,700,000,000 · in 2022 · in total',
    );
    await page
      .getByLabel('What it counts', { exact: true })
      .selectOption({ label: "North Korea's total crypto theft" });
    expect(await page.locator('#fact-measure-hint').textContent()).toBe(
      '2 figures so far, in US dollars.',
    );
    await page.getByLabel('Source title', { exact: true }).fill('Crypto Crime Report');
    await page.getByLabel('Source URL', { exact: true }).fill('https://www.chainalysis.com/report');
    await page.getByRole('button', { name: 'Add fact' }).click();
    await expect
      .poll(() => notice(page).textContent())
      .toBe('Added your note on “North Korea”. Open pages show it at once.Undo');
    expect((await stored(page)).readerPack?.claims).toEqual([
      {
        id: 'reader.note.north-korea.figure',
        statement: 'North Korea: over $1.7 billion in 2022',
        subjects: ['north-korea'],
        sourceId: 'reader.note.north-korea.source',
        figure: {
          value: 1.7e9,
          unit: 'USD',
          qualifier: 'over',
          period: 'year:2022',
          scope: 'total',
        },
        measure: 'dprk.crypto-theft.usd',
      },
    ]);

    // The open page compares its 2022 figure with the reader's, of the same measure: a conflict.
    await expect
      .poll(() => drawnAs(report, '$1.5 billion'), { timeout: 10_000 })
      .toEqual(['conflict']);
    const card = await cardFor(ext, { text: '$1.5 billion' }, report);
    await expect
      .poll(card)
      .toContain(
        "Chainalysis.com put North Korea's total crypto theft at over $1.7 billion in 2022; this page says $1.5 billion in 2022, less than that.",
      );
    // Undo takes the reader's figure out, and the page is as it was.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => drawnAs(report, '$1.5 billion'), { timeout: 10_000 })
      .toEqual(['claim']);
    await Promise.all([page.close(), report.close(), ext.close()]);
  });

  it('opens the form on a note about what a card shows, prefilled as “Save to my facts” sends it', async () => {
    // As the background builds it from the card's message and the tab it came from.
    const query = prefillQuery(
      prefillFromCard(
        undefined,
        { title: 'Defending Against North Korea’s Cyber Threats', url: 'http://127.0.0.1/d.html' },
        '2023-08-17',
      ),
      { kind: 'entity', id: 'christopher-wray' },
    );
    const page = await browser.openExtensionPage(`options.html?${query}`);
    await expect.poll(() => page.locator('#add-heading').textContent()).toBe('Add a note');
    expect(await page.locator('.note-on').textContent()).toBe(
      'Your note on “Christopher Wray” (Bundled with Backstory)',
    );
    const details = page.getByLabel('Details', { exact: true });
    await expect.poll(() => details.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Source URL', { exact: true }).inputValue()).toBe(
      'http://127.0.0.1/d.html',
    );
    await page.close();
  });

  it('explains problems next to the fields and saves nothing', async () => {
    const page = await browser.openExtensionPage('options.html');
    const before = await stored(page);
    await page.getByLabel('Aliases', { exact: true }).fill('Wray');
    await page.getByLabel('Source URL', { exact: true }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add fact' }).click();
    const term = page.getByLabel('Term', { exact: true });
    expect(await term.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => term.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('#fact-term-error').textContent()).toBe('Enter a term.');
    expect(await page.locator('#fact-aliases-error').textContent()).toBe(
      '“Wray” is already used by “Christopher Wray”.',
    );
    expect(await page.locator('#fact-sourceUrl-error').textContent()).toBe(
      'Enter a web address starting with http:// or https://.',
    );
    expect(await stored(page)).toEqual(before);
    await page.close();
  });

  it('adds a note to a bundled entity with a link and no source title, shows it under “Your notes” on his card, and can undo it', async () => {
    const page = await browser.openExtensionPage('options.html');
    await page.getByLabel('Term', { exact: true }).fill('Christopher Wray');
    expect(await page.locator('#note-on').textContent()).toBe(
      'Backstory already knows “Christopher Wray” (Bundled with Backstory): what you write is saved as your note on it, beside what Backstory says.',
    );
    await addFact(page, {
      Details: 'Stepped down as FBI Director in January 2025.',
      'Source URL': 'https://www.fbi.gov/news/press-releases/director-wray',
    });
    await expect
      .poll(() => notice(page).textContent())
      .toBe('Added your note on “Christopher Wray”. Open pages show it at once.Undo');
    const { readerPack } = await stored(page);
    expect(readerPack?.notes).toEqual([
      {
        id: 'reader.note.christopher-wray',
        about: { kind: 'entity', id: 'christopher-wray' },
        text: 'Stepped down as FBI Director in January 2025.',
        sourceIds: ['reader.note.christopher-wray.source'],
      },
    ]);
    expect(readerPack?.sources).toEqual([
      {
        id: 'reader.note.christopher-wray.source',
        title: 'fbi.gov',
        url: 'https://www.fbi.gov/news/press-releases/director-wray',
      },
    ]);
    // The note is listed as the reader's, beside the bundled entity it is about.
    await page.getByLabel('Search').fill('stepped down');
    await expect
      .poll(() => page.locator('.fact-list li').allTextContents())
      .toEqual([
        'Stepped down as FBI Director in January 2025.note on “Christopher Wray” · YoursEditDelete',
      ]);
    // His card on the open page still gives the bundled summary, as it was, and the note under
    // "Your notes" with its link named by the site, since it has no source title.
    const card = await cardFor(page, 'christopher-wray');
    await expect.poll(card).toContain('Director of the FBI.');
    await expect.poll(card).toContain('Your notes');
    await expect.poll(card).toContain('Stepped down as FBI Director in January 2025.');
    await expect.poll(card).toContain('fbi.gov');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(page)).readerPack?.notes).toBeUndefined();
    await page.close();
  });

  it('adds a fact that annotates an already open page at once and shows in its card', async () => {
    const page = await browser.openExtensionPage('options.html');
    await addFact(page, {
      Term: 'financial industry',
      Aliases: 'finance sector',
      Details: 'Banks and exchanges asked to help.',
      'Source title': 'Joint statement',
      'Source URL': 'https://example.org/statement',
    });
    await expect
      .poll(() => notice(page).textContent())
      .toBe('Added “financial industry”. Open pages show it at once.Undo');
    await expect
      .poll(async () => (await drawn(article)).map((d) => d.text), { timeout: 10_000 })
      .toContain('financial industry');
    const card = await cardFor(page, 'reader.financial-industry');
    await expect.poll(card).toContain('Banks and exchanges asked to help.');
    expect(await card()).toContain('Joint statement');
    await page.close();
  });

  it('deletes a fact, and Undo brings it back exactly', async () => {
    const page = await browser.openExtensionPage('options.html');
    const before = (await stored(page)).readerPack;
    await page.getByRole('button', { name: 'Delete “financial industry”' }).click();
    await expect.poll(() => notice(page).textContent()).toBe('Deleted “financial industry”.Undo');
    expect((await stored(page)).readerPack?.entities).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(page)).readerPack).toEqual(before);
    await expect.poll(() => notice(page).textContent()).toBe('Undone.');
    await page.close();
  });

  itLogsNoErrors();
});
