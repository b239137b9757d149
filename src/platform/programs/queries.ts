import { asc, eq, sql } from 'drizzle-orm';
import { oncePer, type Conn } from '../../db/client.js';
import { programs, type Program } from './schema.js';

const bySlug = oncePer((conn: Conn) => conn.select().from(programs).where(eq(programs.slug, sql.placeholder('slug'))).prepare('program_by_slug'));

/** Every program-scoped API request starts here, so the query is built once per connection handle and prepared by name. */
export async function findProgramBySlug(conn: Conn, slug: string): Promise<Program | undefined> {
  const [row] = await bySlug(conn).execute({ slug });
  return row;
}

/**
 * The program with its row version (`xmin`: a new one with every change, whatever the clock
 * says), for callers that keep the program between requests and check, in the statement that
 * depends on it, that the row is still this version.
 */
export async function findProgramVersionBySlug(conn: Conn, slug: string): Promise<{ program: Program; version: string } | undefined> {
  const [row] = await conn.select({ program: programs, version: sql<string>`${programs}.xmin::text` }).from(programs).where(eq(programs.slug, slug));
  return row;
}

export async function findProgramById(conn: Conn, id: number): Promise<Program | undefined> {
  const [row] = await conn.select().from(programs).where(eq(programs.id, id));
  return row;
}

/**
 * The program re-read and locked for the rest of the transaction (FOR NO KEY UPDATE: rows that
 * reference it can still be written meanwhile). Commands that rewrite a program's settings take
 * it, so two changes never overwrite each other.
 */
export async function lockProgram(conn: Conn, id: number): Promise<Program | undefined> {
  const [row] = await conn.select().from(programs).where(eq(programs.id, id)).for('no key update');
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
