import { asc, eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { programs, type Program } from './schema.js';

export async function findProgramBySlug(conn: Conn, slug: string): Promise<Program | undefined> {
  const [row] = await conn.select().from(programs).where(eq(programs.slug, slug));
  return row;
}

export async function findProgramById(conn: Conn, id: number): Promise<Program | undefined> {
  const [row] = await conn.select().from(programs).where(eq(programs.id, id));
  return row;
}

export async function listPrograms(conn: Conn): Promise<Program[]> {
  return conn.select().from(programs).orderBy(asc(programs.id));
}

export async function countPrograms(conn: Conn): Promise<number> {
  const rows = await conn.select({ id: programs.id }).from(programs).limit(1);
  return rows.length;
}

/** A setting's value, or the fallback when unset. */
export function programSetting<T>(program: Program, key: string, fallback: T): T {
  const v = program.settings[key];
  return v === undefined ? fallback : (v as T);
}
