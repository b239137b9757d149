import { eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { programs } from './schema.js';

let cached: { value: boolean; at: number } | undefined;

/**
 * Whether this installation holds demo data (then every page shows the デモ banner). Cached for a
 * few seconds: it changes only when the demo is seeded or removed.
 */
export async function isDemoInstallation(conn: Conn): Promise<boolean> {
  const now = Date.now();
  if (cached && now - cached.at < 10_000) return cached.value;
  const rows = await conn.select({ id: programs.id }).from(programs).where(eq(programs.isDemo, true)).limit(1);
  cached = { value: rows.length > 0, at: now };
  return cached.value;
}

export function forgetDemoFlag(): void {
  cached = undefined;
}

/** The flag as last read, without any query (false before the first read): for answers that must not touch the database. */
export function lastKnownDemoFlag(): boolean {
  return cached?.value ?? false;
}
