/**
 * A hostile page (docs/architecture.md, "The page contract": "Events the page can forge never open a card, never change settings and
 * never switch Backstory off"; the card's closed root keeps a reader's facts from the page). It
 * replays every window message it sees, dispatches forged pointer, mouse, focus, key and custom
 * events on every element (WXT's "content script started" event with the real extension id among
 * them), and scans the DOM, shadow roots and `CSS.highlights` for a reader's private note.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCorpusMarkup } from '../fixtures/corpus-page';
import { REPORT } from '../fixtures/on-topic';
import { cardOpen, cardTitle } from './card-view';
import {
  type ExtensionBrowser,
  launchWithExtension,
  type PageServer,
  startServer,
} from './harness';
import {
  drawn,
  extensionPage,
  hoverAnnotation,
  mentionsOf,
  summaryOf,
  waitForDrawn,
} from './page-helpers';

const SECRET = 'SECRET-7731 my source inside the ministry';

/** The page's script, first in <head>: it runs before anything of Backstory's. */
const HOSTILE = `<script>
window.hostile = { replayed: 0, hostsAdded: 0 };
addEventListener('message', (event) => {
  if (event.data && event.data.replayed) return;
  hostile.replayed++;
  const data = event.data && typeof event.data === 'object'
    ? { ...event.data, messageId: 'forged-' + hostile.replayed, replayed: true }
    : event.data;
  postMessage(data, '*');
});
new MutationObserver((records) => {
  for (const record of records)
    for (const node of record.addedNodes) if (node.nodeName === 'BACKSTORY-TOOLTIP') hostile.hostsAdded++;
}).observe(document.documentElement, { childList: true, subtree: true });
// Its own forged clicks must not take it elsewhere.
document.addEventListener('click', (event) => event.preventDefault(), true);

window.attack = (extensionId) => {
  const started = extensionId + ':annotator:wxt:content-script-started';
  const detail = { contentScriptName: 'annotator', messageId: 'forged' };
  document.dispatchEvent(new CustomEvent(started, { detail }));
  window.dispatchEvent(new CustomEvent(started, { detail }));
  postMessage({ type: started, ...detail }, '*');
  window.dispatchEvent(new Event(extensionId + ':annotator:wxt:locationchange'));
  const points = [];
  for (const [, highlight] of CSS.highlights)
    for (const range of highlight) {
      const rect = range.getBoundingClientRect();
      points.push([document.body, rect.x + rect.width / 2, rect.y + rect.height / 2]);
    }
  for (const el of document.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    points.push([el, rect.x + rect.width / 2, rect.y + rect.height / 2]);
  }
  for (const [el, clientX, clientY] of points) {
    const at = { bubbles: true, cancelable: true, composed: true, clientX, clientY };
    for (const type of ['pointerover', 'pointerenter', 'pointermove', 'pointerdown', 'pointerup', 'click'])
      el.dispatchEvent(new PointerEvent(type, { ...at, pointerType: 'mouse' }));
    for (const type of ['pointermove', 'click'])
      el.dispatchEvent(new PointerEvent(type, { ...at, pointerType: 'touch' }));
    for (const type of ['mouseover', 'mousemove', 'mousedown', 'mouseup'])
      el.dispatchEvent(new MouseEvent(type, at));
    el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    el.dispatchEvent(new FocusEvent('focus'));
    for (const key of ['Escape', 'Tab', 'Enter', ' ', 'J', 'K'])
      el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, altKey: true, shiftKey: true }));
  }
  window.dispatchEvent(new Event('scroll'));
};

window.scan = (secret) => {
  const found = [];
  const look = (where, text) => { if (text && text.includes(secret)) found.push(where); };
  look('document', document.documentElement.outerHTML);
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) look('attribute ' + attribute.name, attribute.value);
    if (el.localName === 'backstory-tooltip' && el.shadowRoot) found.push('an open card root');
    if (el.shadowRoot) look('shadow root of ' + el.localName, el.shadowRoot.innerHTML);
    look('computed style', getComputedStyle(el).content);
  }
  for (const [name, highlight] of CSS.highlights) {
    look('highlight name', name);
    for (const range of highlight) look('highlight range', range.toString());
  }
  look('window', Object.keys(window).join(' '));
  return found;
};
</script>`;

