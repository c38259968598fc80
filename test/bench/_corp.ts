import { readFileSync, readdirSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { readArticle } from '@/lib/extract/article';
import { collectText } from '@/lib/extract/text';
import { buildIndex, findAnnotations, mentionsAnyAlias } from '@/lib/match';
import { bundledPack } from '@/lib/facts/bundled';
const index = buildIndex(bundledPack);
const dir = '/work/shared/corpus/readability';
let bad = 0; const t0 = Date.now(); let tj = 0, te = 0;
for (const name of readdirSync(dir)) {
  const html = readFileSync(`${dir}/${name}/source.html`, 'utf8');
  const exp = JSON.parse(readFileSync(`${dir}/${name}/expected-metadata.json`, 'utf8'));
  let t = performance.now();
  const doc = new JSDOM(html, { url: 'http://fakehost/test/page.html' }).window.document;
  tj += performance.now() - t; t = performance.now();
  const r = readArticle(doc);
  te += performance.now() - t;
  if (!r) { if (exp.readerable) console.log('NULL but readerable', name); continue; }
  const a = r.article;
  if (!exp.readerable) console.log('readerable false but got', name);
  const issues = [];
  if (a.title !== exp.title) issues.push(`title ${JSON.stringify(a.title)} vs ${JSON.stringify(exp.title)}`);
  if ((a.byline ?? null) !== exp.byline) issues.push(`byline ${JSON.stringify(a.byline)} vs ${JSON.stringify(exp.byline)}`);
  const tm = collectText(a.root);
  const anns = findAnnotations(index, tm.text);
  if (anns.length) console.log('ANN', name, mentionsAnyAlias(index, tm.text), anns.map(x => `${x.text}=${x.factId}`).join(', '));
  if (a.root === doc.body) console.log('BODY', name);
  const rootText = a.root.textContent!.replace(/\s+/g, '');
  const paras = r.text.split(/\n+/).map(s => s.replace(/\s+/g, '')).filter(s => s.length > 20);
  const rootWords = new Set(a.root.textContent!.match(/\p{L}+/gu)); const missing = (r.text.match(/\p{L}+/gu) ?? []).filter(w => !rootWords.has(w));
  if (missing.length) issues.push(`missing ${missing.length}: ${missing.slice(0,5)}`);
  if (!a.root.isConnected) issues.push('not connected');
  if (issues.length) { bad++; console.log(name, a.root.tagName, issues.join(' | ')); }
}
console.log('bad', bad, 'ms', Date.now() - t0, 'jsdom', tj, 'extract', te);
