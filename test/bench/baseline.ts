/** Builds the Readability-only extension (readability-only.ts) into a temporary folder. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../e2e/harness';

/** The folder of the built extension, loaded like Backstory's: MV3, every http(s) page, document_idle. */
export async function buildReadabilityOnly(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-readability-only-'));
  await build({
    entryPoints: [join(ROOT, 'test/bench/readability-only.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    outfile: join(dir, 'readability.js'),
    logLevel: 'error',
  });
  const manifest = {
    manifest_version: 3,
    name: 'Readability only (Backstory bench)',
    version: '1.0.0',
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['readability.js'], run_at: 'document_idle' },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
