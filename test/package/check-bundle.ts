/**
 * Store-readiness rules for a built extension folder: the manifest asks for no more than the features
 * use, the CSP stays the default, and the shipped code loads no remote code and never evaluates
 * strings. Used by test/e2e/bundle.test.ts on the Chromium build; the rules are plain functions so the
 * test can also prove that each one catches what it should.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The part of a built manifest these rules read. */
export interface BuiltManifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  content_scripts?: Array<{ matches?: string[]; js?: string[]; css?: string[] }>;
  web_accessible_resources?: Array<{ resources?: string[]; matches?: string[] }>;
}

/**
 * storage: reader facts and settings; contextMenus: "Add to Backstory…" on a selection; scripting:
 * injecting the annotator where the detector found the fact base named.
 */
export const NEEDED_PERMISSIONS = ['contextMenus', 'scripting', 'storage'];
/**
 * The only host access: web pages, nowhere else — the detector's matches, and the same as host
 * permissions for injecting the annotator there.
 */
export const CONTENT_SCRIPT_MATCHES = ['http://*/*', 'https://*/*'];
/** The annotator, injected by the background (not in the manifest). */
export const ANNOTATOR_FILE = 'content-scripts/annotator.js';
/** Budget (docs/architecture.md, "Bundles") for the detector (every page), minified. */
export const DETECTOR_BUDGET_BYTES = 8_000;
/** Budget (docs/architecture.md, "Bundles") for the annotator, minified, with Readability, fuse.js and Preact. */
export const ANNOTATOR_BUDGET_BYTES = 120_000;

function isSubset(items: readonly string[], allowed: readonly string[]): boolean {
  return items.every((item) => allowed.includes(item));
}

/** Lists every way the manifest asks for more than Backstory's features use (empty when none). */
export function manifestProblems(manifest: BuiltManifest): string[] {
  const problems: string[] = [];
  const permissions = [...(manifest.permissions ?? [])].sort();
  if (permissions.join() !== NEEDED_PERMISSIONS.join()) {
    problems.push(`permissions are [${permissions}], expected exactly [${NEEDED_PERMISSIONS}]`);
  }
  for (const key of ['optional_permissions', 'optional_host_permissions'] as const) {
    if (manifest[key]?.length) problems.push(`${key} [${manifest[key]}] must be absent`);
  }
  const hosts = manifest.host_permissions ?? [];
  if (!isSubset(hosts, CONTENT_SCRIPT_MATCHES)) {
    problems.push(`host_permissions [${hosts}] go beyond [${CONTENT_SCRIPT_MATCHES}]`);
  }
  if (manifest.content_security_policy !== undefined) {
    problems.push('content_security_policy must be absent (the default CSP stays)');
  }
  if (manifest.externally_connectable !== undefined) {
    problems.push('externally_connectable must be absent (no page or extension may message us)');
  }
  for (const script of manifest.content_scripts ?? []) {
    const matches = script.matches ?? [];
    if (!isSubset(matches, CONTENT_SCRIPT_MATCHES)) {
      problems.push(`content script matches [${matches}] go beyond [${CONTENT_SCRIPT_MATCHES}]`);
    }
  }
  // The annotator's stylesheet is inserted by the background: nothing is reachable from web pages.
  const exposed = (manifest.web_accessible_resources ?? []).flatMap(
    (entry) => entry.resources ?? [],
  );
  if (exposed.length) problems.push(`web_accessible_resources expose [${exposed}] to pages`);
  return problems;
}

