import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { importSpecifiers, importViolation, isScanned, resolveSpecifier, violationsIn } from './dependency-rules.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every file under src/, as a repository path with its text. */
function sourceFiles(): Array<{ file: string; source: string }> {
  const out: Array<{ file: string; source: string }> = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(e.name)) out.push({ file: rel, source: fs.readFileSync(path.join(ROOT, rel), 'utf8') });
    }
  };
  walk('src');
  return out;
}

describe('dependency rules (docs/architecture.md)', () => {
  test('no file under src/ breaks them', () => {
    const files = sourceFiles();
    const scanned = files.filter((f) => isScanned(f.file));
    // The scanner sees the code: hundreds of files, and the imports this codebase is known to have.
    assert.ok(scanned.length > 200, `only ${scanned.length} files scanned`);
    const schema = scanned.find((f) => f.file === 'src/modules/settlement/schema.ts')!;
    assert.ok(importSpecifiers(schema.source).includes('../campaign/index.js'));
    const found = violationsIn(files);
    assert.deepEqual(
      found.map((v) => `${v.file} imports '${v.specifier}': ${v.rule}`),
      [],
      'import what another module exports from its index.ts; keep SQL out of web/; keep src/platform free of src/modules',
    );
  });

  test('a module importing another module’s schema, queries, commands or web, past its index.ts, is refused', () => {
    const refused: Array<[string, string]> = [
      ['src/modules/settlement/x.ts', '../campaign/schema.js'],
      ['src/modules/settlement/commands/x.ts', '../../campaign/schema.js'],
      ['src/modules/site/queries.ts', '../campaign/queries.js'],
      ['src/modules/campaign/commands/x.ts', '../../settlement/commands/budget.js'],
      ['src/modules/settlement/web/portal.tsx', '../../campaign/web/business-page.js'],
      ['src/modules/campaign/registry.ts', '../settlement/ledger.js'],
      ['src/modules/demo/seed.ts', '../events/demo.js'],
      ['src/modules/index.ts', './campaign/schema.js'],
    ];
    for (const [file, specifier] of refused) assert.match(importViolation(file, specifier) ?? '', /index\.ts/, `${file} → ${specifier}`);
  });

  test('a web file importing drizzle-orm or the database client is refused', () => {
    assert.ok(importViolation('src/modules/site/web/y.tsx', 'drizzle-orm'));
    assert.ok(importViolation('src/modules/site/web/y.tsx', 'drizzle-orm/pg-core'));
    assert.ok(importViolation('src/modules/settlement/web/api.ts', '../../../db/client.js'));
    assert.ok(importViolation('src/platform/auth/web/account-routes.tsx', '../../../db/client.js'));
    assert.ok(importViolation('src/platform/mail/web.tsx', 'drizzle-orm'));
  });

  test('the platform importing a module, even its index.ts, is refused', () => {
    assert.ok(importViolation('src/platform/http/z.ts', '../../modules/campaign/index.js'));
    assert.ok(importViolation('src/platform/programs/web/public.tsx', '../../../modules/site/web/public.js'));
    assert.ok(importViolation('src/platform/modules.ts', '../modules/index.js'));
  });

  test('allowed: another module’s index.ts, the module’s own files, the platform, drizzle-orm outside web/', () => {
    const allowed: Array<[string, string]> = [
      ['src/modules/settlement/x.ts', '../campaign/index.js'],
      ['src/modules/settlement/commands/x.ts', '../../campaign/index.js'],
      ['src/modules/settlement/web/portal.tsx', '../../campaign/index.js'],
      ['src/modules/settlement/commands/x.ts', '../schema.js'],
      ['src/modules/settlement/web/x.tsx', '../queries.js'],
      ['src/modules/settlement/queries.ts', 'drizzle-orm'],
      ['src/modules/settlement/queries.ts', '../../db/client.js'],
      ['src/modules/site/web/y.tsx', '../../../platform/http/guards.js'],
      ['src/modules/site/web/y.tsx', 'hono'],
      ['src/modules/index.ts', './campaign/index.js'],
      ['src/platform/mail/queries.ts', 'drizzle-orm'],
      ['src/platform/http/z.ts', '../programs/queries.js'],
      ['src/serve.ts', './modules/demo/seed.js'],
    ];
    for (const [file, specifier] of allowed) assert.equal(importViolation(file, specifier), null, `${file} → ${specifier}`);
  });

  test('an added import is caught in the source text, in every form an import takes', () => {
    const source = [
      "import { sql } from 'drizzle-orm';",
      "import type {\n  Facility,\n  FacilityProfile,\n} from '../campaign/schema.js';",
      "import * as q from '../campaign/queries.js';",
      "import '../campaign/commands/register-facility.js';",
      "export { facilities } from '../campaign/schema.js';",
      "export type { Claim } from '../settlement/schema.js';",
      "export * from '../site/queries.js';",
      "const later = await import('../events/demo.js');",
      "const text = `select 1 from facilities`; // not an import",
    ].join('\n');
    assert.deepEqual(importSpecifiers(source), [
      'drizzle-orm',
      '../campaign/schema.js',
      '../campaign/queries.js',
      '../campaign/commands/register-facility.js',
      '../campaign/schema.js',
      '../settlement/schema.js',
      '../site/queries.js',
      '../events/demo.js',
    ]);
    // A view (web.tsx) in the demo module: every import above breaks a rule.
    const found = violationsIn([{ file: 'src/modules/demo/web.tsx', source }]);
    assert.deepEqual(
      found.map((v) => v.specifier),
      ['drizzle-orm', '../campaign/schema.js', '../campaign/queries.js', '../campaign/commands/register-facility.js', '../campaign/schema.js', '../settlement/schema.js', '../site/queries.js', '../events/demo.js'],
    );
    // The same text in a file that follows the rules' spirit (its own module, not web/) passes.
    assert.deepEqual(violationsIn([{ file: 'src/modules/campaign/x.ts', source: "import { facilities } from './schema.js';\nimport { sql } from 'drizzle-orm';" }]), []);
  });

  test('relative specifiers resolve to repository paths; packages do not', () => {
    assert.equal(resolveSpecifier('src/modules/settlement/commands/x.ts', '../../campaign/index.js'), 'src/modules/campaign/index');
    assert.equal(resolveSpecifier('src/modules/site/web/y.tsx', '../../../db/client.js'), 'src/db/client');
    assert.equal(resolveSpecifier('src/modules/site/web/y.tsx', 'drizzle-orm/pg-core'), null);
  });

  test('test code is not scanned: test files and test helpers beside the code, and nothing outside src/', () => {
    for (const f of ['src/modules/settlement/claims.test.ts', 'src/modules/site/markdown.test.tsx', 'src/modules/settlement/test-fixtures.ts', 'src/modules/campaign/test-helpers.ts', 'test/helpers/fixtures.ts', 'test/platform/dependency-rules.ts']) {
      assert.equal(isScanned(f), false, f);
    }
    for (const f of ['src/modules/settlement/queries.ts', 'src/modules/site/web/public.tsx', 'src/platform/mail/web.tsx']) assert.equal(isScanned(f), true, f);
    // A test helper may reach into another module to build its data: the rule would refuse the
    // import in a source file, but helpers are not scanned.
    const fixture = 'src/modules/settlement/test-fixtures.ts';
    const source = "import { facilities } from '../campaign/schema.js';\n";
    assert.ok(importSpecifiers(source).some((s) => importViolation(fixture, s)));
    assert.deepEqual(violationsIn([{ file: fixture, source }]), []);
    assert.ok(!sourceFiles().some((f) => isScanned(f.file) && /(\.test\.tsx?|\/test-[\w-]+\.tsx?)$/.test(f.file)));
  });
});
