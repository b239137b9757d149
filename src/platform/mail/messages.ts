import { createCatalog, type Params } from '../i18n/index.js';

/** Texts of the sent-mail pages (back office: Japanese only). */
export const mailMessages = createCatalog({
  // list page
  listTitle: '送信メール',
  listIntro: 'SMTP が設定されていない間、メールはここに保留されます。宛先と本文は個人情報のため、開くと監査ログに記録されます。',
  listCaption: '送信メール一覧',
  colId: 'ID',
  colCreated: '作成日時',
  colSubject: '件名',
  colTemplate: '種類',
  colStatus: '状態',
  noMail: 'メールはありません',
  // delivery status
  statusQueued: '送信待ち',
  statusSent: '送信済み',
  statusFailed: '送信失敗',
  statusHeld: '保留（SMTP未設定）',
  // one mail
  detailTitle: '送信メール #{id}',
  detailCrumb: '#{id}',
  detailTo: '宛先',
  detailSubject: '件名',
  detailStatus: '状態',
  detailCreated: '作成日時',
  detailSent: '送信日時',
  detailBody: '本文',
  erased: '（消去済み）',
});

export type MailMessageKey = Parameters<typeof mailMessages>[1];

/** Japanese text of a key. */
export const mm = (key: MailMessageKey, params?: Params) => mailMessages('ja', key, params);
