import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { dayText, eventDateText } from '../format.js';
import { boxRow, heading, lines } from './draw.js';

/** The blank FAX application sheet: the person fills it in by hand and faxes it to the secretariat. */
export function drawFaxSheet(doc: Pdf, program: Program): void {
  const cfg = eventConfig(program);
  doc.font('jp-bold').fontSize(16).text(`FAX送信先：${cfg.applyFax || '（事務局にお問い合わせください）'}`, { align: 'center' });
  doc.moveDown(0.5);
  heading(doc, `${program.name}\n参加申込書`, 15);
  lines(doc, [
    ['日時', eventDateText(cfg)],
    ['会場', `${cfg.venueName}（${cfg.venueAddress}）`],
    ['申込締切', dayText(cfg.registrationCloses)],
  ]);
  doc.moveDown(0.8);
  boxRow(doc, 'ふりがな', '');
  boxRow(doc, '氏名', '', 36);
  boxRow(doc, '所属団体（町内会名など）', '', 36);
  boxRow(doc, '団体での役職', '');
  boxRow(doc, '電話番号', '');
  boxRow(doc, 'FAX番号', '');
  boxRow(doc, 'メールアドレス', '');
  boxRow(doc, '参加方法', cfg.onlineEnabled ? '□ 会場で参加する　　□ オンラインで視聴する' : '□ 会場で参加する');
  boxRow(doc, '配慮が必要な事項', '□ 車いすを使用する　□ 聴覚に関する支援　□ 視覚に関する支援\n□ その他（　　　　　　　　　　　　　　　　　　　　　　　　）', 48);
  boxRow(doc, '講師・パネリストへの質問', '', 70);
  doc.moveDown(0.8);
  doc.fontSize(9.5).text('□ 記入した個人情報を、本交流会の運営（受付・連絡・名簿作成）にのみ利用することに同意します。');
  doc.moveDown(0.4);
  doc.text('お申し込みを受け付けた方には、受付番号を記載した「受付完了のお知らせ」をFAXまたは郵送でお送りします。');
  doc.text('定員を超えた場合は、キャンセル待ちとして受け付け、席が空き次第ご連絡します。');
  if (cfg.contactPhone) doc.text(`お問い合わせ：${program.name} 事務局　電話 ${cfg.contactPhone}`);
}
