import { and, eq, gt, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { planGroups } from '../grouping.js';
import { am } from '../messages.js';
import { liveVenueRegistrations } from '../queries.js';
import { eventGroups, eventRegistrations } from '../schema.js';
import { lockCounter } from '../seats.js';

/**
 * Assigns every confirmed in-person participant to a discussion group of about `size` people
 * (see planGroups). Facilitators stay with their group numbers; groups no longer needed are removed.
 */
export async function assignGroups(ctx: CommandContext, program: Program, size: number): Promise<number> {
  if (!Number.isInteger(size) || size < 2 || size > 30) {
    throw new AppError('validation-failed', am('groups.errSize'), { fieldErrors: [{ field: 'size', message: am('groups.errSizeField') }] });
  }
  // Under the roster lock: a cancellation or change at the same time is either seen here or comes after.
  await lockCounter(ctx.tx, program.id);
  const people = await liveVenueRegistrations(ctx.tx, program.id);
  const plan = planGroups(people.map((r) => ({ id: r.id, org: r.orgIndex })), size);
  const count = people.length ? Math.max(...plan.values()) + 1 : 0;
  await ctx.tx.update(eventRegistrations).set({ groupId: null }).where(eq(eventRegistrations.programId, program.id));
  await ctx.tx.delete(eventGroups).where(and(eq(eventGroups.programId, program.id), gt(eventGroups.number, count)));
  for (let n = 1; n <= count; n++) await ctx.tx.insert(eventGroups).values({ programId: program.id, number: n }).onConflictDoNothing();
  const groups = await ctx.tx.select().from(eventGroups).where(eq(eventGroups.programId, program.id));
  const idOf = new Map(groups.map((g) => [g.number, g.id]));
  for (let n = 1; n <= count; n++) {
    const ids = people.filter((r) => plan.get(r.id) === n - 1).map((r) => r.id);
    if (ids.length) await ctx.tx.update(eventRegistrations).set({ groupId: idOf.get(n)! }).where(inArray(eventRegistrations.id, ids));
  }
  ctx.audit({ action: 'events.groups.assigned', programId: program.id, targetType: 'event_groups', targetId: program.id, diff: { size, groups: count, people: people.length } });
  return count;
}

/** Moves one person to another group by hand (group number), or out of every group (0). */
export async function moveToGroup(ctx: CommandContext, program: Program, registrationId: number, groupNumber: number): Promise<void> {
  let groupId: number | null = null;
  if (groupNumber > 0) {
    const [g] = await ctx.tx.select().from(eventGroups).where(and(eq(eventGroups.programId, program.id), eq(eventGroups.number, groupNumber)));
    if (!g) throw new AppError('validation-failed', am('groups.errNoGroup'), { fieldErrors: [{ field: 'group', message: am('groups.errNoGroup') }] });
    groupId = g.id;
  }
  const rows = await ctx.tx
    .update(eventRegistrations)
    .set({ groupId, updatedAt: ctx.now })
    .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.programId, program.id), eq(eventRegistrations.status, 'confirmed'), eq(eventRegistrations.attendance, 'venue')))
    .returning({ number: eventRegistrations.number });
  if (!rows.length) throw new AppError('not-found');
  ctx.audit({ action: 'events.groups.moved', programId: program.id, targetType: 'event_registration', targetId: registrationId, diff: { number: rows[0]!.number, group: groupNumber } });
}

/** Names the facilitator (ファシリテーター) of a group. */
export async function setFacilitator(ctx: CommandContext, program: Program, groupNumber: number, name: string): Promise<void> {
  const clean = name.trim().slice(0, 100);
  const rows = await ctx.tx
    .update(eventGroups)
    .set({ facilitator: clean })
    .where(and(eq(eventGroups.programId, program.id), eq(eventGroups.number, groupNumber)))
    .returning({ id: eventGroups.id });
  if (!rows.length) throw new AppError('not-found');
  ctx.audit({ action: 'events.groups.facilitator_set', programId: program.id, targetType: 'event_group', targetId: rows[0]!.id, diff: { group: groupNumber } });
}
