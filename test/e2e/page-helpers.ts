/** Shared steps for the on-page e2e tests: open annotated pages, talk to the content script, read the card. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Settings } from '../../lib/defaults';
import { type ExtensionBrowser, ROOT } from './harness';

/** The extension API inside an extension page; callbacks run there, so they name it inline. */
type WithChrome = { chrome: typeof import('wxt/browser').browser };

/** An extension page (for chrome.tabs and chrome.storage), opened once per browser. */
export async function extensionPage(browser: ExtensionBrowser): Promise<Page> {
  return browser.openExtensionPage('popup.html');
}

/**
 * Sends a message to the content script of the tab showing `page`, from an extension page. The tab
 * is found as the active one (reading tab URLs would need the "tabs" permission), so `page` comes
 * to the front first.
 */
export async function sendToPage(
  ext: Page,
  page: Page,
  type: string,
  data?: unknown,
): Promise<unknown> {
  await page.bringToFront();
  return ext.evaluate(
    async ({ type, data }) => {
      const { tabs } = (globalThis as unknown as WithChrome).chrome;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) throw new Error('no active tab');
      return tabs.sendMessage(tab.id, { type, data });
    },
    { type, data },
  );
}

/** Changes stored settings as the popup would; the content script watches them. */
export async function setSettings(ext: Page, changes: Partial<Settings>): Promise<void> {
  await ext.evaluate(async (changes) => {
    const { local } = (globalThis as unknown as WithChrome).chrome.storage;
    const { settings } = await local.get('settings');
    await local.set({ settings: { ...(settings as object | undefined), ...changes } });
  }, changes);
}

/** Whether the card is open on `page`. */
export function cardOpen(page: Page): Promise<boolean> {
  return page.evaluate(
    () => !!document.querySelector('backstory-tooltip')?.shadowRoot?.querySelector('.card'),
  );
}

/** The open card's heading text. */
export function cardTitle(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      document.querySelector('backstory-tooltip')?.shadowRoot?.querySelector('h2')?.textContent ??
      undefined,
  );
}

/** The card's box in the viewport. */
export function cardBox(
  page: Page,
): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(() => {
    const card = document.querySelector('backstory-tooltip')?.shadowRoot?.querySelector('.card');
    const r = card?.getBoundingClientRect();
    return { x: r?.x ?? 0, y: r?.y ?? 0, width: r?.width ?? 0, height: r?.height ?? 0 };
  });
}

/** Where the focus is: "mark:<fact>", "card:<tag>" or the tag name of the active element. */
export function focusIs(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName === 'BACKSTORY-MARK') return `mark:${(active as HTMLElement).dataset.fact}`;
    if (active?.tagName === 'BACKSTORY-TOOLTIP')
      return `card:${active.shadowRoot?.activeElement?.tagName ?? ''}`;
    return active?.tagName ?? '';
  });
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on `page` (or only inside `include`, e.g. a shadow-root selector path), as
 * "rule: help" lines. Injected by evaluation, which extension pages' CSP allows where a script tag is not.
 */
export async function axeViolations(page: Page, include?: string[][]): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    type Axe = { run: (c?: unknown) => Promise<{ violations: { id: string; help: string }[] }> };
    const { axe } = window as unknown as { axe: Axe };
    const result = await (context ? axe.run({ include: context }) : axe.run());
    return result.violations.map((v) => `${v.id}: ${v.help}`);
  }, include);
}
