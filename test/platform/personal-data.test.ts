import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { INSTALLATION } from '../../src/modules/index.js';

/** Column names that hold personal data in this codebase: vault-sealed values and staff e-mail addresses. */
const PERSONAL_COLUMN = /(_sealed|^personal|^email|^totp_secret)$/;

/**
 * The personal-information inventory (特記仕様書: what is held, why, and who may see it) is each
 * manifest's `personalData`. The privacy duties (erasure, the roster of who handles what) read it,
 * so it must name every table that holds personal data, each declared by the module that owns it.
 */
describe('the personal-data inventory', () => {
  const owner = new Map<string, string>();
  for (const m of INSTALLATION.modules) {
    for (const t of Object.values(m.schema ?? {})) if (is(t, PgTable)) owner.set(getTableConfig(t).name, m.name);
  }

  test('every declared table exists and belongs to the module that declares it, with a purpose and roles', () => {
    const wrong = INSTALLATION.personalData.flatMap((d) => d.tables.filter((t) => owner.get(t) !== d.module).map((t) => `${d.module}: ${t} (owned by ${owner.get(t) ?? 'nobody'})`));
    assert.deepEqual(wrong, []);
    for (const d of INSTALLATION.personalData) {
      assert.match(d.purpose, /[\u3040-\u9fff]/, `${d.module}: purpose in Japanese`);
      assert.ok(d.roles.length > 0, `${d.module}: roles`);
    }
  });

  test('every table with a sealed or e-mail column is declared', () => {
    const declared = new Set(INSTALLATION.personalData.flatMap((d) => d.tables));
    const missing: string[] = [];
    for (const m of INSTALLATION.modules) {
      for (const t of Object.values(m.schema ?? {})) {
        if (!is(t, PgTable)) continue;
        const cfg = getTableConfig(t);
        if (cfg.columns.some((c) => PERSONAL_COLUMN.test(c.name)) && !declared.has(cfg.name)) missing.push(`${m.name}: ${cfg.name}`);
      }
    }
    assert.deepEqual(missing, []);
    assert.ok(declared.has('event_registrations') && declared.has('campaign_applications'));
  });
});
