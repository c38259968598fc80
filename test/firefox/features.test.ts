/**
 * What Backstory's page contract needs from Firefox, checked in the Firefox at hand with a small probe
 * add-on (`probe/`) through plain WebDriver BiDi, so it also runs in Firefox 140 ESR (which has no
 * privileged BiDi scope): CSS Custom Highlights drawn as dotted, double and wavy underlines (also when a
 * content script registers them), finding the highlight under a point, `scripting.executeScript` in an
 * MV2 add-on, and the manifest's data-collection declaration. Screenshots go to test/artifacts/.
 *
 *   FIREFOX_PATH=/path/to/firefox npx vitest run --config test/firefox/vitest.config.ts test/firefox/features.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PageServer, ROOT, startServer } from '../driver/server';
import type { Box } from '../driver/steps';
import { FIREFOX_BUILD, launchFirefox } from './driver';

const PROBE = join(import.meta.dirname, '../driver/probe');
const ARTIFACTS = join(ROOT, 'test/artifacts');

/** The underline styles Backstory draws annotations with. */
const STYLES = ['dotted', 'double', 'wavy'] as const;

/** Red, 2 px, never broken around descenders (so the ink can be measured). */
const underline = (style: string) =>
  `text-decoration: underline ${style} #f00; text-decoration-thickness: 2px; text-decoration-skip-ink: none;`;

// One line per style, drawn by a highlight the page registers; one line the probe's content script
// highlights, as Backstory's annotator will; and a box where the probe reports what its background can do.
const PAGE = `<!doctype html><title>Highlights</title>
  <style>
    body { font: 28px/2.2 sans-serif; margin: 20px; color: #000; background: #fff; }
    ${STYLES.map((s) => `::highlight(probe-${s}) { ${underline(s)} }`).join('\n')}
    ::highlight(probe-content-script) { ${underline('wavy')} }
  </style>
  ${STYLES.map((s) => `<p><span id="${s}">Lazarus Group ${s}</span></p>`).join('\n')}
  <p><span id="content-script" data-probe-highlight>Lazarus Group content script</span></p>
  <pre id="probe-features"></pre>
  <script>
    for (const style of ${JSON.stringify(STYLES)}) {
      const range = new Range();
      range.selectNodeContents(document.getElementById(style));
      CSS.highlights.set('probe-' + style, new Highlight(range));
    }
  </script>`;

/** Red ink in a box of the screenshot: which rows hold any, and how much of the width is inked. */
interface Ink {
  rows: number[];
  coverage: number;
}

/** Measures red ink in `boxes` of a PNG screenshot, decoded by the page's own canvas. */
function redInk(page: Page, png: string, boxes: Box[]): Promise<Ink[]> {
  return page.evaluate(
    async ({ png, boxes }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      return boxes.map(({ x, y, width, height }) => {
        const { data } = context.getImageData(x, y, width, height);
        const rows = new Set<number>();
        const columns = new Set<number>();
        for (let i = 0; i < data.length; i += 4) {
          if ((data[i] ?? 0) > 150 && (data[i + 1] ?? 255) < 100 && (data[i + 2] ?? 255) < 100) {
            rows.add(Math.floor(i / 4 / width));
            columns.add((i / 4) % width);
          }
        }
        return { rows: [...rows].sort((a, b) => a - b), coverage: columns.size / width };
      });
    },
    { png, boxes },
  );
}

/** Runs of consecutive rows: a double underline has two, separated by a gap. */
function bands(rows: number[]): number {
  return rows.filter((row, i) => i === 0 || row !== (rows[i - 1] ?? 0) + 1).length;
}

