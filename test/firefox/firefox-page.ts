/** A Firefox tab behind the browser-neutral `PageDriver` (puppeteer-core over WebDriver BiDi). */
import type { KeyInput, Page } from 'puppeteer-core';
import type { PageDriver, Remote } from '../driver/driver';
import type { ChromeScope, Gecko } from './gecko';

/**
 * A tab opened by the driver. Reading a closed root and pressing keys act on the selected tab, so both
 * bring this one to the front first.
 */
export class FirefoxPage implements PageDriver {
  constructor(
    private readonly page: Page,
    private readonly chrome: ChromeScope,
  ) {}

  get url(): string {
    return this.page.url();
  }

  evaluate<A, R>(fn: Remote<A, R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: unknown) => Promise<R>, arg);
  }

  async inClosedShadow<A, R>(
    host: string,
    fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
    arg: A,
  ): Promise<R | null> {
    await this.bringToFront();
    return this.chrome.inFrame({ tab: 'selected', host }, `${fn}`, arg);
  }

  moveMouse(x: number, y: number): Promise<void> {
    return this.page.mouse.move(x, y);
  }

  async press(key: string): Promise<void> {
    await this.bringToFront();
    // Keyboard focus starts in the address bar: give it to the page, as a click into it would.
    await this.chrome.run((g: Gecko) => g.gBrowser.selectedBrowser.focus(), null);
    await pressChord(this.page, key);
  }

  bringToFront(): Promise<void> {
    return this.page.bringToFront();
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png` });
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** Presses a key or a chord such as "Shift+Tab". */
async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as KeyInput[];
  const key = keys.pop() as KeyInput;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}
