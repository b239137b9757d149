/**
 * Migration 0041: FAQ entries decided in calls before their publication moved to the site keep
 * their state as site contents of kind faq (proposed → pending, published → approved and live,
 * rejected → rejected with the City's comment). Runs the migrations up to 0040 on an in-memory
 * PGlite, writes entries the old way, then runs the rest.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder } from '../../db/migrate.js';

test('0041 turns each FAQ entry into a site content whose version carries its state', async () => {
  const before = fs.mkdtempSync(path.join(os.tmpdir(), 'calls-faq-mig-'));
  fs.cpSync(migrationsFolder, before, { recursive: true });
  const journalPath = path.join(before, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: Array<{ tag: string }> };
  const upTo = journal.entries.findIndex((e) => e.tag === '0041_calls_faq_site_content');
  assert.ok(upTo > 0, 'the migration is in the journal');
  fs.writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
  const pg = new PGlite();
  try {
    const db = drizzle(pg);
    await migrate(db, { migrationsFolder: before });
    const p = (await pg.query<{ id: number }>(`insert into programs (slug, name, kind) values ('mig', '移行', 'campaign') returning id`)).rows[0]!.id;
    const entry = (q: string, status: string, comment: string | null, decided: string | null) =>
      pg.query<{ id: number }>(
        `insert into call_faq (program_id, category, question, answer, question_en, status, comment, decided_at, call_count, created_at, updated_at)
         values ($1, 'overview', $2, '回答', 'Q', $3, $4, $5, 2, '2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z') returning id`,
        [p, q, status, comment, decided],
      );
    await entry('提案中の質問', 'proposed', null, null);
    await entry('公開中の質問', 'published', null, '2026-05-03T00:00:00Z');
    await entry('差し戻された質問', 'rejected', '表現を見直してください', '2026-05-04T00:00:00Z');
    await migrate(db, { migrationsFolder });
    const rows = (
      await pg.query<{ question: string; call_count: number; kind: string; key: string; number: number; status: string; title_ja: string; title_en: string; body_ja: string; publish_at: Date | null; note: string | null }>(
        `select f.question, f.call_count, c.kind, c.key, v.number, v.status, v.title_ja, v.title_en, v.body_ja, v.publish_at, v.note
         from call_faq f join site_contents c on c.id = f.site_content_id join site_content_versions v on v.content_id = c.id order by f.id`,
      )
    ).rows;
    assert.deepEqual(rows.map((r) => [r.question, r.kind, r.number, r.status]), [
      ['提案中の質問', 'faq', 1, 'pending'],
      ['公開中の質問', 'faq', 1, 'approved'],
      ['差し戻された質問', 'faq', 1, 'rejected'],
    ]);
    assert.deepEqual(rows.map((r) => [r.title_ja, r.title_en, r.body_ja, r.call_count]), rows.map((r) => [r.question, 'Q', '回答', 2]), 'wording and calls answered kept');
    assert.equal(new Date(rows[1]!.publish_at!).toISOString(), '2026-05-03T00:00:00.000Z', 'published when it was decided');
    assert.equal(rows[0]!.publish_at, null);
    assert.equal(rows[2]!.note, '表現を見直してください', "the City's comment is the reason");
    const cols = (await pg.query<{ column_name: string }>(`select column_name from information_schema.columns where table_name = 'call_faq'`)).rows.map((r) => r.column_name);
    assert.ok(!cols.includes('status') && !cols.includes('comment') && !cols.includes('decided_at'), 'the old decision columns are gone');
  } finally {
    await pg.close();
    fs.rmSync(before, { recursive: true, force: true });
  }
});
