/**
 * The README's demo: serves the bundled demo article from 127.0.0.1, opens it in Chromium with the
 * built extension, waits for the marks, opens the card on the conflicting figure, saves a screenshot
 * and prints what Backstory annotated. Headless when there is no display (or HEADLESS=1).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, startServer } from '../e2e/harness';

export interface DemoMark {
  kind: string;
  fact: string;
  text: string;
  conflict: boolean;
}

export interface DemoResult {
  url: string;
  marks: DemoMark[];
  /** Text of the card opened on the first conflicting figure (or the first mark). */
  cardText: string;
  screenshot: string;
  externalRequests: string[];
  errors: string[];
}

/** Runs the demo end to end and returns what was annotated; `beforeClose` runs while the browser is still open. */
export async function runDemo(options: {
  headless: boolean;
  beforeClose?: (result: DemoResult, page: Page) => Promise<void>;
}): Promise<DemoResult> {
  const server = await startServer();
  const url = server.route(
    '/demo/article.html',
    readFileSync(join(ROOT, 'assets/demo/article.html'), 'utf8'),
  );
  const browser = await launchWithExtension({ headless: options.headless });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(url);
    await page.waitForSelector('backstory-mark', { timeout: 15_000 });
    const marks = await page.$$eval('backstory-mark', (els) =>
      els.map((el) => ({
        kind: el.getAttribute('data-kind') ?? '',
        fact: el.getAttribute('data-fact') ?? '',
        // Source line breaks inside a mark read as one space.
        text: (el.textContent ?? '').replace(/\s+/g, ' '),
        conflict: el.hasAttribute('data-conflict'),
      })),
    );
    const target = page.locator('backstory-mark[data-conflict]').first();
    const mark = (await target.count()) > 0 ? target : page.locator('backstory-mark').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const card = page.locator(
      'backstory-tooltip [role="dialog"], backstory-tooltip [role="tooltip"]',
    );
    await card.first().waitFor({ state: 'visible', timeout: 5_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText keeps the card's line breaks for the report
    const cardText = (await card.first().innerText()).trim();
    const dir = join(ROOT, 'test/artifacts');
    mkdirSync(dir, { recursive: true });
    const screenshot = join(dir, 'demo.png');
    await page.screenshot({ path: screenshot });
    const result = {
      url,
      marks,
      cardText,
      screenshot,
      externalRequests: [...browser.externalRequests],
      errors: [...browser.errors],
    };
    await options.beforeClose?.(result, page);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Prints the demo result as a short report. */
function printResult(result: DemoResult): void {
  const count = (kind: string) => result.marks.filter((m) => m.kind === kind).length;
  const lines = [
    `Backstory demo — ${result.url}`,
    `${result.marks.length} marks: ${count('entity')} entity mentions, ${count('claim')} figure claims, ${result.marks.filter((m) => m.conflict).length} conflicting`,
    '',
    ...result.marks.map(
      (m) =>
        `  ${m.kind.padEnd(6)} ${m.conflict ? 'CONFLICT ' : ''}${JSON.stringify(m.text)} → ${m.fact}`,
    ),
    '',
    'Card opened on the first conflicting figure:',
    ...result.cardText
      .split('\n')
      .filter(Boolean)
      .map((line) => `  | ${line}`),
    '',
    `Screenshot: ${result.screenshot}`,
    `Network requests leaving the machine: ${result.externalRequests.length}`,
    `Console errors: ${result.errors.length}`,
  ];
  console.log(lines.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const headless = process.env.HEADLESS === '1' || !process.env.DISPLAY;
  runDemo({
    headless,
    beforeClose: async (result, page) => {
      printResult(result);
      if (headless) return;
      console.log('\nThe browser stays open: close its window to finish.');
      await page.waitForEvent('close', { timeout: 0 });
    },
  })
    .then((result) => {
      process.exit(result.marks.length > 0 && result.errors.length === 0 ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
