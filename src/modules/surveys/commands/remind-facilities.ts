import { and, eq, inArray } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/command.js';
import { users } from '../../../platform/auth/schema.js';
import { AppError } from '../../../platform/errors/index.js';
import { queueMail } from '../../../platform/mail/outbox.js';
import type { Program } from '../../../platform/programs/schema.js';
import { userIdsOfFacility } from '../../settlement/index.js';
import { facilityRates } from '../response-rate.js';

/**
 * Mails the business users of every facility whose response rate (against its approved stays) is
 * below `belowPercent`: their own facility's figures and the survey link, nothing of others.
 */
export async function remindLaggingFacilities(ctx: CommandContext, program: Program, belowPercent: number): Promise<{ facilities: number; mails: number }> {
  if (program.kind !== 'campaign') throw new AppError('not-found');
  if (!Number.isInteger(belowPercent) || belowPercent < 1 || belowPercent > 100) {
    throw new AppError('validation-failed', '回答率を1〜100の整数で入力してください', { fieldErrors: [{ field: 'below', message: '回答率を1〜100の整数で入力してください' }] });
  }
  const lagging = (await facilityRates(ctx.tx, program.id)).filter((f) => f.rate !== null && f.rate < belowPercent);
  let mails = 0;
  for (const f of lagging) {
    const ids = await userIdsOfFacility(ctx.tx, f.id);
    if (!ids.length) continue;
    const recipients = await ctx.tx.select({ email: users.email }).from(users).where(and(inArray(users.id, ids), eq(users.status, 'active')));
    for (const r of recipients) {
      await queueMail(ctx.tx, ctx.deps, {
        programId: program.id,
        template: 'surveys.rate-reminder',
        to: r.email,
        subject: `アンケートへのご協力のお願い（${program.name}）`,
        text: `${f.name} ご担当者様\n\nキャンペーン利用者アンケートの回答率が ${f.rate}%（回答 ${f.responses}件／承認済みの宿泊 ${f.stays}件）です。\nお客様へのアンケートカードの配布・ポスターの掲示にご協力ください。\nカードとポスターは事務局からお送りします。回答用のURL：${ctx.deps.config.publicBaseUrl}/${program.slug}/survey?f=${f.code}\n`,
      });
      mails += 1;
    }
  }
  ctx.audit({ action: 'surveys.rate.reminded', programId: program.id, targetType: 'program', targetId: program.id, diff: { belowPercent, facilities: lagging.length, mails } });
  return { facilities: lagging.length, mails };
}
