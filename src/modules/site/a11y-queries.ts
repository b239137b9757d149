/** Reads of the accessibility test records. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { siteA11yResults, siteA11yRuns, siteA11yTests, type SiteA11yResultRow, type SiteA11yRun, type SiteA11yTest } from './schema.js';

export async function listA11yTests(conn: Conn, programId: number): Promise<SiteA11yTest[]> {
  return conn.select().from(siteA11yTests).where(eq(siteA11yTests.programId, programId)).orderBy(desc(siteA11yTests.id)).limit(200);
}

export async function findA11yTest(conn: Conn, programId: number, testId: number): Promise<SiteA11yTest | undefined> {
  const [row] = await conn.select().from(siteA11yTests).where(and(eq(siteA11yTests.programId, programId), eq(siteA11yTests.id, testId)));
  return row;
}

export async function listA11yResults(conn: Conn, testId: number): Promise<SiteA11yResultRow[]> {
  return conn.select().from(siteA11yResults).where(eq(siteA11yResults.testId, testId)).orderBy(asc(siteA11yResults.id));
}

/** The results the public page shows: the newest test the City approved (by test date, then decision). */
export async function latestApprovedA11yTest(conn: Conn, programId: number): Promise<{ test: SiteA11yTest; results: SiteA11yResultRow[] } | null> {
  const [test] = await conn
    .select()
    .from(siteA11yTests)
    .where(and(eq(siteA11yTests.programId, programId), eq(siteA11yTests.status, 'approved')))
    .orderBy(desc(siteA11yTests.testedOn), desc(siteA11yTests.decidedAt), desc(siteA11yTests.id))
    .limit(1);
  if (!test) return null;
  return { test, results: await listA11yResults(conn, test.id) };
}

export async function listA11yRuns(conn: Conn, programId: number): Promise<SiteA11yRun[]> {
  return conn.select().from(siteA11yRuns).where(eq(siteA11yRuns.programId, programId)).orderBy(desc(siteA11yRuns.id)).limit(10);
}

export async function findA11yRun(conn: Conn, runId: number): Promise<SiteA11yRun | undefined> {
  const [row] = await conn.select().from(siteA11yRuns).where(eq(siteA11yRuns.id, runId));
  return row;
}
