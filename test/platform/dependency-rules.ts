/**
 * The dependency rules of docs/architecture.md, as code: what a file under src/ may import.
 * test/platform/dependencies.test.ts applies them to every import of every scanned file.
 *
 * 1. A module (src/modules/<a>/…) reaches another module <b> only through its public face,
 *    src/modules/<b>/index.ts: never its schema.ts, queries.ts, commands/, web/ or anything else.
 *    The list of modules (src/modules/index.ts) imports each module's index.ts and nothing else
 *    of a module.
 * 2. Routes and views (a `web/` folder, or a file named web.ts / web.tsx) never touch the database:
 *    no drizzle-orm (any subpath), no src/db/client.ts. Their reads and writes live in the
 *    module's queries.ts and commands.
 * 3. The platform (src/platform/…) never imports a module (src/modules/…).
 */
import path from 'node:path';

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

/** Test code is not held to the rules: `*.test.ts(x)` and test helpers (`test-helpers.ts`, `test-fixtures.ts`). */
export function isScanned(file: string): boolean {
  const f = toPosix(file);
  const base = path.posix.basename(f);
  return f.startsWith('src/') && /\.tsx?$/.test(base) && !base.endsWith('.d.ts') && !/\.test\.tsx?$/.test(base) && !/^test-[\w-]*\.tsx?$/.test(base);
}

/** The specifiers of every import of a source file: import … from, import '…', export … from, import('…'). */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    // import x from '…'; import type { A, B } from '…'; import * as n from '…' (also over several lines)
    /^\s*import\s+(?!\()[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    // import '…' (for its effects)
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    // export * from '…'; export * as n from '…'; export { a, type B } from '…'; export type { C } from '…'
    /^\s*export\s+(?:type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/gm,
    // await import('…')
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]!);
  return found;
}

/** The repository path a relative specifier names, without its extension (`src/modules/campaign/index`); null for a package. */
export function resolveSpecifier(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(toPosix(file)), specifier));
  return target.replace(/\.(?:js|jsx|ts|tsx|mjs)$/, '');
}

/** Why `file` may not import `specifier`, or null when it may. */
export function importViolation(file: string, specifier: string): string | null {
  const from = toPosix(file);
  const target = resolveSpecifier(from, specifier);
  const fromModule = moduleOf(from);
  const toModule = target ? moduleOf(target) : null;

  if (from.startsWith('src/platform/') && target !== null && target.startsWith('src/modules/')) {
    return 'the platform imports a module (src/platform never imports src/modules)';
  }
  if (from.startsWith('src/modules/') && toModule !== null && toModule !== fromModule && target !== `src/modules/${toModule}/index`) {
    return fromModule === null
      ? `the module list may import only src/modules/${toModule}/index.ts of a module`
      : `reaches into module "${toModule}" past its index.ts (import what src/modules/${toModule}/index.ts exports)`;
  }
  if (isWeb(from) && (specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/') || target === 'src/db/client')) {
    return 'a web file uses the database (its reads and writes belong in the module’s queries.ts or commands)';
  }
  return null;
}

/** Every rule broken by the files given (repository paths and their source text). */
export function violationsIn(files: Array<{ file: string; source: string }>): Violation[] {
  const out: Violation[] = [];
  for (const { file, source } of files) {
    if (!isScanned(file)) continue;
    for (const specifier of importSpecifiers(source)) {
      const rule = importViolation(file, specifier);
      if (rule) out.push({ file: toPosix(file), specifier, rule });
    }
  }
  return out;
}

/** `campaign` for anything under src/modules/campaign/; null outside a module folder. */
function moduleOf(p: string): string | null {
  const m = /^src\/modules\/([^/]+)\//.exec(p);
  return m ? m[1]! : null;
}

function isWeb(p: string): boolean {
  return p.split('/').includes('web') || /^web\.tsx?$/.test(path.posix.basename(p));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
