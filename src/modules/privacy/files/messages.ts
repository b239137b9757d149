import { createCatalog, type Params } from '../../../platform/i18n/index.js';

/** Texts of files attached to roster entries and handovers (back office: Japanese). */
export const fileMessages = createCatalog({
  errMultipart: 'multipart/form-data で送ってください（項目 file）',
  errNoFile: 'ファイルを選んでください',
  errTooLarge: 'ファイルは{mb}MB以内にしてください',
  errType: 'PDF、PNG または JPEG のファイルを選んでください（内容で判定します）',
  errStaffClosed: '終了・却下された登録にはファイルを添付できません',
  errHandoverErased: '受領データを消去した記録にはファイルを添付できません',
  'pledge.title': '誓約書の写し',
  'pledge.intro': '署名した誓約書をスキャンして添付します（PDF・PNG・JPEG、{mb}MBまで）。ファイルは事業の鍵で暗号化して保管し、閲覧は監査ログに記録します。',
  'handover.title': '受け渡しデータのファイル',
  'handover.intro': '市から受領したデータ等のファイルを添付します（PDF・PNG・JPEG、{mb}MBまで）。暗号化して保管し、閲覧は監査ログに記録します。受領データを消去するとファイルも削除されます（記録は残ります）。',
  'col.file': 'ファイル',
  'col.type': '種類',
  'col.size': '大きさ',
  'col.uploadedAt': '添付日時',
  'col.state': '状態',
  held: '保管中',
  removed: '削除済み（{at}）',
  erased: '消去済み',
  empty: '添付されたファイルはありません',
  field: '添付するファイル',
  upload: '添付する',
  download: 'ダウンロード',
  flashAttached: 'ファイルを添付しました',
  summary: '{files} 件',
  fileName: '{kind}_{id}.{ext}',
  link: 'ファイル（{n}件）',
});

export const fm = (key: Parameters<typeof fileMessages>[1], params?: Params) => fileMessages('ja', key, params);
