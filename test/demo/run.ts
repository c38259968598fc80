/**
 * The README's demo: serves the bundled demo article from 127.0.0.1, opens it in Chromium with the
 * built extension, waits for the annotations, opens the card on the conflicting figure, saves a
 * screenshot and prints every annotation. Headless when there is no display (or HEADLESS=1).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { cardLines, cardSize, readCard } from '../e2e/card-view';
import { launchWithExtension, ROOT, startServer } from '../e2e/harness';
import {
  drawn,
  extensionPage,
  hoverAnnotation,
  summaryOf,
  waitForDrawn,
} from '../e2e/page-helpers';

export interface DemoAnnotation {
  /** A name, a figure compared with the sources, or a sourced claim the page retells. */
  kind: 'entity' | 'figure' | 'restated';
  fact: string;
  text: string;
  conflict: boolean;
}

export interface DemoResult {
  url: string;
  /** Every annotation, in the order of the text, as the popup lists them. */
  annotations: DemoAnnotation[];
  /** How many ranges are drawn in `CSS.highlights` (an annotation across inline elements has several). */
  drawnRanges: number;
  /** Text of the card opened on the first conflicting figure (or the first annotation), line by line. */
  cardText: string;
  /** That card's size in CSS pixels, and how much of it would scroll (0: none). */
  cardSize: { width: number; height: number; overflow: number };
  screenshot: string;
  externalRequests: string[];
  errors: string[];
}

/** Source line breaks inside an annotation read as one space. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Every annotation on `page`, from the popup's summary, in text order. */
async function annotationsOn(ext: Page, page: Page): Promise<DemoAnnotation[]> {
  const summary = await summaryOf(ext, page);
  const listed = [
    ...summary.entities.flatMap((e) =>
      e.mentions.map((m) => ({
        id: m.id,
        kind: 'entity' as const,
        fact: e.id,
        text: m.text,
        conflict: false,
      })),
    ),
    ...(['figures', 'restated'] as const).flatMap((list) =>
      summary[list].flatMap((f) =>
        f.mentions.map((m) => ({
          id: m.id,
          kind: list === 'figures' ? ('figure' as const) : ('restated' as const),
          fact: f.factId,
          text: m.text,
          conflict: f.verdict === 'differs',
        })),
      ),
    ),
  ];
  return listed
    .sort((a, b) => a.id - b.id)
    .map(({ kind, fact, text, conflict }) => ({ kind, fact, text: oneLine(text), conflict }));
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
    await waitForDrawn(page);
    const ext = await extensionPage(browser);
    const annotations = await annotationsOn(ext, page);
    await ext.close();
    const ranges = await drawn(page);
    const target = ranges.find((d) => d.kind === 'conflict') ?? ranges[0];
    if (!target) throw new Error('nothing is drawn');
    await page.bringToFront();
    await hoverAnnotation(page, target.text, target.kind);
    let card = await readCard(page);
    for (let tries = 0; !card?.dialog && tries < 50; tries++) {
      await page.waitForTimeout(100);
      card = await readCard(page);
    }
    if (!card?.dialog) throw new Error('the card did not open');
    const dir = join(ROOT, 'test/artifacts');
    mkdirSync(dir, { recursive: true });
    const screenshot = join(dir, 'demo.png');
    await page.screenshot({ path: screenshot });
    const result = {
      url,
      annotations,
      drawnRanges: ranges.length,
      cardText: cardLines(card).join('\n'),
      cardSize: await cardSize(page),
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
  const { annotations } = result;
  const count = (kind: string) => annotations.filter((a) => a.kind === kind).length;
  const lines = [
    `Backstory demo — ${result.url}`,
    `${annotations.length} annotations: ${count('entity')} entity mentions, ${count('figure')} figures, ${count('restated')} retold claims, ${annotations.filter((a) => a.conflict).length} conflicting (${result.drawnRanges} ranges drawn)`,
    '',
    ...annotations.map(
      (a) =>
        `  ${a.kind.padEnd(8)} ${a.conflict ? 'CONFLICT ' : ''}${JSON.stringify(a.text)} → ${a.fact}`,
    ),
    '',
    `Card opened on the first conflicting figure (${result.cardSize.width} × ${result.cardSize.height} px):`,
    ...result.cardText.split('\n').map((line) => `  | ${line}`),
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
      process.exit(result.annotations.length > 0 && result.errors.length === 0 ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
