/**
 * Importing on the options page in real Chromium: imports are previewed, confirmed and undoable, a bad
 * file changes nothing and says which entry and field, a ClaimReview feed becomes a pack removed as a
 * whole, a full storage says so and loses nothing; the page passes axe-core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FactPack } from '../../lib/shared/facts/schema';
import { ROOT } from './harness';
import {
  addFact,
  bigPack,
  browser,
  cardFor,
  chooseFile,
  figureReading,
  itLogsNoErrors,
  notice,
  stored,
  useOptionsPage,
} from './options-setup';
import { axeViolations } from './page-helpers';

// Code passed to page.evaluate runs in an extension page, where `chrome` is the extension API.
declare const chrome: typeof import('wxt/browser').browser;

useOptionsPage();

describe('importing on the options page', () => {
  it('rejects a malformed file whole, changes nothing and says which entry and field', async () => {
    const page = await browser.openExtensionPage('options.html');
    const before = await stored(page);
    const broken = {
      format: 1,
      sources: [
        { id: 'ok', title: 'Fine', publisher: 'P' },
        { id: 'evil', title: 'Evil', url: 'javascript:alert(1)' },
      ],
      entities: [
        { id: 'a', name: 'Alpha', kind: 'concept', aliases: [], summary: '', sourceIds: ['ok'] },
        { id: 'b', name: 'Beta', kind: 'planet', aliases: [], summary: '', sourceIds: ['ok'] },
      ],
      claims: [],
    };
    await chooseFile(page, 'broken.json', JSON.stringify(broken));
    expect(await page.locator('.report [role="status"]').textContent()).toBe(
      'Nothing was imported: the file has 2 problems.',
    );
    expect(await page.locator('.errors li').allTextContents()).toEqual([
      'Source 2 (“Evil”): the link must start with http:// or https://',
      'Entity 2 (“Beta”): the kind must be one of person, organisation, country, place, programme, event, concept, not “planet”',
    ]);
    await chooseFile(page, 'notjson.json', '{"format": 1, ');
    expect(await page.locator('.errors li').textContent()).toMatch(
      /^The file is not JSON, so nothing was imported: /,
    );
    expect(await stored(page)).toEqual(before);
    await page.close();
  });

  it('previews an import, stores it on Import, annotates pages with it, and Undo takes it out', async () => {
    const page = await browser.openExtensionPage('options.html');
    const pack: FactPack = {
      format: 1,
      name: 'Finance notes',
      author: 'Jane Doe',
      url: 'https://jane.example/packs',
      sources: [{ id: 'jane.s', title: 'Her report', url: 'https://jane.example/r' }],
      entities: [
        {
          id: 'jane.exchanges',
          name: 'crypto currency exchanges',
          kind: 'concept',
          aliases: [],
          summary: 'Where stolen coins are cashed out.',
          sourceIds: ['jane.s'],
        },
      ],
      claims: [],
    };
    await chooseFile(page, 'finance.json', JSON.stringify(pack));
    expect(await page.locator('.preview h3').textContent()).toBe('Import “Finance notes”?');
    expect(await page.locator('.preview-summary').textContent()).toBe('It adds 2 entries.');
    // Nothing is stored until the reader confirms.
    expect((await stored(page)).importedPacks).toBeUndefined();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => notice(page).textContent())
      .toBe('Imported “Finance notes” (2 added, 0 replaced). Open pages use it at once.Undo');
    expect((await stored(page)).importedPacks?.map((p) => p.pack.name)).toEqual(['Finance notes']);
    expect(await page.locator('.packs li .detail').textContent()).toMatch(
      /^by Jane Doe · 2 entries · imported \d+ \w+ \d{4} · https:\/\/jane\.example\/packs$/,
    );
    const card = await cardFor(page, 'jane.exchanges');
    await expect.poll(card).toContain('Where stolen coins are cashed out.');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(page)).importedPacks).toEqual([]);
    await page.close();
  });

  it('imports a fact-checker’s ClaimReview feed as a pack, and removes it as a whole', async () => {
    const page = await browser.openExtensionPage('options.html');
    const feed = readFileSync(
      join(ROOT, 'test/unit/pages/facts/fixtures/claimreview/datafeed.json'),
      'utf8',
    );
    await chooseFile(page, 'feed.json', feed);
    expect(await page.locator('.preview h3').textContent()).toBe(
      'Import “Fact checks by Example Fact Check”?',
    );
    expect(await page.locator('.preview-summary').textContent()).toBe(
      'It adds 2 entries; 2 are refused.',
    );
    expect(await page.locator('.preview details[open] li').allTextContents()).toEqual([
      'Fact check 2 (“North Korea has a cyber army of 100,000…”): it gives no rating (reviewRating)',
      'Fact check 3: it names no claim (claimReviewed)',
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByLabel('Show')
      .selectOption({ label: 'From “Fact checks by Example Fact Check”' });
    await expect
      .poll(() => page.locator('.fact-list .detail').allTextContents())
      .toEqual([
        expect.stringMatching(/^fact check: True · From “Fact checks by Example Fact Check”/),
      ]);
    await page
      .getByRole('button', { name: 'Remove the pack “Fact checks by Example Fact Check”' })
      .click();
    await expect
      .poll(() => notice(page).textContent())
      .toBe('Removed the pack “Fact checks by Example Fact Check”.Undo');
    expect((await stored(page)).importedPacks).toEqual([]);
    await page.close();
  });

  it('says when storage is full, keeps the form exactly as it was, and stores nothing', async () => {
    const page = await browser.openExtensionPage('options.html');
    // Fill storage so that a fact no longer fits (chrome.storage.local holds 10 MB).
    await page.evaluate(async () => {
      const used = await chrome.storage.local.getBytesInUse(null);
      const room = chrome.storage.local.QUOTA_BYTES - used;
      await chrome.storage.local.set({ filler: 'x'.repeat(room - 100) });
    });
    const before = await stored(page);
    const fields = {
      Term: 'Kimsuky',
      Details: 'A North Korean group that spies on think tanks.',
      'Source title': 'Advisory',
      'Source URL': 'https://example.org/kimsuky',
    };
    await addFact(page, fields);
    await expect
      .poll(() => page.locator('.fact-form [role="alert"]').textContent())
      .toMatch(/^Nothing was saved: the browser’s storage for Backstory is full/);
    for (const [label, value] of Object.entries(fields)) {
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe(value);
    }
    expect(await stored(page)).toEqual(before);
    await page.evaluate(() => chrome.storage.local.remove('filler'));
    // With room again, the same form saves as it is.
    await page.getByRole('button', { name: 'Add fact' }).click();
    await expect
      .poll(() => notice(page).textContent())
      .toBe('Added “Kimsuky”. Open pages show it at once.Undo');
    await page.close();
  });

  it('passes axe-core, light and dark, with messages, a figure’s reading, a preview and a notice shown', async () => {
    const page = await browser.openExtensionPage('options.html');
    const figure = page.getByLabel('Figure', { exact: true });
    // A figure it cannot read: its reason, as the field's message once the reader tried to save.
    await figure.fill('in 2022');
    await page.getByRole('button', { name: 'Add fact' }).click();
    await page.locator('#fact-term-error').waitFor();
    expect(await figure.getAttribute('aria-invalid')).toBe('true');
    const check = async () => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await axeViolations(page)).toEqual([]);
      }
    };
    await check();
    // A figure read, a new measure to name, one incident to choose, the import preview, a notice.
    await figure.fill('$620 million in the Ronin hack');
    await page
      .getByLabel('What it counts', { exact: true })
      .selectOption({ label: 'Something else: name it' });
    await page.getByLabel('Which incident', { exact: true }).waitFor();
    await page.locator('#fact-newMeasure-error').waitFor();
    expect(await figureReading(page)).toMatch(
      /^Read as: \$620,000,000 · no period given · one incident/,
    );
    await chooseFile(page, 'finance.json', JSON.stringify(bigPack(2, 'c')));
    await page.getByRole('button', { name: 'Delete “Kimsuky”' }).click();
    await notice(page).getByText('Deleted “Kimsuky”.').waitFor();
    await check();
    await page.close();
  });

  itLogsNoErrors();
});
