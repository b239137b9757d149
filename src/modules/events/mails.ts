import type { CommandContext } from '../../platform/command.js';
import { queueMail } from '../../platform/mail/outbox.js';
import type { Box } from '../../platform/vault/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { eventConfig } from './config.js';
import { ATTENDANCE_LABELS, STATUS_LABELS, accommodationText, eventDateText } from './format.js';
import { linkToken, manageUrl } from './link-token.js';
import { eventMessages as em } from './messages.js';
import { ERASED_TEXT, type Person } from './person.js';
import type { EventRegistration } from './schema.js';

export type RegistrationMailKind = 'registered' | 'promoted' | 'cancelled' | 'reminder' | 'changed';

const LEADS: Record<RegistrationMailKind, (r: EventRegistration) => string> = {
  registered: (r) =>
    r.status === 'waitlisted'
      ? '定員に達しているため、キャンセル待ちとして受け付けました。席が空き次第、受付番号の順に繰り上げ、メールでお知らせします。'
      : '参加のお申し込みを受け付けました。当日は受付でこの受付番号をお伝えください。',
  promoted: () => 'キャンセルが出たため、キャンセル待ちから参加確定に繰り上がりました。当日は受付でこの受付番号をお伝えください。',
  cancelled: () => '参加のお申し込みを取り消しました。またの機会にご参加ください。',
  reminder: () => '開催日が近づきましたので、お申し込みの内容をお知らせします。',
  changed: () => 'お申し込みの内容を変更しました。',
};

function subjectFor(kind: RegistrationMailKind, r: EventRegistration, event: string): string {
  if (kind === 'registered') return em('ja', r.status === 'waitlisted' ? 'mailWaitSubject' : 'mailConfirmSubject', { event });
  const key = ({ promoted: 'mailPromotedSubject', cancelled: 'mailCancelSubject', reminder: 'mailReminderSubject', changed: 'mailChangeSubject' } as const)[kind];
  return em('ja', key, { event });
}

/** The mail body: only the recipient's own data, the venue, and (for confirmed online viewers) the link. */
export function registrationMailText(program: Program, r: EventRegistration, p: Person, kind: RegistrationMailKind, link: string): string {
  const cfg = eventConfig(program);
  const lines = [
    `${p.name} 様`,
    '',
    `「${program.name}」`,
    LEADS[kind](r),
    '',
    `受付番号：${r.number}`,
    `状況：${STATUS_LABELS[r.status]}`,
    `参加方法：${ATTENDANCE_LABELS[r.attendance]}`,
    `お名前：${p.name}（${p.nameKana}）`,
  ];
  if (p.organization) lines.push(`所属：${p.organization}${p.orgRole ? ` ${p.orgRole}` : ''}`);
  const acc = accommodationText(r.accommodations, p.accommodationNote);
  if (acc) lines.push(`配慮が必要な事項：${acc}`);
  lines.push('', `日時：${eventDateText(cfg)}`);
  if (r.attendance === 'venue') {
    lines.push(`会場：${cfg.venueName}`, `所在地：${cfg.venueAddress}`);
    if (cfg.venueAccess) lines.push(`交通：${cfg.venueAccess}`);
  } else if (r.status === 'confirmed' && kind !== 'cancelled') {
    lines.push(`視聴URL：${cfg.onlineUrl || '開催日までに改めてお知らせします'}`, '（視聴URLはご本人だけでご利用ください。グループでの情報交換は配信しません。）');
  }
  lines.push('', kind === 'cancelled' ? 'お申し込みの状況は、次のリンクから確認できます。' : 'お申し込み内容の確認・変更・取消は、次のリンクから行えます。', link);
  lines.push('', '―――', `${program.name} 事務局`);
  if (cfg.contactPhone) lines.push(`電話：${cfg.contactPhone}`);
  if (cfg.contactEmail) lines.push(`メール：${cfg.contactEmail}`);
  lines.push('このメールは送信専用のアドレスから送っています。');
  return lines.join('\n');
}

/**
 * Queues a mail about a registration to its own e-mail address, in the caller's transaction.
 * Returns false when there is no address to write to (paper applicants get a printed sheet).
 */
export async function queueRegistrationMail(ctx: CommandContext, box: Box, program: Program, r: EventRegistration, p: Person, kind: RegistrationMailKind): Promise<boolean> {
  if (!p.email || p.email === ERASED_TEXT) return false;
  const link = manageUrl(ctx.deps.config.publicBaseUrl, program.slug, linkToken(box, r.linkNonce));
  await queueMail(ctx.tx, ctx.deps, {
    programId: program.id,
    template: `events.${kind}`,
    to: p.email,
    subject: subjectFor(kind, r, program.name),
    text: registrationMailText(program, r, p, kind, link),
  });
  return true;
}
