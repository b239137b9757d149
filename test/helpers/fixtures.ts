import { systemActor } from '../../src/platform/audit/index.js';
import { createApiToken } from '../../src/platform/auth/api-tokens.js';
import type { Role } from '../../src/platform/auth/schema.js';
import { createUser } from '../../src/platform/auth/users.js';
import { runCommand } from '../../src/platform/command.js';
import type { Deps } from '../../src/platform/deps.js';
import { createProgram } from '../../src/platform/programs/commands/create-program.js';
import { queryRows } from '../../src/db/client.js';
import { seedApprovedStaff } from '../../src/modules/privacy/index.js';
import { sql } from 'drizzle-orm';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export async function makeProgram(deps: Deps, slug: string, kind: 'campaign' | 'event' = 'campaign') {
  const program = await runCommand(deps, systemActor('test'), (ctx) => createProgram(ctx, { kind, slug, name: `テスト事業 ${slug}` }));
  await rosterFixtureStaff(deps);
  return program;
}

export async function makeUser(deps: Deps, email: string, role: Role, programId: number | null, password = TEST_PASSWORD) {
  const { user } = await runCommand(deps, systemActor('test'), (ctx) => createUser(ctx, { email, role, programId, password }));
  await rosterFixtureStaff(deps);
  return user;
}

/**
 * Puts every contractor staff member (admin, operator, agent; installation admins in every program)
 * on every program's staff roster as approved, as the City would have: fixtures' staff may view
 * personal data under `enforceStaffRoster` (default true). makeProgram and makeUser call it; a
 * test of the roster itself ends or adds entries afterwards.
 */
export async function rosterFixtureStaff(deps: Deps): Promise<void> {
  const pairs = await queryRows<{ programId: number; userId: number }>(
    deps.db,
    sql`select distinct p.id as "programId", m.user_id as "userId" from programs p join memberships m
        on (m.program_id = p.id or m.program_id is null) and m.role in ('admin', 'operator', 'agent')
        where not exists (select 1 from privacy_staff s where s.program_id = p.id and s.user_id = m.user_id)
        order by 1, 2`,
  );
  if (!pairs.length) return;
  await runCommand(deps, systemActor('test'), async (ctx) => {
    for (const programId of [...new Set(pairs.map((p) => p.programId))]) {
      await seedApprovedStaff(ctx, programId, pairs.filter((p) => p.programId === programId).map((p) => ({ userId: p.userId })));
    }
  });
}

export async function makeToken(deps: Deps, userId: number): Promise<string> {
  const t = await runCommand(deps, systemActor('test'), (ctx) => createApiToken(ctx, { userId, name: 'test', mfaVerified: true }));
  return t.token;
}

const KANA_DIGITS = ['ゼロ', 'イチ', 'ニ', 'サン', 'ヨン', 'ゴ', 'ロク', 'ナナ', 'ハチ', 'キュウ'];
/** A number read out digit by digit in katakana (12 → イチニ), for readings (ふりがな take kana only). */
export function kanaNumber(n: number): string {
  return [...String(n)].map((d) => KANA_DIGITS[Number(d)]).join('');
}
