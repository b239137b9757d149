import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CommandContext } from '../../../platform/command.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { programScope } from '../../../platform/vault/index.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { callCtiTokens, callLogs } from '../schema.js';
import { normalizePhone } from '../validators.js';
import { nextCallNumber } from './log-call.js';

export const hashCtiToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Issues (or rotates) the program's phone-system token; the token is shown once, only its hash kept. */
export async function rotateCtiToken(ctx: CommandContext, programId: number): Promise<string> {
  const token = crypto.randomBytes(24).toString('hex');
  await ctx.tx
    .insert(callCtiTokens)
    .values({ programId, tokenHash: hashCtiToken(token), createdAt: ctx.now })
    .onConflictDoUpdate({ target: callCtiTokens.programId, set: { tokenHash: hashCtiToken(token), createdAt: ctx.now } });
  ctx.audit({ action: 'calls.cti.token_rotated', programId, targetType: 'program', targetId: programId });
  return token;
}

/**
 * A generic CTI event, in the shape PBX integrations speak to Zammad: `event` newCall / answer /
 * hangup, `from`, `to`, `direction` (in / out), `callId` (or `call_id`), `cause`.
 */
export const ctiEventSchema = z
  .object({
    event: z.enum(['newCall', 'answer', 'hangup']),
    from: z.string().max(64).optional(),
    to: z.string().max(64).optional(),
    direction: z.enum(['in', 'out']).default('in'),
    callId: z.string().trim().min(1).max(128).optional(),
    call_id: z.string().trim().min(1).max(128).optional(),
    cause: z.string().max(64).optional(),
  })
  .refine((v) => v.callId ?? v.call_id, { message: 'callId は必須です', path: ['callId'] });

/**
 * Applies one event to the program's call records: newCall opens a record (the caller's number
 * sealed and blind-indexed) that an agent completes; answer stamps the answer time; hangup the
 * end, with the duration since the answer, or marks the call missed. Outbound calls and repeats
 * change nothing.
 */
export async function applyCtiEvent(ctx: CommandContext, programId: number, input: unknown): Promise<{ id: number | null }> {
  const v = parseOrThrow(ctiEventSchema, input);
  const callId = (v.callId ?? v.call_id)!;
  if (v.direction === 'out') return { id: null };
  const where = and(eq(callLogs.programId, programId), eq(callLogs.ctiCallId, callId));
  if (v.event === 'newCall') {
    const [existing] = await ctx.tx.select({ id: callLogs.id }).from(callLogs).where(where);
    if (existing) return { id: existing.id };
    const digits = v.from ? normalizePhone(v.from) : '';
    let phone: { callerPhoneSealed: string | null; phoneIndex: string | null } = { callerPhoneSealed: null, phoneIndex: null };
    if (digits.length >= 3) {
      const box = await ctx.deps.vault.box(ctx.tx, programScope(programId));
      phone = { callerPhoneSealed: box.seal(digits), phoneIndex: box.blindIndex(digits) };
    }
    const number = await nextCallNumber(ctx, programId);
    const [row] = await ctx.tx
      .insert(callLogs)
      .values({ programId, number, receivedAt: ctx.now, day: tokyoDate(ctx.now), simple: false, ctiCallId: callId, ...phone, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ id: callLogs.id });
    if (!row) return { id: null };
    ctx.audit({ action: 'calls.cti.event', programId, targetType: 'call_log', targetId: row.id, diff: { event: 'newCall', number } });
    return { id: row.id };
  }
  if (v.event === 'answer') {
    const rows = await ctx.tx.update(callLogs).set({ answeredAt: ctx.now, updatedAt: ctx.now }).where(and(where, isNull(callLogs.answeredAt), isNull(callLogs.endedAt))).returning({ id: callLogs.id });
    if (rows[0]) ctx.audit({ action: 'calls.cti.event', programId, targetType: 'call_log', targetId: rows[0].id, diff: { event: 'answer' } });
    return { id: rows[0]?.id ?? null };
  }
  const rows = await ctx.tx
    .update(callLogs)
    .set({
      endedAt: ctx.now,
      updatedAt: ctx.now,
      missed: sql`${callLogs.answeredAt} is null`,
      durationSeconds: sql`case when ${callLogs.answeredAt} is null then null else greatest(0, round(extract(epoch from (${ctx.now.toISOString()}::timestamptz - ${callLogs.answeredAt}))))::int end`,
    })
    .where(and(where, isNull(callLogs.endedAt)))
    .returning({ id: callLogs.id, missed: callLogs.missed });
  if (rows[0]) ctx.audit({ action: 'calls.cti.event', programId, targetType: 'call_log', targetId: rows[0].id, diff: { event: 'hangup', missed: rows[0].missed, cause: v.cause ?? null } });
  return { id: rows[0]?.id ?? null };
}

/** The program whose token this is, or undefined. */
export async function programOfCtiToken(conn: CommandContext['tx'] | import('../../../db/client.js').Conn, token: string): Promise<number | undefined> {
  if (!/^[0-9a-f]{16,128}$/.test(token)) return undefined;
  const [row] = await conn.select({ programId: callCtiTokens.programId }).from(callCtiTokens).where(eq(callCtiTokens.tokenHash, hashCtiToken(token)));
  return row?.programId;
}
