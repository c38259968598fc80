/**
 * Content-script bundles of a built extension, against DESIGN.md's budgets: the scripts the manifest
 * injects into every page (the detector's budget) and those injected at run time (the annotator's).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Bundle {
  file: string;
  bytes: number;
  gzip: number;
}

export interface ContentBundles {
  /** Listed in the manifest: loaded on every page. */
  everyPage: Bundle[];
  /** Under content-scripts/ but not in the manifest: injected by the background when needed. */
  onDemand: Bundle[];
}

function bundleOf(dir: string, file: string): Bundle {
  const data = readFileSync(join(dir, file));
  return { file, bytes: data.length, gzip: gzipSync(data).length };
}

/** The content-script bundles of the extension in `dir`. */
export function contentBundles(dir: string): ContentBundles {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const everyPage = (manifest.content_scripts ?? []).flatMap((s) => s.js ?? []);
  const folder = join(dir, 'content-scripts');
  const all = statSync(folder, { throwIfNoEntry: false })
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.js'))
        .map((f) => `content-scripts/${f}`)
    : [];
  return {
    everyPage: everyPage.map((f) => bundleOf(dir, f)),
    onDemand: all.filter((f) => !everyPage.includes(f)).map((f) => bundleOf(dir, f)),
  };
}
