import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Conn } from '../../db/client.js';
import { surveyLotteries, surveyQuestionnaires, type SurveyLottery, type SurveyQuestionnaire } from './schema.js';

/** The newest version of a program's questionnaire (the one edited and approved), or null. */
export async function latestQuestionnaire(db: Conn, programId: number): Promise<SurveyQuestionnaire | null> {
  const [q] = await db.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.programId, programId)).orderBy(desc(surveyQuestionnaires.version)).limit(1);
  return q ?? null;
}

/** The newest approved version: the one the public answers. */
export async function activeQuestionnaire(db: Conn, programId: number): Promise<SurveyQuestionnaire | null> {
  const [q] = await db
    .select()
    .from(surveyQuestionnaires)
    .where(and(eq(surveyQuestionnaires.programId, programId), eq(surveyQuestionnaires.status, 'approved')))
    .orderBy(desc(surveyQuestionnaires.version))
    .limit(1);
  return q ?? null;
}

export async function questionnaireVersions(db: Conn, programId: number): Promise<Array<SurveyQuestionnaire & { responses: number }>> {
  const rows = await db.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.programId, programId)).orderBy(desc(surveyQuestionnaires.version));
  const counts = await queryRows<{ id: number; n: number }>(db, sql`select questionnaire_id as id, count(*)::int as n from survey_responses where program_id = ${programId} group by 1`);
  const by = new Map(counts.map((c) => [Number(c.id), Number(c.n)]));
  return rows.map((r) => ({ ...r, responses: by.get(r.id) ?? 0 }));
}

/** Whether a questionnaire version has been answered (web or paper, settled or not). */
export async function isAnswered(db: Conn, questionnaireId: number): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select (exists(select 1 from survey_responses where questionnaire_id = ${questionnaireId}) or exists(select 1 from survey_paper_sheets where questionnaire_id = ${questionnaireId}))::int as n`,
  );
  return Number(row?.n ?? 0) > 0;
}

export async function findLottery(db: Conn, programId: number): Promise<SurveyLottery | null> {
  const [l] = await db.select().from(surveyLotteries).where(eq(surveyLotteries.programId, programId));
  return l ?? null;
}

export interface ExportRow {
  id: number;
  createdAt: Date;
  channel: string;
  facilityCode: string | null;
  version: number;
  answers: Record<string, unknown>;
}

/** Every response with its version, oldest first, for the raw-data export (no personal data is stored with responses). */
export async function responsesForExport(db: Conn, programId: number): Promise<ExportRow[]> {
  const rows = await queryRows<{ id: number; created_at: Date | string; channel: string; facility_code: string | null; version: number; answers: Record<string, unknown> | string }>(
    db,
    sql`select r.id, r.created_at, r.channel, r.facility_code, q.version, r.answers from survey_responses r join survey_questionnaires q on q.id = r.questionnaire_id where r.program_id = ${programId} order by r.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    createdAt: new Date(r.created_at),
    channel: r.channel,
    facilityCode: r.facility_code,
    version: Number(r.version),
    answers: typeof r.answers === 'string' ? (JSON.parse(r.answers) as Record<string, unknown>) : r.answers,
  }));
}

export interface SheetRow {
  id: number;
  number: number;
  facilityCode: string | null;
  responseId: number | null;
  /** Whether a scan is attached (and its key not erased). */
  hasScan: boolean;
  entries: Array<{ pass: number; enteredBy: number; answers: Record<string, unknown> }>;
}

/** The program's paper sheets with their entries, newest first. */
export async function paperSheets(db: Conn, programId: number, number?: number): Promise<SheetRow[]> {
  const sheets = await queryRows<{ id: number; number: number; facility_code: string | null; response_id: number | null; has_scan: boolean }>(
    db,
    sql`select id, number, facility_code, response_id, (scan_key_sealed is not null) as has_scan from survey_paper_sheets where program_id = ${programId} ${number === undefined ? sql`` : sql`and number = ${number}`} order by number desc limit 500`,
  );
  if (!sheets.length) return [];
  const entries = await queryRows<{ sheet_id: number; pass: number; entered_by: number; answers: Record<string, unknown> | string }>(
    db,
    sql`select e.sheet_id, e.pass, e.entered_by, e.answers from survey_paper_entries e join survey_paper_sheets s on s.id = e.sheet_id where s.program_id = ${programId} ${number === undefined ? sql`` : sql`and s.number = ${number}`} order by e.pass`,
  );
  return sheets.map((s) => ({
    id: Number(s.id),
    number: Number(s.number),
    facilityCode: s.facility_code,
    responseId: s.response_id === null ? null : Number(s.response_id),
    hasScan: s.has_scan === true,
    entries: entries
      .filter((e) => Number(e.sheet_id) === Number(s.id))
      .map((e) => ({ pass: Number(e.pass), enteredBy: Number(e.entered_by), answers: typeof e.answers === 'string' ? (JSON.parse(e.answers) as Record<string, unknown>) : e.answers })),
  }));
}

export interface ShipmentRow {
  id: number;
  entryId: number;
  prizeId: number;
  prize: string;
  status: string;
  carrier: string | null;
  trackingNumber: string | null;
  decisionNote: string | null;
  replaces: number | null;
}

export async function shipmentsOf(db: Conn, programId: number): Promise<ShipmentRow[]> {
  const rows = await queryRows<{ id: number; entry_id: number; prize_id: number; prize: string; status: string; carrier: string | null; tracking_number: string | null; decision_note: string | null; replaces: number | null }>(
    db,
    sql`select s.id, s.entry_id, s.prize_id, p.name as prize, s.status, s.carrier, s.tracking_number, s.decision_note, s.replaces from survey_shipments s join survey_prizes p on p.id = s.prize_id where s.program_id = ${programId} order by s.id`,
  );
  return rows.map((r) => ({ id: Number(r.id), entryId: Number(r.entry_id), prizeId: Number(r.prize_id), prize: r.prize, status: r.status, carrier: r.carrier, trackingNumber: r.tracking_number, decisionNote: r.decision_note, replaces: r.replaces === null ? null : Number(r.replaces) }));
}

export async function prizesOf(db: Conn, programId: number) {
  return queryRows<{ id: number; name: string; stock: number; kept_at: string; used: number }>(
    db,
    sql`select p.id, p.name, p.stock, p.kept_at, (select count(*)::int from survey_shipments s where s.prize_id = p.id and s.status <> 'undelivered') as used from survey_prizes p where p.program_id = ${programId} order by p.id`,
  );
}

export interface EntrySealed {
  id: number;
  nameSealed: string | null;
  postalCodeSealed: string | null;
  addressSealed: string | null;
  phoneSealed: string | null;
  emailSealed: string | null;
}

export async function entriesByIds(db: Conn, programId: number, ids: number[]): Promise<EntrySealed[]> {
  if (!ids.length) return [];
  const rows = await queryRows<{ id: number; name_sealed: string | null; postal_code_sealed: string | null; address_sealed: string | null; phone_sealed: string | null; email_sealed: string | null }>(
    db,
    sql`select id, name_sealed, postal_code_sealed, address_sealed, phone_sealed, email_sealed from survey_entries where program_id = ${programId} and id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`,
  );
  return rows.map((r) => ({ id: Number(r.id), nameSealed: r.name_sealed, postalCodeSealed: r.postal_code_sealed, addressSealed: r.address_sealed, phoneSealed: r.phone_sealed, emailSealed: r.email_sealed }));
}
