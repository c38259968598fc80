/**
 * Runs Mozilla's linter (`web-ext lint`, the addons-linter AMO uses) on the Firefox build and fails on
 * any error, and on any warning except one reviewed kind: innerHTML assignments inside bundled
 * dependencies (Preact's dangerouslySetInnerHTML support, Readability working on its document clone).
 * Those are accepted only while Backstory's own code writes no HTML strings, which this also checks,
 * so a new warning — ours or a dependency's — fails `npm test` instead of slipping through.
 *
 * Usage: `npm run lint:firefox` (builds first). Reads the build from $BACKSTORY_OUT_DIR or `.output`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILD_DIR = resolve(ROOT, process.env.BACKSTORY_OUT_DIR ?? '.output', 'firefox-mv2');
const OWN_CODE = ['entrypoints', 'lib'];
// Ways to turn a string into markup; our UI renders through Preact and DOM nodes instead.
const HTML_SINK =
  /\.(?:innerHTML|outerHTML)\s*\+?=(?!=)|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML|createContextualFragment/;

interface LintMessage {
  code: string;
  message: string;
  description: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  notices: LintMessage[];
  warnings: LintMessage[];
}

/** Runs web-ext lint on `dir` and returns its JSON report. */
function lint(dir: string): LintReport {
  const webExt = join(ROOT, 'node_modules', '.bin', 'web-ext');
  const args = ['lint', '--source-dir', dir, '--output', 'json', '--no-input'];
  // No user config files, and no update check: the tests make no network requests.
  const run = spawnSync(webExt, [...args, '--no-config-discovery'], {
    encoding: 'utf8',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  if (run.error) throw run.error;
  if (!run.stdout.trim()) throw new Error(`web-ext lint printed no report:\n${run.stderr}`);
  return JSON.parse(run.stdout) as LintReport;
}

/** Lists `file:line` for every place in our own source that writes an HTML string. */
function ownHtmlSinks(): string[] {
  const sources = OWN_CODE.flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .map((file) => join(ROOT, folder, file)),
  );
  return sources.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        HTML_SINK.test(line) ? [`${relative(ROOT, path)}:${index + 1}: ${line.trim()}`] : [],
      ),
  );
}

function isDependencyInnerHtml(warning: LintMessage): boolean {
  return warning.code === 'UNSAFE_VAR_ASSIGNMENT' && warning.message.includes('innerHTML');
}

/** The built code around a warning, so the report says exactly what was flagged. */
function excerpt(message: LintMessage): string {
  if (!message.file || message.line === undefined) return '';
  const line = readFileSync(join(BUILD_DIR, message.file), 'utf8').split('\n')[message.line - 1];
  const column = message.column ?? 0;
  return line?.slice(Math.max(0, column - 30), column + 50) ?? '';
}

function describe(message: LintMessage): string {
  const where = message.file
    ? ` ${message.file}:${message.line ?? ''}:${message.column ?? ''}`
    : '';
  const code = excerpt(message);
  return `  ${message.code}${where} — ${message.message}${code ? `\n      …${code}…` : ''}`;
}

const report = lint(BUILD_DIR);
const sinks = ownHtmlSinks();
const accepted = sinks.length ? [] : report.warnings.filter(isDependencyInnerHtml);
const rejected = report.warnings.filter((warning) => !accepted.includes(warning));
const { errors, notices, warnings } = report.summary;

console.log(
  `web-ext lint ${relative(ROOT, BUILD_DIR)}: ${errors} errors, ${warnings} warnings (${accepted.length} accepted), ${notices} notices`,
);
for (const message of report.errors) console.log(`error\n${describe(message)}`);
for (const message of rejected) console.log(`warning\n${describe(message)}`);
for (const message of accepted) {
  console.log(`accepted: innerHTML inside a bundled dependency\n${describe(message)}`);
}
for (const message of report.notices) console.log(`notice\n${describe(message)}`);
if (sinks.length) {
  console.log(`Backstory's own code writes HTML strings (render text or DOM nodes instead):`);
  for (const sink of sinks) console.log(`  ${sink}`);
}
if (report.errors.length || rejected.length || sinks.length) process.exit(1);
