/**
 * The tree says what ships where (docs/architecture.md, "Bundles"): a bundle's entrypoint reaches
 * only its own folder of lib/ and lib/shared/, and lib/shared/ holds only what several bundles ship.
 * Walks the static import graph the way the bundler does; type-only imports ship nothing, so they
 * are left out.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

const BUNDLES = {
  detector: { entry: 'entrypoints/detector.ts', own: ['lib/detector/'] },
  annotator: {
    entry: 'entrypoints/annotator.content/index.ts',
    own: ['lib/annotator/', 'entrypoints/annotator.content/'],
  },
  background: {
    entry: 'entrypoints/background/index.ts',
    own: ['lib/background/', 'entrypoints/background/'],
  },
  popup: { entry: 'entrypoints/popup/main.tsx', own: ['lib/pages/', 'entrypoints/popup/'] },
  options: { entry: 'entrypoints/options/main.tsx', own: ['lib/pages/', 'entrypoints/options/'] },
};
const SHARED = 'lib/shared/';

/** The project file an import names, if it is TypeScript of ours (packages and CSS are not walked). */
function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = join(dirname(from), specifier);
  else return undefined;
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find(
    (file) => /\.tsx?$/.test(file) && existsSync(file) && statSync(file).isFile(),
  );
}

/** `import { type A, type B } from` is as type-only as `import type`. */
function onlyTypes(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

/** What a file imports at run time: static imports, re-exports and dynamic `import()`. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !onlyTypes(node.importClause)) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.flatMap((specifier) => resolveImport(file, specifier) ?? []);
}

/** Every file an entrypoint reaches, each with the file that first imported it. */
function reach(entry: string): Map<string, string | undefined> {
  const start = join(ROOT, entry);
  const importer = new Map<string, string | undefined>([[start, undefined]]);
  const queue = [start];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of importsOf(file)) {
      if (importer.has(next)) continue;
      importer.set(next, file);
      queue.push(next);
    }
  }
  return new Map(
    [...importer].map(([file, by]) => [relative(ROOT, file), by && relative(ROOT, by)]),
  );
}

/** "entrypoint → … → file": how the bundle came to ship it. */
function chainTo(file: string, reached: Map<string, string | undefined>): string {
  const chain = [file];
  for (let by = reached.get(file); by !== undefined; by = reached.get(by)) chain.unshift(by);
  return chain.join(' → ');
}

const reachedBy = Object.fromEntries(
  Object.entries(BUNDLES).map(([bundle, { entry }]) => [bundle, reach(entry)]),
) as Record<keyof typeof BUNDLES, Map<string, string | undefined>>;

describe('what each bundle ships', () => {
  for (const [bundle, { entry, own }] of Object.entries(BUNDLES)) {
    it(`the ${bundle} reaches only ${own.join(', ')} and ${SHARED}`, () => {
      const reached = reachedBy[bundle as keyof typeof BUNDLES];
      const strays = [...reached.keys()]
        .filter(
          (file) =>
            file !== entry &&
            !file.startsWith(SHARED) &&
            !own.some((folder) => file.startsWith(folder)),
        )
        .map((file) => chainTo(file, reached));
      expect(strays, `the ${bundle} bundle would ship modules it does not own`).toEqual([]);
    });
  }

  it(`${SHARED} holds only what several bundles ship`, () => {
    const bundlesOf = new Map<string, string[]>();
    for (const [bundle, reached] of Object.entries(reachedBy)) {
      for (const file of reached.keys())
        bundlesOf.set(file, [...(bundlesOf.get(file) ?? []), bundle]);
    }
    const single = [...bundlesOf]
      // Popup and options are one folder, lib/pages/: both together are still one owner.
      .filter(
        ([file, bundles]) => file.startsWith(SHARED) && new Set(bundles.map(ownerOf)).size < 2,
      )
      .map(
        ([file, bundles]) =>
          `${file} (only ${bundles.join(', ')}: move it into that bundle's folder)`,
      );
    expect(single).toEqual([]);
  });
});

function ownerOf(bundle: string): string {
  return BUNDLES[bundle as keyof typeof BUNDLES].own[0] ?? bundle;
}