const SCRIPT_RULES: Array<[RegExp, string]> = [
  [/(?<![\w$])eval\s*\(|\(\s*0\s*,\s*eval\s*\)/, 'calls eval'],
  [/(?<![\w$.])(?:new\s+)?Function\s*\(/, 'builds a function from a string (Function constructor)'],
  [/\bset(?:Timeout|Interval)\s*\(\s*['"`]/, 'passes a string to setTimeout/setInterval'],
  [/\bimportScripts\s*\(\s*['"`](?:https?:)?\/\//, 'imports a remote script (importScripts)'],
  [/\bimport\s*\(\s*['"`](?:https?:)?\/\//, 'imports a remote module (import())'],
];

const PAGE_RULES: Array<[RegExp, string]> = [
  [/<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i, 'loads a remote script'],
  [
    /<(?:link|iframe|img)\b[^>]*\b(?:href|src)\s*=\s*["']?(?:https?:)?\/\//i,
    'loads a remote resource',
  ],
];

const STYLE_RULES: Array<[RegExp, string]> = [
  [/(?:@import|url\()\s*['"]?(?:https?:)?\/\//i, 'loads a remote stylesheet, font or image'],
];

function rulesFor(file: string): Array<[RegExp, string]> {
  if (file.endsWith('.js')) return SCRIPT_RULES;
  if (file.endsWith('.html')) return PAGE_RULES;
  if (file.endsWith('.css')) return STYLE_RULES;
  return [];
}

/** Lists remote code and string evaluation in one built file, each with the code around it. */
export function codeProblems(file: string, code: string): string[] {
  const rules = rulesFor(file);
  const problems: string[] = [];
  for (const [pattern, what] of rules) {
    const found = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const hit of code.matchAll(found)) {
      const around = code.slice(Math.max(0, hit.index - 40), hit.index + 60).replace(/\s+/g, ' ');
      problems.push(`${file} ${what}: …${around}…`);
    }
  }
  return problems;
}

/** One built extension folder, read into memory. */
export interface Build {
  dir: string;
  manifest: BuiltManifest;
  /** Every file's path relative to `dir`, with forward slashes. */
  files: string[];
  read(file: string): Buffer;
}

/** Reads a built extension folder such as `.output/chrome-mv3`. */
export function readBuild(dir: string): Build {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .sort();
  const read = (file: string) => readFileSync(join(dir, file));
  return { dir, manifest: JSON.parse(read('manifest.json').toString('utf8')), files, read };
}

/** Remote-code and eval findings across every script and page of a build. */
export function buildCodeProblems(build: Build): string[] {
  return build.files.flatMap((file) => codeProblems(file, build.read(file).toString('utf8')));
}

/** The size of some of a build's scripts. */
export interface ScriptSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/** The JavaScript the manifest's content scripts inject into every page: the detector. */
export function detectorSize(build: Build): ScriptSize {
  return sizeOf(
    build,
    (build.manifest.content_scripts ?? []).flatMap((script) => script.js ?? []),
  );
}

/** The annotator the background injects where the detector says yes (CSS is not part of the budget). */
export function annotatorSize(build: Build): ScriptSize {
  return sizeOf(build, [ANNOTATOR_FILE]);
}

function sizeOf(build: Build, files: string[]): ScriptSize {
  const contents = files.map((file) => build.read(file));
  return {
    files,
    bytes: contents.reduce((sum, content) => sum + content.length, 0),
    gzipBytes: contents.reduce((sum, content) => sum + gzipSync(content).length, 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

const sizeLine = (what: string, size: ScriptSize, budget: number) =>
  `  ${what}: ${size.files.join(' + ')} = ${kb(size.bytes)} minified (${kb(size.gzipBytes)} gzip), ${Math.round((size.bytes / budget) * 100)} % of the ${kb(budget)} budget`;

/** A short human report of a build: permissions, host access, script sizes against budget. */
export function describeBuild(build: Build): string {
  const matches = (build.manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  return [
    `bundle check: ${build.dir}`,
    `  permissions: [${build.manifest.permissions ?? []}]; content-script matches [${[...new Set(matches)]}]; host permissions [${build.manifest.host_permissions ?? []}]`,
    sizeLine('detector (every page)', detectorSize(build), DETECTOR_BUDGET_BYTES),
    sizeLine('annotator (on demand)', annotatorSize(build), ANNOTATOR_BUDGET_BYTES),
    `  scanned ${build.files.filter((file) => rulesFor(file).length).length} scripts, pages and stylesheets for remote code and string evaluation`,
  ].join('\n');
}
