import type { CommandContext } from '../../../platform/command.js';
import { isIsoDate } from '../../../platform/calendar/index.js';
import { AppError, isAppError, type FieldError } from '../../../platform/errors/index.js';
import { setProgramSettings } from '../../../platform/programs/commands/set-program-settings.js';
import type { Program } from '../../../platform/programs/schema.js';
import { lockProgram } from '../../../platform/programs/queries.js';
import { findSetting } from '../../../platform/programs/settings.js';
import { CAMPAIGN_SETTINGS } from '../settings.js';
import { cm } from '../messages.js';

/** The date keys of the campaign, checked against each other once each is a real date. */
const DATE_KEYS = ['applicationOpens', 'applicationCloses', 'campaignStarts', 'campaignEnds', 'registryDeadline'] as const;

function orderErrors(dates: Record<string, string | undefined>): FieldError[] {
  const ok = (k: string) => isIsoDate(dates[k]);
  const errors: FieldError[] = [];
  if (ok('applicationOpens') && ok('applicationCloses') && dates.applicationCloses! < dates.applicationOpens!) errors.push({ field: 'applicationCloses', message: cm('errClosesBeforeOpens') });
  if (ok('campaignStarts') && ok('campaignEnds') && dates.campaignEnds! < dates.campaignStarts!) errors.push({ field: 'campaignEnds', message: cm('errEndsBeforeStarts') });
  if (ok('applicationCloses') && ok('campaignStarts') && dates.applicationCloses! >= dates.campaignStarts!) errors.push({ field: 'applicationCloses', message: cm('errClosesAfterCampaign') });
  return errors;
}

/** Whether a valid value equals what is stored (then it is left out: the audit entry lists real changes only). */
function unchanged(program: Program, key: string, raw: string): boolean {
  const r = findSetting(CAMPAIGN_SETTINGS, key, program.kind)?.schema.safeParse(raw);
  return !!r?.success && key in program.settings && JSON.stringify(r.data) === JSON.stringify(program.settings[key]);
}

/**
 * The back office's save of the campaign settings: the same validation and audit as
 * `program set` (setProgramSettings), plus the order of the dates (the window ends before the
 * campaign starts; a blank date is left unset; unchanged values are not written, so the audit
 * entry lists real changes only). Every error is reported at once; one bad value saves nothing.
 */
export async function saveCampaignSettings(ctx: CommandContext, programId: number, input: Array<[string, string]>): Promise<Program> {
  // Re-read under the lock: "unchanged" and the order of the dates are judged on the settings as they are now.
  const program = await lockProgram(ctx.tx, programId);
  if (!program) throw new AppError('not-found');
  const dates: Record<string, string | undefined> = {};
  for (const k of DATE_KEYS) dates[k] = typeof program.settings[k] === 'string' ? (program.settings[k] as string) : undefined;
  const pairs: Array<[string, string]> = [];
  const order: FieldError[] = [];
  for (const [k, raw] of input) {
    if (!(DATE_KEYS as readonly string[]).includes(k)) {
      if (!unchanged(program, k, raw)) pairs.push([k, raw]);
      continue;
    }
    const v = raw.trim();
    // A blank date leaves an unset one unset; a set one cannot be unset (nor through `program set`).
    if (v === '') {
      if (dates[k] !== undefined) order.push({ field: k, message: cm('errDateCannotClear', { label: cm(`setting.${k as (typeof DATE_KEYS)[number]}`) }) });
      continue;
    }
    if (v === dates[k]) continue;
    dates[k] = v;
    pairs.push([k, v]);
  }
  order.push(...orderErrors(dates));
  if (pairs.length === 0 && order.length === 0) return program;
  let updated: Program;
  try {
    updated = await setProgramSettings(ctx, program.slug, pairs);
  } catch (e) {
    if (isAppError(e) && e.code === 'validation-failed') throw new AppError('validation-failed', e.message, { fieldErrors: [...e.fieldErrors, ...order] });
    throw e;
  }
  // Thrown inside the command's transaction: the settings written above are rolled back.
  if (order.length) throw new AppError('validation-failed', cm('errSettings'), { fieldErrors: order });
  return updated;
}
