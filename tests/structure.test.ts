/**
 * The shape of the house, checked: lib/ grouped by concern, one-way layers, and functions short
 * enough for a newcomer to hold in their head.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const MAX_FUNCTION_LINES = 120;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every function, arrow function and method longer than `max` lines, as "file:line name (n)". */
function longFunctions(file: string, max: number): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = src.getLineAndCharacterOfPosition(node.getStart()).line;
      const last = src.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name =
        node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '');
      if (last - first + 1 > max) found.push(`${file}:${first + 1} ${name} (${last - first + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return found;
}

describe('the house', () => {
  test('lib/ is grouped by concern: at most six loose files at its top', () => {
    const loose = readdirSync(join(ROOT, 'lib'), { withFileTypes: true }).filter((e) => e.isFile());
    expect(loose.length).toBeLessThanOrEqual(6);
  });

  test('extraction does not depend on annotation', () => {
    const offenders = sourceFiles('lib/extract').filter((f) =>
      /from ['"](?:\.\.\/annotate|@\/lib\/annotate)/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  test(`no function in lib/, components/ or entrypoints/ is over ${MAX_FUNCTION_LINES} lines`, () => {
    const files = ['lib', 'components', 'entrypoints'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => longFunctions(f, MAX_FUNCTION_LINES))).toEqual([]);
  });

  test('the length check sees a long function', () => {
    // Guards the guard: a parse or path mistake would otherwise pass the test above vacuously.
    expect(longFunctions('lib/annotate/find-entities.ts', 10).length).toBeGreaterThan(0);
  });
});
