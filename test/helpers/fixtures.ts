import { systemActor } from '../../src/platform/audit/index.js';
import { createApiToken } from '../../src/platform/auth/api-tokens.js';
import type { Role } from '../../src/platform/auth/schema.js';
import { createUser } from '../../src/platform/auth/users.js';
import { runCommand } from '../../src/platform/command.js';
import type { Deps } from '../../src/platform/deps.js';
import { createProgram } from '../../src/platform/programs/commands/create-program.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export async function makeProgram(deps: Deps, slug: string, kind: 'campaign' | 'event' = 'campaign') {
  return runCommand(deps, systemActor('test'), (ctx) => createProgram(ctx, { kind, slug, name: `テスト事業 ${slug}` }));
}

export async function makeUser(deps: Deps, email: string, role: Role, programId: number | null, password = TEST_PASSWORD) {
  const { user } = await runCommand(deps, systemActor('test'), (ctx) => createUser(ctx, { email, role, programId, password }));
  return user;
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
