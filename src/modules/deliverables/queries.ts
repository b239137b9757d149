import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { addDays, isBusinessDay } from '../../platform/calendar/index.js';
import { users } from '../../platform/auth/schema.js';
import { deliverableArticlePhotos, type ArticlePhoto, type PublishedArticle, deliverableArticles, type Article, deliverableComments, deliverableHearings, deliverableRegisters, deliverableRounds, deliverables, deliverableVersions, type Hearing, type Deliverable, type DeliverableComment, type DeliverableRound, type DeliverableVersion } from './schema.js';

export interface RegisterRow extends Deliverable {
  rounds: number;
  latestVersion: number | null;
}

/** Whether the program's register was already filled from its seed's presets. */
export async function isRegisterSeeded(conn: Conn, programId: number): Promise<boolean> {
  const [row] = await conn.select({ p: deliverableRegisters.programId }).from(deliverableRegisters).where(eq(deliverableRegisters.programId, programId));
  return !!row;
}

/** The program's deliverables in register order, with their round count and latest version number. */
export async function listDeliverables(conn: Conn, programId: number): Promise<RegisterRow[]> {
  const rows = await conn
    .select({
      d: deliverables,
      rounds: sql<number>`(select count(*)::int from deliverable_rounds r where r.deliverable_id = "deliverables"."id")`,
      latestVersion: sql<number | null>`(select max(v.number) from deliverable_versions v where v.deliverable_id = "deliverables"."id")`,
    })
    .from(deliverables)
    .where(eq(deliverables.programId, programId))
    .orderBy(asc(deliverables.position), asc(deliverables.id));
  return rows.map((r) => ({ ...r.d, rounds: Number(r.rounds), latestVersion: r.latestVersion === null ? null : Number(r.latestVersion) }));
}

export async function findDeliverable(conn: Conn, id: number): Promise<Deliverable | undefined> {
  const [row] = await conn.select().from(deliverables).where(eq(deliverables.id, id));
  return row;
}

export async function listVersions(conn: Conn, deliverableId: number): Promise<DeliverableVersion[]> {
  return conn.select().from(deliverableVersions).where(eq(deliverableVersions.deliverableId, deliverableId)).orderBy(asc(deliverableVersions.number));
}

export async function findVersion(conn: Conn, deliverableId: number, number: number): Promise<DeliverableVersion | undefined> {
  const [row] = await conn.select().from(deliverableVersions).where(and(eq(deliverableVersions.deliverableId, deliverableId), eq(deliverableVersions.number, number)));
  return row;
}

export interface RoundView extends DeliverableRound {
  versionNumber: number;
  filename: string;
  sentByName: string | null;
  answeredByName: string | null;
  comments: DeliverableComment[];
}

/** The rounds of a deliverable, oldest first, each with its version, people and comments. */
export async function listRounds(conn: Conn, deliverableId: number): Promise<RoundView[]> {
  const rows = await conn
    .select({ r: deliverableRounds, versionNumber: deliverableVersions.number, filename: deliverableVersions.filename })
    .from(deliverableRounds)
    .innerJoin(deliverableVersions, eq(deliverableVersions.id, deliverableRounds.versionId))
    .where(eq(deliverableRounds.deliverableId, deliverableId))
    .orderBy(asc(deliverableRounds.number));
  const ids = rows.map((r) => r.r.id);
  const comments = ids.length ? await conn.select().from(deliverableComments).where(inArray(deliverableComments.roundId, ids)).orderBy(asc(deliverableComments.id)) : [];
  const people = [...new Set(rows.flatMap((r) => [r.r.sentBy, r.r.answeredBy]).filter((v): v is number => v !== null))];
  const names = new Map((people.length ? await conn.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, people)) : []).map((u) => [u.id, u.name]));
  return rows.map(({ r, versionNumber, filename }) => ({
    ...r,
    versionNumber,
    filename,
    sentByName: r.sentBy === null ? null : (names.get(r.sentBy) ?? null),
    answeredByName: r.answeredBy === null ? null : (names.get(r.answeredBy) ?? null),
    comments: comments.filter((c) => c.roundId === r.id),
  }));
}

export async function findRound(conn: Conn, deliverableId: number, number: number): Promise<DeliverableRound | undefined> {
  const [row] = await conn.select().from(deliverableRounds).where(and(eq(deliverableRounds.deliverableId, deliverableId), eq(deliverableRounds.number, number)));
  return row;
}

export async function latestRound(conn: Conn, deliverableId: number): Promise<DeliverableRound | undefined> {
  const [row] = await conn.select().from(deliverableRounds).where(eq(deliverableRounds.deliverableId, deliverableId)).orderBy(desc(deliverableRounds.number)).limit(1);
  return row;
}

