import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tokyoDate } from '../../../platform/calendar/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { queryRows } from '../../../db/client.js';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import type { Locale } from '../../../platform/i18n/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { issuesToFieldErrors } from '../../../platform/validation.js';
import { programScope } from '../../../platform/vault/index.js';
import { checkAnswers } from '../answers.js';
import { sm } from '../messages.js';
import { activeQuestionnaire } from '../queries.js';
import { surveyLotteries, surveyResponses, type Answers, type ResponseChannel } from '../schema.js';
import { isSurveyOpen, surveyWindow } from '../settings.js';

/** The lottery entry's fields, with the respondent's-language messages. */
export function entrySchema(locale: Locale) {
  const m = (k: Parameters<typeof sm>[1]) => sm(locale, k);
  return z.object({
    name: z.string({ error: m('errName') }).trim().min(1, m('errName')).max(100, m('errName')),
    postalCode: z.preprocess(
      (v) => (typeof v === 'string' ? v.normalize('NFKC').replace(/[-ー－‐\s〒]/g, '') : v),
      z.string({ error: m('errPostalCode') }).regex(/^\d{7}$/, m('errPostalCode')),
    ),
    address: z.string({ error: m('errAddress') }).trim().min(1, m('errAddress')).max(300, m('errAddress')),
    phone: z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFKC').trim() : v), z.string({ error: m('errPhone') }).regex(/^\+?[0-9-() ]{10,16}$/, m('errPhone'))),
    email: z.preprocess((v) => (typeof v === 'string' ? v.normalize('NFKC').trim() : v), z.string({ error: m('errEmail') }).email(m('errEmail')).max(254, m('errEmail'))),
    consent: z.literal(true, { error: m('errConsent') }),
  });
}
export type EntryInput = z.infer<ReturnType<typeof entrySchema>>;

export interface Received {
  responseId: number;
  receipt: string;
  entered: boolean;
}

/** An unguessable receipt: 12 characters of Crockford base32. */
function newReceipt(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return [...crypto.randomBytes(12)].map((b) => alphabet[b & 31]).join('');
}

const facilityCodeSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/);

/**
 * Records one answered questionnaire (the newest approved version) and, if asked, a lottery entry.
 * Every wrong answer is a field error `answers.<id>` (422), every wrong entry field `lottery.<f>`.
 * One entry per person: the entry row's unique e-mail and phone blind indexes (normalised by the
 * vault: NFKC, trimmed, case-folded) refuse a second one, and the whole response with it (409
 * `duplicate-entry`), so the respondent can send again without the entry.
 */
export async function submitResponse(
  ctx: CommandContext,
  program: Program,
  raw: unknown,
  opts: { locale: Locale; channel?: ResponseChannel },
): Promise<Received> {
  const locale = opts.locale;
  const w = surveyWindow(program);
  if (!isSurveyOpen(w, tokyoDate(ctx.now))) throw new AppError('window-closed', sm(locale, 'closed'), { detail: { opens: w.opens, closes: w.closes } });
  const q = await activeQuestionnaire(ctx.tx, program.id);
  if (!q) throw new AppError('window-closed', sm(locale, 'notReady'));
  const body = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as { answers?: unknown; lottery?: unknown; facility?: unknown };
  const errors: FieldError[] = [];
  let answers: Answers = {};
  try {
    answers = checkAnswers(q.questions, body.answers, locale);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    errors.push(...e.fieldErrors);
  }
  let entry: EntryInput | null = null;
  if (body.lottery !== undefined && body.lottery !== null) {
    const r = entrySchema(locale).safeParse(body.lottery);
    if (r.success) entry = r.data;
    else errors.push(...issuesToFieldErrors(r.error.issues).map((f) => ({ ...f, field: `lottery.${f.field}` })));
  }
  let facilityCode: string | null = null;
  if (body.facility !== undefined && body.facility !== null && body.facility !== '') {
    const f = facilityCodeSchema.safeParse(body.facility);
    if (f.success) facilityCode = f.data;
    else errors.push({ field: 'facility', message: sm(locale, 'errAnswers') });
  }
  if (errors.length) throw new AppError('validation-failed', sm(locale, entry === null && errors.some((e) => e.field.startsWith('lottery.')) ? 'errLottery' : 'errAnswers'), { fieldErrors: errors });
  if (entry) {
    // FOR SHARE: an entry and the draw (FOR UPDATE) do not cross; an entry after the draw sees it.
    const [lottery] = await ctx.tx.select({ drawnAt: surveyLotteries.drawnAt }).from(surveyLotteries).where(eq(surveyLotteries.programId, program.id)).for('share');
    if (lottery?.drawnAt) throw new AppError('window-closed', sm(locale, 'lotteryClosed'), { fieldErrors: [{ field: 'lottery', message: sm(locale, 'lotteryClosed') }] });
  }
  const receipt = newReceipt();
  const [response] = await ctx.tx
    .insert(surveyResponses)
    .values({ programId: program.id, questionnaireId: q.id, channel: opts.channel ?? 'web', facilityCode, answers, receipt, createdAt: ctx.now })
    .returning({ id: surveyResponses.id });
  const responseId = response!.id;
  ctx.audit({ action: 'surveys.response.received', programId: program.id, targetType: 'survey_response', targetId: responseId, diff: { version: q.version, channel: opts.channel ?? 'web', facility: facilityCode, entry: !!entry } });
  if (entry) {
    const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
    // One statement: the uniqueness rule, not a look-up before the insert, decides who was first.
    const [row] = await queryRows<{ id: number }>(
      ctx.tx,
      sql`insert into survey_entries (program_id, response_id, name_sealed, postal_code_sealed, address_sealed, phone_sealed, email_sealed, email_index, phone_index, created_at)
          values (${program.id}, ${responseId}, ${box.seal(entry.name)}, ${box.seal(entry.postalCode)}, ${box.seal(entry.address)}, ${box.seal(entry.phone)}, ${box.seal(entry.email)},
                  ${box.blindIndex(entry.email)}, ${box.blindIndex(entry.phone)}, ${ctx.now.toISOString()})
          on conflict do nothing returning id`,
    );
    if (!row) throw new AppError('duplicate-entry', sm(locale, 'duplicateEntry'), { fieldErrors: [{ field: 'lottery.email', message: sm(locale, 'duplicateEntry') }] });
    ctx.audit({ action: 'surveys.entry.received', programId: program.id, targetType: 'survey_entry', targetId: Number(row.id) });
  }
  return { responseId, receipt, entered: !!entry };
}
