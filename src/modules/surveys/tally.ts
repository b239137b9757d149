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

/**
 * Counts and percentages' raw material per question (web and settled paper answers together, or
 * filtered): answered, counts per option (single, multi, scale, number), means (scale, number) and
 * the free-text answers, masked. Aggregated in the database: three statements whatever the count.
 */
export async function tallySurvey(db: Conn, programId: number, questions: Question[], f: TallyFilter = {}): Promise<Tally> {
  const w = where(programId, f);
  // Three independent statements: on PostgreSQL they run at once on pooled connections.
  const [[totals], answered, values] = await Promise.all([
    queryRows<{ web: number; paper: number }>(
      db,
      sql`select count(*) filter (where r.channel = 'web')::int as web, count(*) filter (where r.channel = 'paper')::int as paper from survey_responses r where ${w}`,
    ),
    queryRows<{ qid: string; n: number }>(db, sql`select e.key as qid, count(*)::int as n from survey_responses r cross join lateral jsonb_object_keys(r.answers) e(key) where ${w} group by 1`),
    queryRows<{ qid: string; v: string; n: number }>(
      db,
    sql`select e.key as qid, x.v as v, count(*)::int as n
        from survey_responses r
        cross join lateral jsonb_each(r.answers) e
        cross join lateral jsonb_array_elements_text(case jsonb_typeof(e.value) when 'array' then e.value else jsonb_build_array(e.value) end) x(v)
        where ${w} group by 1, 2`,
    ),
  ]);
  const answeredBy = new Map(answered.map((a) => [a.qid, Number(a.n)]));
  const valuesBy = new Map<string, Array<{ v: string; n: number }>>();
  for (const row of values) {
    const list = valuesBy.get(row.qid) ?? [];
    list.push({ v: row.v, n: Number(row.n) });
    valuesBy.set(row.qid, list);
  }
  const out: QuestionTally[] = answerable(questions).map((q) => {
    const n = answeredBy.get(q.id) ?? 0;
    const vals = valuesBy.get(q.id) ?? [];
    const t: QuestionTally = { id: q.id, type: q.type, label: q.label, answered: n };
    if (q.type === 'text') {
      t.texts = vals.flatMap((x) => Array.from({ length: Math.min(x.n, TEXT_LIMIT) }, () => maskText(x.v))).slice(0, TEXT_LIMIT);
      return t;
    }
    const counts: Record<string, number> = {};
    if (q.type === 'scale') for (const p of ['1', '2', '3', '4', '5']) counts[p] = 0;
    for (const o of q.options ?? []) if (q.type !== 'scale') counts[o.value] = 0;
    for (const x of vals) counts[x.v] = (counts[x.v] ?? 0) + x.n;
    t.counts = counts;
    if ((q.type === 'scale' || q.type === 'number') && n > 0) {
      const sum = vals.reduce((s, x) => s + Number(x.v) * x.n, 0);
      t.mean = Math.round((sum / n) * 100) / 100;
    }
    if (q.type === 'multi') {
      const others = valuesBy.get(`${q.id}.${OTHER_VALUE}`) ?? [];
      if (others.length) t.texts = others.flatMap((x) => Array.from({ length: Math.min(x.n, TEXT_LIMIT) }, () => maskText(x.v))).slice(0, TEXT_LIMIT);
    }
    return t;
  });
  const web = Number(totals?.web ?? 0);
  const paper = Number(totals?.paper ?? 0);
  return { responses: web + paper, byChannel: { web, paper }, questions: out };
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
