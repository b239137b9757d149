import { eq } from 'drizzle-orm';
import type { Conn } from '../../../db/client.js';
import { privacyErasures } from '../schema.js';

export async function findErasure(conn: Conn, programId: number) {
  const [row] = await conn.select().from(privacyErasures).where(eq(privacyErasures.programId, programId));
  return row;
}
