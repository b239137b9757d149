import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import type { EventConfig } from './config.js';
import { eventCounters, eventRegistrations, type Attendance, type EventRegistration } from './schema.js';

/**
 * Locks the program's counter row until the transaction ends and returns the last 受付番号 issued.
 * Every seat decision takes this lock first, so concurrent registrations on PostgreSQL queue
 * here and never oversell (PGlite runs one transaction at a time anyway).
 */
export async function lockCounter(conn: Conn, programId: number): Promise<number> {
  await conn.insert(eventCounters).values({ programId, lastNumber: 0 }).onConflictDoNothing();
  const [row] = await queryRows<{ last_number: number }>(conn, sql`select last_number from event_counters where program_id = ${programId} for update`);
  return Number(row!.last_number);
}

/** Takes the next number; call after lockCounter in the same transaction. */
export async function takeNumber(conn: Conn, programId: number): Promise<number> {
  const [row] = await conn
    .update(eventCounters)
    .set({ lastNumber: sql`${eventCounters.lastNumber} + 1` })
    .where(eq(eventCounters.programId, programId))
    .returning({ n: eventCounters.lastNumber });
  return row!.n;
}

export function limitFor(cfg: EventConfig, attendance: Attendance): number | null {
  return attendance === 'venue' ? cfg.capacity : cfg.onlineCapacity;
}

export async function countConfirmed(conn: Conn, programId: number, attendance: Attendance): Promise<number> {
  const [row] = await conn
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.programId, programId), eq(eventRegistrations.status, 'confirmed'), eq(eventRegistrations.attendance, attendance)));
  return Number(row!.n);
}

/** Whether one more person fits; the counter must be locked. */
export async function hasSeat(conn: Conn, programId: number, cfg: EventConfig, attendance: Attendance): Promise<boolean> {
  const limit = limitFor(cfg, attendance);
  return limit === null || (await countConfirmed(conn, programId, attendance)) < limit;
}

/**
 * Confirms waitlisted people, first come first served, while seats are free. The counter must be
 * locked. Returns the registrations promoted (their rows before the change).
 */
export async function takeFreeSeats(conn: Conn, programId: number, cfg: EventConfig, now: Date): Promise<EventRegistration[]> {
  const promoted: EventRegistration[] = [];
  for (const attendance of ['venue', 'online'] as const) {
    const limit = limitFor(cfg, attendance);
    let free = limit === null ? Number.POSITIVE_INFINITY : limit - (await countConfirmed(conn, programId, attendance));
    if (free <= 0) continue;
    const waiting = await conn
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.programId, programId), eq(eventRegistrations.status, 'waitlisted'), eq(eventRegistrations.attendance, attendance)))
      .orderBy(asc(eventRegistrations.number))
      .limit(Number.isFinite(free) ? free : 10_000);
    for (const r of waiting) {
      if (free-- <= 0) break;
      await conn.update(eventRegistrations).set({ status: 'confirmed', updatedAt: now }).where(eq(eventRegistrations.id, r.id));
      promoted.push(r);
    }
  }
  return promoted;
}
