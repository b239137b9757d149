import { createCatalog, type Params } from '../i18n/index.js';

/** Texts of the audit log page and its export (back office: Japanese only). */
export const auditMessages = createCatalog({
  title: '監査ログ',
  // search form
  searchLabel: '監査ログの検索',
  searchActorEmail: '操作者のメールアドレス',
  searchActorEmailHint: 'ログインしたユーザーの操作を探します',
  searchActor: '操作者（記録上の名前）',
  searchActorHint: '例：user:12、cli:root、anonymous',
  searchAction: '操作',
  searchActionHint: '前方一致。例：platform.auth',
  searchTargetType: '対象種別',
  searchTargetId: '対象ID',
  searchFrom: '期間（開始日）',
  searchTo: '期間（終了日）',
  searchButton: '検索する',
  // download links
  downloadXlsx: '検索結果を Excel でダウンロード',
  downloadSeparator: ' ／ ',
  downloadCsv: 'CSV でダウンロード',
  // result table
  tableCaption: '監査ログ（{count}件）',
  colId: 'ID',
  colAt: '日時',
  colActor: '操作者',
  colAction: '操作',
  colTarget: '対象',
  colIp: 'IP',
  actorWithRole: '{actor}（{role}）',
  noRecords: '該当する記録はありません',
  // export (file name, sheet and column headers)
  exportFileName: '監査ログ_{date}',
  exportSheet: '監査ログ',
  exportId: 'ID',
  exportAt: '日時',
  exportActor: '操作者',
  exportActorEmail: '操作者のメールアドレス',
  exportRole: 'ロール',
  exportProgramId: '事業ID',
  exportAction: '操作',
  exportActionLabel: '操作（説明）',
  exportTargetType: '対象種別',
  exportTargetId: '対象ID',
  exportIp: 'IPアドレス',
  exportRequestId: 'リクエストID',
  exportDiff: '変更内容',
});

export type AuditMessageKey = Parameters<typeof auditMessages>[1];

/** Japanese text of a key. */
export const am = (key: AuditMessageKey, params?: Params) => auditMessages('ja', key, params);