describe('what Backstory needs from this Firefox', () => {
  let browser: Browser;
  let server: PageServer;
  let page: Page;
  let version: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchFirefox();
    version = (await browser.version()).replace('firefox/', '');
    await browser.installExtension(PROBE);
    page = await browser.newPage();
    await page.goto(server.route('/highlights.html', PAGE), { waitUntil: 'load' });
    // The content script runs at document_idle, then asks the background: wait for both.
    await vi.waitFor(
      () => page.waitForFunction(() => document.getElementById('probe-features')?.textContent),
      { timeout: 15_000 },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws ::highlight() underlines dotted, double and wavy, also for a content script’s highlight', async () => {
    const png = await page.screenshot({ encoding: 'base64' });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `firefox-${version}-highlights.png`), Buffer.from(png, 'base64'));
    const boxes = await page.evaluate(
      (ids) =>
        ids.map((id) => {
          const r = document.getElementById(id)?.getBoundingClientRect() ?? new DOMRect();
          // The lower half of the line and a little below it: where an underline is drawn.
          const y = Math.ceil(r.y + r.height / 2);
          return {
            x: Math.ceil(r.x),
            y,
            width: Math.floor(r.width),
            height: Math.ceil(r.height / 2) + 6,
          };
        }),
      [...STYLES, 'content-script'],
    );
    const [dotted, double, wavy, contentScript] = await redInk(page, png, boxes);
    const ink = JSON.stringify({ dotted, double, wavy, contentScript });
    // Dotted: broken along the line. Double: two lines. Wavy: a line several pixels high.
    expect(dotted?.coverage, ink).toBeGreaterThan(0.2);
    expect(dotted?.coverage, ink).toBeLessThan(0.8);
    expect(double?.coverage, ink).toBeGreaterThan(0.9);
    expect(bands(double?.rows ?? []), ink).toBe(2);
    expect(wavy?.coverage, ink).toBeGreaterThan(0.9);
    expect(wavy?.rows.length, ink).toBeGreaterThanOrEqual(4);
    expect(contentScript?.coverage, ink).toBeGreaterThan(0.9);
  });

  it('shows the page a highlight its content script registered', async () => {
    const texts = await page.evaluate(() =>
      [...(CSS.highlights.get('probe-content-script') ?? [])].map((range) =>
        (range as Range).toString(),
      ),
    );
    expect(texts).toEqual(['Lazarus Group content script']);
  });

  it('finds the highlight under a point: highlightsFromPoint, or the caret position and range boxes', async () => {
    const found = await page.evaluate(() => {
      const highlight = CSS.highlights.get('probe-wavy') as Highlight;
      const range = [...highlight][0] as Range;
      const box = range.getClientRects()[0] as DOMRect;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const registry = CSS.highlights as HighlightRegistry & {
        highlightsFromPoint?: (x: number, y: number) => { highlight: Highlight }[];
      };
      const caret = document.caretPositionFromPoint(x, y);
      const inBoxes = [...range.getClientRects()].some(
        (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom,
      );
      return {
        native: registry.highlightsFromPoint
          ? registry.highlightsFromPoint(x, y).some((hit) => hit.highlight === highlight)
          : 'missing',
        fallback: !!caret && range.isPointInRange(caret.offsetNode, caret.offset) && inBoxes,
      };
    });
    expect(found.fallback).toBe(true);
    // Where Firefox has the native call (150+ per web-features), it must agree.
    expect([true, 'missing']).toContain(found.native);
  });

  it('injects files and functions with scripting.executeScript in an MV2 add-on', async () => {
    const features = JSON.parse(
      await page.$eval('#probe-features', (report) => report.textContent ?? '{}'),
    );
    expect(features.scripting).toEqual([
      { title: 'Highlights', highlights: 'object' },
      'title: Highlights',
    ]);
  });

  it('keeps the manifest’s data-collection declaration', async () => {
    const features = JSON.parse(
      await page.$eval('#probe-features', (report) => report.textContent ?? '{}'),
    );
    // A Firefox that does not know the key drops it from the manifest (with a warning).
    expect(features.dataCollection).toMatchObject({ required: ['none'] });
  });

  it('is a version the Firefox build accepts (strict_min_version)', () => {
    const manifest = join(FIREFOX_BUILD, 'manifest.json');
    if (!existsSync(manifest)) return; // needs `npm run build:firefox` first
    const gecko = JSON.parse(readFileSync(manifest, 'utf8')).browser_specific_settings.gecko;
    expect(Number.parseFloat(version)).toBeGreaterThanOrEqual(
      Number.parseFloat(gecko.strict_min_version),
    );
  });
});
