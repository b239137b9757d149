import type { Conn } from '../../db/client.js';
import { enqueueJob } from './queue.js';

/** A job enqueued once a day at a wall-clock time in Asia/Tokyo. */
export interface Schedule {
  name: string;
  /** `HH:MM`, Asia/Tokyo. */
  at: string;
  kind: string;
  payload?: Record<string, unknown>;
}

const JST_OFFSET_MS = 9 * 3_600_000; // Japan has no daylight saving time.

export function tokyoParts(now: Date): { date: string; minutes: number } {
  const t = new Date(now.getTime() + JST_OFFSET_MS);
  return { date: t.toISOString().slice(0, 10), minutes: t.getUTCHours() * 60 + t.getUTCMinutes() };
}

/**
 * Enqueues today's run of every schedule whose time has passed. The dedupe key makes this safe to
 * call from every worker on every tick: each day's run is enqueued once, and a run missed while
 * no server was up is caught up on the next start that day. Each run is due at `now` (the worker's
 * clock, which tests move), not at the wall clock.
 */
export async function enqueueDueSchedules(conn: Conn, schedules: Schedule[], now: Date): Promise<number> {
  const { date, minutes } = tokyoParts(now);
  let n = 0;
  for (const s of schedules) {
    const [h, m] = s.at.split(':').map(Number);
    if (minutes < h! * 60 + m!) continue;
    const id = await enqueueJob(conn, { kind: s.kind, payload: { ...s.payload, scheduledFor: date }, dedupeKey: `schedule:${s.name}:${date}`, runAt: now });
    if (id !== null) n++;
  }
  return n;
}
