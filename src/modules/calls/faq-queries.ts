/**
 * Reads of the FAQ. An entry's wording as published, and whether it is, are the site's: the live
 * version of its site content (kind `faq`), read through the site's public face.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { listLiveContents, listVersions, type SiteContentVersion } from '../site/index.js';
import { callFaq, CATEGORIES, type CallFaq, type FaqStatus } from './schema.js';

export interface PublishedFaq {
  id: number;
  category: CallFaq['category'];
  question: string;
  answer: string;
  questionEn: string;
  answerEn: string;
  callCount: number;
  updatedAt: Date;
}

const byCategory = (a: { category: string; id: number }, b: { category: string; id: number }) =>
  CATEGORIES.indexOf(a.category as never) - CATEGORIES.indexOf(b.category as never) || a.id - b.id;

/** Published entries (the site's live versions), by category; `q` matches either language's wording. */
export async function listPublishedFaq(conn: Conn, programId: number, now: Date, q?: string): Promise<PublishedFaq[]> {
  const live = await listLiveContents(conn, programId, now, ['faq']);
  if (!live.length) return [];
  const entries = await conn
    .select()
    .from(callFaq)
    .where(and(eq(callFaq.programId, programId), inArray(callFaq.siteContentId, live.map((l) => l.content.id))));
  const versionOf = new Map(live.map((l) => [l.content.id, l.version]));
  const needle = q?.trim().toLowerCase();
  return entries
    .map((e) => {
      const v = versionOf.get(e.siteContentId!)!;
      return { id: e.id, category: e.category, question: v.titleJa, answer: v.bodyJa, questionEn: v.titleEn, answerEn: v.bodyEn, callCount: e.callCount, updatedAt: v.publishAt ?? v.decidedAt ?? v.createdAt };
    })
    .filter((i) => !needle || [i.question, i.answer, i.questionEn, i.answerEn].some((t) => t.toLowerCase().includes(needle)))
    .sort(byCategory);
}

export interface FaqEntry extends CallFaq {
  status: FaqStatus;
  /** The newest version in the site, and the one the public sees (if any). */
  latest: SiteContentVersion | undefined;
  live: SiteContentVersion | undefined;
}

/** The state of an entry from its site versions: published while one is live, else rejected or proposed by the newest. */
export function faqStatusOf(versions: SiteContentVersion[], now: Date): { status: FaqStatus; latest: SiteContentVersion | undefined; live: SiteContentVersion | undefined } {
  const live = versions.find((v) => v.status === 'approved' && v.publishAt !== null && v.publishAt <= now);
  const latest = versions[0];
  return { status: live ? 'published' : latest?.status === 'rejected' ? 'rejected' : 'proposed', latest, live };
}

/** Every entry of the program with its state in the site (the back office). */
export async function listFaqEntries(conn: Conn, programId: number, now: Date): Promise<FaqEntry[]> {
  const rows = await conn.select().from(callFaq).where(eq(callFaq.programId, programId)).orderBy(asc(callFaq.id));
  const out: FaqEntry[] = [];
  for (const r of rows) out.push({ ...r, ...faqStatusOf(r.siteContentId ? await listVersions(conn, r.siteContentId) : [], now) });
  return out.sort(byCategory);
}

export async function findFaq(conn: Conn, id: number): Promise<CallFaq | undefined> {
  const [row] = await conn.select().from(callFaq).where(eq(callFaq.id, id));
  return row;
}
