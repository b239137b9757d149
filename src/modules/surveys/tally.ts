import { sql, type SQL } from 'drizzle-orm';
import { startOfTokyoDay } from '../../platform/calendar/index.js';
import { queryRows, type Conn } from '../../db/client.js';
import { answerable, OTHER_VALUE } from './questionnaire.js';
import type { Question, QuestionType, ResponseChannel } from './schema.js';

export interface TallyFilter {
  /** YYYY-MM-DD (Asia/Tokyo), inclusive. */
  from?: string;
  to?: string;
  channel?: ResponseChannel;
  facility?: string;
}

export interface QuestionTally {
  id: string;
  type: QuestionType;
  label: string;
  answered: number;
  counts?: Record<string, number>;
  mean?: number;
  texts?: string[];
}

export interface Tally {
  responses: number;
  byChannel: { web: number; paper: number };
  questions: QuestionTally[];
}

/** At most this many free-text answers per question in a tally (the raw export has them all). */
const TEXT_LIMIT = 500;

/** Free text with anything that looks like an e-mail address or a phone number masked. */
export function maskText(text: string): string {
  return text
    .replace(/[^\s@＠]+[@＠][^\s@＠]+\.[^\s@＠]+/g, '＊＊＊')
    .replace(/[+＋]?[0-9０-９][0-9０-９\-－‐ー()（）\s]{7,}[0-9０-９]/g, (m) => (m.replace(/[^0-9０-９]/g, '').length >= 9 ? '＊＊＊' : m));
}

function where(programId: number, f: TallyFilter): SQL {
  const parts: SQL[] = [sql`r.program_id = ${programId}`];
  if (f.from) parts.push(sql`r.created_at >= ${startOfTokyoDay(f.from).toISOString()}`);
  if (f.to) parts.push(sql`r.created_at < ${new Date(startOfTokyoDay(f.to).getTime() + 86_400_000).toISOString()}`);
  if (f.channel) parts.push(sql`r.channel = ${f.channel}`);
  if (f.facility) parts.push(sql`r.facility_code = ${f.facility}`);
  return sql.join(parts, sql` and `);
}

/** One column of the tally's single pass, grouped on its own (a grouping set). */
interface TallyColumn {
  qid: string;
  /** channel; value: the answer as text (a multi answer's array as JSON text); answered: whether the key is answered (free text). */
  kind: 'channel' | 'value' | 'answered';
  expr: SQL;
}

/**
 * Counts and percentages' raw material per question (web and settled paper answers together, or
 * filtered): answered, counts per option (single, multi, scale, number), means (scale, number) and
 * the free-text answers, masked. Aggregated in the database in one pass over the responses, with
 * no set-returning function per row (they made the tally slow on the embedded database): each
 * answer is read with `->>` into its own column and every column is grouped on its own (GROUPING
 * SETS); a multiple-choice answer is grouped as its array and split here. Free text is read
 * apart, at most TEXT_LIMIT answers per question.
 */
