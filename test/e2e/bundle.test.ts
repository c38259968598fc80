import { describe, expect, it } from 'vitest';
import {
  ANNOTATOR_BUDGET_BYTES,
  ANNOTATOR_FILE,
  annotatorSize,
  type BuiltManifest,
  buildCodeProblems,
  codeProblems,
  DETECTOR_BUDGET_BYTES,
  describeBuild,
  detectorSize,
  manifestProblems,
  readBuild,
} from '../package/check-bundle';
import { EXTENSION_DIR } from './harness';

// Static checks of the Chromium build that `npm run test:e2e` has just made; no browser needed.
describe('the built Chromium extension', () => {
  const build = readBuild(EXTENSION_DIR);

  it('asks for exactly storage, contextMenus and scripting, and host access to web pages only', () => {
    console.log(describeBuild(build));
    expect(manifestProblems(build.manifest)).toEqual([]);
    expect(build.manifest.permissions).toEqual(['storage', 'contextMenus', 'scripting']);
    expect(build.manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    // One content script in the manifest, the detector; the annotator is injected on demand.
    expect(build.manifest.content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['detector.js'], run_at: 'document_idle' },
    ]);
    expect(build.files).toContain(ANNOTATOR_FILE);
    expect(build.manifest.web_accessible_resources).toBeUndefined();
  });

  it('ships no remote code and never evaluates strings', () => {
    expect(buildCodeProblems(build)).toEqual([]);
  });

  it('keeps the detector within its 8 KB budget and the annotator within its 120 KB', () => {
    expect(detectorSize(build).bytes).toBeLessThan(DETECTOR_BUDGET_BYTES);
    expect(annotatorSize(build).bytes).toBeLessThan(ANNOTATOR_BUDGET_BYTES);
  });

  it('keeps Readability, fuse.js, Preact and the fact pack out of the detector', () => {
    const detector = build.read('detector.js').toString('utf8');
    // Marks of each: Readability's class, fuse.js's option, Preact's vnode field, a bundled name.
    for (const mark of ['_grabArticle', 'ignoreLocation', '__k', 'Lazarus'])
      expect(detector, mark).not.toContain(mark);
  });
});

// The rules above pass on a good build; these show that each one fails a bad one.
describe('the bundle rules', () => {
  const good: BuiltManifest = {
    permissions: ['storage', 'contextMenus', 'scripting'],
    host_permissions: ['http://*/*', 'https://*/*'],
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['detector.js'] }],
  };

  it('accepts the minimal manifest', () => {
    expect(manifestProblems(good)).toEqual([]);
  });

  it('names every permission, host grant, CSP and exposure beyond the minimum', () => {
    const greedy: BuiltManifest = {
      ...good,
      permissions: ['storage', 'contextMenus', 'tabs', 'scripting'],
      optional_permissions: ['webRequest'],
      host_permissions: ['<all_urls>'],
      content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" },
      externally_connectable: { matches: ['https://example.com/*'] },
      content_scripts: [{ matches: ['<all_urls>'] }],
      web_accessible_resources: [{ resources: ['popup.html', 'x.css'], matches: ['<all_urls>'] }],
    };
    expect(manifestProblems(greedy)).toEqual([
      'permissions are [contextMenus,scripting,storage,tabs], expected exactly [contextMenus,scripting,storage]',
      'optional_permissions [webRequest] must be absent',
      'host_permissions [<all_urls>] go beyond [http://*/*,https://*/*]',
      'content_security_policy must be absent (the default CSP stays)',
      'externally_connectable must be absent (no page or extension may message us)',
      'content script matches [<all_urls>] go beyond [http://*/*,https://*/*]',
      'web_accessible_resources expose [popup.html,x.css] to pages',
    ]);
  });

  it('finds eval, the Function constructor and string timers in scripts', () => {
    const code =
      'a.x=eval("1");(0,eval)(s);b=new Function("return 1");c=Function(s);setTimeout("f()",9)';
    expect(codeProblems('chunks/a.js', code).map((problem) => problem.split(':')[0])).toEqual([
      'chunks/a.js calls eval',
      'chunks/a.js calls eval',
      'chunks/a.js builds a function from a string (Function constructor)',
      'chunks/a.js builds a function from a string (Function constructor)',
      'chunks/a.js passes a string to setTimeout/setInterval',
    ]);
  });

  it('does not mistake look-alikes for eval or Function', () => {
    const code =
      'function f(){};x.evaluate(1);retrieval(2);y instanceof Function;z.Function(3);setTimeout(f,9)';
    expect(codeProblems('a.js', code)).toEqual([]);
  });

  it('finds remote scripts, modules, pages resources and stylesheets', () => {
    const problems = [
      ...codeProblems(
        'bg.js',
        'importScripts("https://cdn.example/x.js");import("//cdn.example/m.js")',
      ),
      ...codeProblems('p.html', '<script type="module" src="https://cdn.example/x.js"></script>'),
      ...codeProblems('p.html', '<link rel="stylesheet" href="https://fonts.example/a.css">'),
      ...codeProblems('c.css', '@import url("https://fonts.example/a.css");'),
    ];
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'bg.js imports a remote script (importScripts)',
      'bg.js imports a remote module (import())',
      'p.html loads a remote script',
      'p.html loads a remote resource',
      'c.css loads a remote stylesheet, font or image',
    ]);
  });

  it('accepts local scripts, pages and stylesheets', () => {
    expect(
      codeProblems('p.html', '<script type="module" src="/chunks/popup.js"></script>'),
    ).toEqual([]);
    expect(codeProblems('c.css', 'a{background:url(data:image/png;base64,AA)}')).toEqual([]);
    expect(codeProblems('bg.js', 'importScripts("/x.js");import("./chunk.js")')).toEqual([]);
  });
});
