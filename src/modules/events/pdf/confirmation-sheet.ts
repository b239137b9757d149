import { formatJaDate } from '../../../platform/calendar/index.js';
import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { ATTENDANCE_LABELS, STATUS_LABELS, accommodationText, eventDateText } from '../format.js';
import type { Person } from '../person.js';
import type { EventRegistration } from '../schema.js';
import { boxRow, heading } from './draw.js';

/**
 * 受付完了のお知らせ for a FAX or postal applicant (or a promotion notice), printed by staff and
 * sent by FAX or post. Only the applicant's own data.
 */
export function drawConfirmationSheet(doc: Pdf, program: Program, r: EventRegistration, p: Person, manageLink: string, issuedOn: Date): void {
  const cfg = eventConfig(program);
  doc.fontSize(10.5).text(formatJaDate(issuedOn, { weekday: false }), { align: 'right' });
  if (p.fax) doc.text(`FAX：${p.fax}`, { align: 'left' });
  doc.moveDown(0.5);
  doc.font('jp-bold').fontSize(14).text(`${p.name} 様`);
  doc.moveDown(0.8);
  heading(doc, r.status === 'waitlisted' ? 'キャンセル待ち受付のお知らせ' : '参加申込 受付完了のお知らせ');
  doc.text(`「${program.name}」へのお申し込みを、次のとおり受け付けました。`);
  if (r.status === 'waitlisted') doc.text('定員に達しているため、キャンセル待ちとして受け付けました。席が空き次第、受付番号の順にご連絡します。');
  doc.moveDown(0.6);
  boxRow(doc, '受付番号', String(r.number));
  boxRow(doc, '状況', STATUS_LABELS[r.status]);
  boxRow(doc, '氏名', `${p.name}（${p.nameKana}）`);
  boxRow(doc, '所属', [p.organization, p.orgRole].filter(Boolean).join(' ') || '—');
  boxRow(doc, '参加方法', ATTENDANCE_LABELS[r.attendance]);
  boxRow(doc, '配慮が必要な事項', accommodationText(r.accommodations, p.accommodationNote) || 'なし');
  boxRow(doc, '日時', eventDateText(cfg));
  if (r.attendance === 'venue') boxRow(doc, '会場', `${cfg.venueName}\n${cfg.venueAddress}`, 40);
  else boxRow(doc, '視聴URL', r.status === 'confirmed' && cfg.onlineUrl ? cfg.onlineUrl : '開催日までにお知らせします');
  doc.moveDown(0.8);
  doc.fontSize(10).text('当日は受付で受付番号をお伝えください。変更・取消は事務局へご連絡いただくか、次のアドレスから行えます。');
  doc.fontSize(8.5).text(manageLink);
  doc.moveDown(0.8);
  doc.fontSize(10.5).text(`${program.name} 事務局`, { align: 'right' });
  if (cfg.contactPhone) doc.text(`電話 ${cfg.contactPhone}`, { align: 'right' });
}
