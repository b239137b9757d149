import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

/**
 * Reads from the replica may be up to READ_MAX_LAG_MS old. Only the public facility index (search
 * page, search API, open data, shared answers) may take them: nothing that decides money, seats
 * or permissions. Adding a caller means adding it here, on purpose.
 */
const ALLOWED = new Set(['src/modules/site/web/public.tsx', 'src/modules/site/web/api.ts', 'src/modules/site/web/share.ts']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test('only the public facility index reads from the replica', () => {
  const callers = sources('src').filter((f) => !f.startsWith(path.join('src', 'db')) && f !== path.join('src', 'platform', 'read-db.ts') && f !== path.join('src', 'platform', 'metrics', 'index.ts'))
    .filter((f) => /laggingReadDb\(|\.replica\b|ReadReplica/.test(fs.readFileSync(f, 'utf8')));
  assert.deepEqual(callers.sort(), [...ALLOWED].sort(), 'callers of the read replica');
});
