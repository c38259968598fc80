/**
 * A page rendered by a framework (Preact), bundled with esbuild when a test asks for it: the app
 * in ./fixtures/framework-app.tsx re-renders its article in place every 300 ms.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPORT } from '../fixtures/on-topic';
import type { AppData } from './fixtures/framework-app';
import { ROOT } from './harness';

/** Bundles the app (Preact included) into one classic script. */
async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'test/e2e/fixtures/framework-app.tsx')],
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** JSON in a script element: "<" escaped, so the data cannot close the element. */
const jsonInScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
/** Code in a script element: "</script" can only occur in strings and regexes, where "<\\/" reads the same. */
const codeInScript = (code: string) => code.replace(/<\/script/gi, '<\\/script');

/** The complete page: site chrome around the app's root, the app's data and the bundled app. */
export async function frameworkPage(data: AppData): Promise<string> {
  const app = await bundleApp();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${data.title} | The Daily Ledger</title>
<style>body{margin:0;font:18px/1.6 Georgia,serif}main{max-width:680px;margin:0 auto;padding:24px}</style>
</head><body>
<header><strong>The Daily Ledger</strong> <nav aria-label="Sections"><a href="/world">World</a> <a href="/tech">Cyber</a></nav></header>
<main id="app"></main>
<footer><p>© The Daily Ledger.</p></footer>
<script type="application/json" id="app-data">${jsonInScript(data)}</script>
<script>${codeInScript(app)}</script>
</body></html>`;
}

/** The on-topic report as an app: one paragraph changes who speaks, one sentence comes and goes. */
export function frameworkReport(options: { ticks: number; intervalMs?: number }): AppData {
  const [first, wray, mayorkas, conflict, lazarus, allies] = REPORT.paragraphs as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    title: REPORT.title,
    paragraphs: [
      [first],
      [
        wray,
        wray.replace(
          'FBI Director Christopher Wray',
          'Homeland Security Secretary Alejandro Mayorkas',
        ),
      ],
      [mayorkas],
      [conflict, null],
      [lazarus, lazarus.replace('The Lazarus Group', 'Lazarus Group hackers')],
      [allies],
    ],
    ticks: options.ticks,
    intervalMs: options.intervalMs ?? 300,
  };
}