/**
 * Business days from `today` to `due` (both YYYY-MM-DD, office calendar): positive before the
 * due date (business days left, the due day counted when it is one), 0 on it, negative after
 * (business days overdue).
 */
export function businessDaysUntil(today: string, due: string): number {
  if (today === due) return 0;
  const forward = today < due;
  let n = 0;
  for (let d = today; d !== due; ) {
    d = addDays(d, forward ? 1 : -1);
    if (isBusinessDay(d)) n++;
    if (n > 5000) break;
  }
  return forward ? n : -n;
}

/** A user's display name (for the trail). */
export async function userName(conn: Conn, id: number): Promise<string | null> {
  const [row] = await conn.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

export async function listHearings(conn: Conn, programId: number): Promise<Hearing[]> {
  return conn.select().from(deliverableHearings).where(eq(deliverableHearings.programId, programId)).orderBy(asc(deliverableHearings.id));
}

export async function findHearing(conn: Conn, id: number): Promise<Hearing | undefined> {
  const [row] = await conn.select().from(deliverableHearings).where(eq(deliverableHearings.id, id));
  return row;
}

/** What the presenting groups are due: selected groups, total yen, how many were paid. */
export function honorariumDue(hearings: Hearing[]): { selected: number; total: number; paid: number } {
  const selected = hearings.filter((h) => h.status === 'selected');
  return { selected: selected.length, total: selected.reduce((s, h) => s + h.honorariumYen, 0), paid: selected.filter((h) => h.honorariumPaidOn).length };
}

export async function findArticleByHearing(conn: Conn, hearingId: number): Promise<Article | undefined> {
  const [row] = await conn.select().from(deliverableArticles).where(eq(deliverableArticles.hearingId, hearingId));
  return row;
}

export interface DeliverableStatusView {
  id: number;
  status: Deliverable['status'];
  /** When the City approved (校了) the latest approved round; null before. */
  approvedAt: Date | null;
  /** The latest version's number (null: nothing uploaded yet). */
  latestVersion: number | null;
}

/**
 * A deliverable's status by its key in the program's register (for other modules: whether the
 * records module's schedule was approved), or null when the register holds no such key.
 */
export async function deliverableStatusByKey(conn: Conn, programId: number, key: string): Promise<DeliverableStatusView | null> {
  const [row] = await conn
    .select({
      id: deliverables.id,
      status: deliverables.status,
      approvedAt: sql<string | Date | null>`(select max(r.answered_at) from deliverable_rounds r where r.deliverable_id = "deliverables"."id" and r.decision = 'approve')`,
      latestVersion: sql<number | null>`(select max(v.number) from deliverable_versions v where v.deliverable_id = "deliverables"."id")`,
    })
    .from(deliverables)
    .where(and(eq(deliverables.programId, programId), eq(deliverables.key, key)));
  if (!row) return null;
  return { id: row.id, status: row.status, approvedAt: row.approvedAt === null ? null : new Date(row.approvedAt), latestVersion: row.latestVersion === null ? null : Number(row.latestVersion) };
}

/** A heard group's article photos in order (removed ones left out). */
export async function listArticlePhotos(conn: Conn, hearingId: number): Promise<ArticlePhoto[]> {
  return conn.select().from(deliverableArticlePhotos).where(and(eq(deliverableArticlePhotos.hearingId, hearingId), isNull(deliverableArticlePhotos.removedAt))).orderBy(asc(deliverableArticlePhotos.id));
}

export async function findArticlePhoto(conn: Conn, hearingId: number, photoId: number): Promise<ArticlePhoto | undefined> {
  const [row] = await conn.select().from(deliverableArticlePhotos).where(and(eq(deliverableArticlePhotos.id, photoId), eq(deliverableArticlePhotos.hearingId, hearingId)));
  return row;
}

export interface PublishedArticleRow {
  id: number;
  hearingId: number;
  publishedAt: Date;
  published: PublishedArticle;
}

/** The program's published articles, newest first. */
export async function listPublishedArticles(conn: Conn, programId: number): Promise<PublishedArticleRow[]> {
  const rows = await conn
    .select({ id: deliverableArticles.id, hearingId: deliverableArticles.hearingId, publishedAt: deliverableArticles.publishedAt, published: deliverableArticles.published })
    .from(deliverableArticles)
    .where(and(eq(deliverableArticles.programId, programId), isNotNull(deliverableArticles.publishedAt)))
    .orderBy(desc(deliverableArticles.publishedAt), asc(deliverableArticles.id));
  return rows.filter((r): r is PublishedArticleRow => r.publishedAt !== null && r.published !== null);
}

/** One published article of the program, or undefined (not published, another program's, no such id). */
export async function findPublishedArticle(conn: Conn, programId: number, articleId: number): Promise<PublishedArticleRow | undefined> {
  return (await listPublishedArticles(conn, programId)).find((a) => a.id === articleId);
}