const PAGE = inCorpusMarkup('bbc-1', {
  ...REPORT,
  paragraphs: [
    ...REPORT.paragraphs,
    'The analyst Harriet Quill, who has followed the Lazarus Group for years, said the thefts would go on as long as exchanges stayed easy to fool.',
  ],
}).replace(/<head[^>]*>/, (head) => `${head}${HOSTILE}`);

type WithChrome = { chrome: typeof import('wxt/browser').browser };

describe('a hostile page', () => {
  let browser: ExtensionBrowser;
  let server: PageServer;
  let ext: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchWithExtension();
    ext = await extensionPage(browser);
    // A reader's fact with a private note, stored as the options page stores it.
    await ext.evaluate(async (secret) => {
      await (globalThis as unknown as WithChrome).chrome.storage.local.set({
        readerPack: {
          format: 1,
          name: 'My facts',
          sources: [
            {
              id: 'reader.notes',
              title: 'My notes',
              publisher: 'Me',
              url: 'https://notes.example/q',
            },
          ],
          entities: [
            {
              id: 'reader.harriet-quill',
              name: 'Harriet Quill',
              kind: 'person',
              aliases: [],
              summary: secret,
              sourceIds: ['reader.notes'],
            },
          ],
          claims: [],
        },
      });
    }, SECRET);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const storage = () =>
    ext.evaluate(() => (globalThis as unknown as WithChrome).chrome.storage.local.get(null));

  it('learns nothing, opens no card and cannot switch Backstory off', async () => {
    const stored = await storage();
    const page = await browser.context.newPage();
    await page.goto(server.route('/hostile.html', PAGE));
    await waitForDrawn(page);
    await expect
      .poll(async () => (await drawn(page)).map((d) => d.text))
      .toContain('Harriet Quill');
    await page.bringToFront();
    const before = {
      drawn: (await drawn(page)).length,
      mentions: mentionsOf(await summaryOf(ext, page)),
    };
    const scan = () =>
      page.evaluate(
        (secret) => (window as unknown as { scan(s: string): string[] }).scan(secret),
        SECRET,
      );

    // The reader opens the card on their own fact: the page still cannot read it.
    await hoverAnnotation(page, 'Harriet Quill');
    await expect.poll(() => cardTitle(page), { timeout: 3000 }).toBe('Harriet Quill');
    expect(await scan()).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await cardOpen(page)).toBe(false);
    const hostsBefore = await page.evaluate(
      () => (window as unknown as { hostile: { hostsAdded: number } }).hostile.hostsAdded,
    );

    // The attack, then 1.5 s on the page's clock (the content script once went within 1.5 s).
    await page.evaluate(
      (id) => (window as unknown as { attack(id: string): void }).attack(id),
      browser.extensionId,
    );
    await page.evaluate(() => new Promise((done) => setTimeout(done, 1500)));
    const hostile = await page.evaluate(
      () => (window as unknown as { hostile: { replayed: number; hostsAdded: number } }).hostile,
    );
    expect(hostile.replayed).toBeGreaterThan(0);
    expect(hostile.hostsAdded).toBe(hostsBefore);
    expect(await cardOpen(page)).toBe(false);
    expect(await scan()).toEqual([]);
    // Still on: every annotation drawn, the content script answering, nothing stored changed.
    expect((await drawn(page)).length).toBe(before.drawn);
    expect(mentionsOf(await summaryOf(ext, page))).toEqual(before.mentions);
    expect(await storage()).toEqual(stored);
    // And the reader's own pointer still works (off the dismissed annotation, then back).
    await page.mouse.move(5, 5);
    await hoverAnnotation(page, 'Harriet Quill');
    await expect.poll(() => cardTitle(page), { timeout: 3000 }).toBe('Harriet Quill');
    await page.close();
  });
});