export async function tallySurvey(db: Conn, programId: number, questions: Question[], f: TallyFilter = {}): Promise<Tally> {
  const w = where(programId, f);
  const asked = answerable(questions);
  const multi = new Set(asked.filter((q) => q.type === 'multi').map((q) => q.id));
  const textKeys = asked.flatMap((q) => (q.type === 'text' ? [q.id] : q.type === 'multi' ? [`${q.id}.${OTHER_VALUE}`] : []));
  const columns: TallyColumn[] = [{ qid: '', kind: 'channel', expr: sql`r.channel` }];
  for (const k of textKeys) columns.push({ qid: k, kind: 'answered', expr: sql`(r.answers -> ${k}) is not null` });
  for (const q of asked) if (q.type !== 'text') columns.push({ qid: q.id, kind: 'value', expr: sql`r.answers ->> ${q.id}` });
  const names = columns.map((_, i) => sql.raw(`c${i}`));
  const rows = await queryRows<Record<string, string | boolean | number | null>>(
    db,
    sql`select ${sql.join(names, sql`, `)}, count(*)::int as n
        from (select ${sql.join(columns.map((c, i) => sql`${c.expr} as ${names[i]}`), sql`, `)} from survey_responses r where ${w}) s
        group by grouping sets (${sql.join(names.map((n) => sql`(${n})`), sql`, `)})`,
  );
  // A row of grouping set i has every other column null; a null in column i is "not answered".
  const web = { n: 0 };
  const paper = { n: 0 };
  const answeredBy = new Map<string, number>();
  const valuesBy = new Map<string, Array<{ v: string; n: number }>>();
  for (const row of rows) {
    const i = columns.findIndex((_, k) => row[`c${k}`] !== null && row[`c${k}`] !== undefined);
    if (i < 0) continue;
    const c = columns[i]!;
    const v = row[`c${i}`];
    const n = Number(row.n);
    if (c.kind === 'channel') (v === 'paper' ? paper : web).n += n;
    else if (c.kind === 'answered') {
      if (v === true) answeredBy.set(c.qid, n);
    } else {
      answeredBy.set(c.qid, (answeredBy.get(c.qid) ?? 0) + n);
      // A multiple-choice answer is grouped as its array (few distinct sets): each choice counts.
      const choices = multi.has(c.qid) ? (JSON.parse(String(v)) as unknown[]).map(String) : [String(v)];
      valuesBy.set(c.qid, [...(valuesBy.get(c.qid) ?? []), ...choices.map((x) => ({ v: x, n }))]);
    }
  }
  const texts = await freeTexts(db, w, textKeys.filter((k) => answeredBy.has(k)));
  const out: QuestionTally[] = asked.map((q) => {
    const vals = valuesBy.get(q.id) ?? [];
    const n = answeredBy.get(q.id) ?? 0;
    const t: QuestionTally = { id: q.id, type: q.type, label: q.label, answered: n };
    if (q.type === 'text') return { ...t, texts: texts.get(q.id) ?? [] };
    const counts: Record<string, number> = {};
    if (q.type === 'scale') for (const p of ['1', '2', '3', '4', '5']) counts[p] = 0;
    for (const o of q.options ?? []) if (q.type !== 'scale') counts[o.value] = 0;
    for (const x of vals) counts[x.v] = (counts[x.v] ?? 0) + x.n;
    t.counts = counts;
    if ((q.type === 'scale' || q.type === 'number') && n > 0) {
      const sum = vals.reduce((s, x) => s + Number(x.v) * x.n, 0);
      t.mean = Math.round((sum / n) * 100) / 100;
    }
    const others = texts.get(`${q.id}.${OTHER_VALUE}`);
    if (q.type === 'multi' && others?.length) t.texts = others;
    return t;
  });
  return { responses: web.n + paper.n, byChannel: { web: web.n, paper: paper.n }, questions: out };
}

/** Per free-text key answered at least once: its first TEXT_LIMIT answers (oldest first), masked. */
async function freeTexts(db: Conn, w: SQL, keys: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const k of keys) {
    const rows = await queryRows<{ v: string }>(db, sql`select r.answers ->> ${k} as v from survey_responses r where ${w} and (r.answers -> ${k}) is not null order by r.id limit ${TEXT_LIMIT}`);
    out.set(k, rows.map((r) => maskText(r.v)));
  }
  return out;
}

/** Cross-tabulation of two questions: rows are `a`'s values, columns `b`'s, cells response counts. */
export async function crossTab(db: Conn, programId: number, a: string, b: string, f: TallyFilter = {}): Promise<Array<{ a: string; b: string; n: number }>> {
  const w = where(programId, f);
  const rows = await queryRows<{ a: string; b: string; n: number }>(
    db,
    sql`select xa.v as a, xb.v as b, count(*)::int as n
        from survey_responses r
        cross join lateral jsonb_array_elements_text(case jsonb_typeof(r.answers -> ${a}) when 'array' then r.answers -> ${a} else jsonb_build_array(r.answers -> ${a}) end) xa(v)
        cross join lateral jsonb_array_elements_text(case jsonb_typeof(r.answers -> ${b}) when 'array' then r.answers -> ${b} else jsonb_build_array(r.answers -> ${b}) end) xb(v)
        where ${w} and (r.answers -> ${a}) is not null and (r.answers -> ${b}) is not null group by 1, 2 order by 1, 2`,
  );
  return rows.map((r) => ({ a: r.a, b: r.b, n: Number(r.n) }));
}
