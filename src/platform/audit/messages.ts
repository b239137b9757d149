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

/**
 * The audit anchor's mail to City staff and the `audit` CLI's answers (operators and City staff
 * read Japanese; the English gist follows in parentheses where a script may look for it).
 */
export const auditAnchorMessages = createCatalog({
  mailSubject: '監査ログの控え（{date}）',
  mailText:
    '事務局システムの監査ログの控え（アンカー）をお送りします。\n' +
    '後日、監査ログが書き換えられていないかを確かめるための記録です。このメールを削除せずに保管してください。\n' +
    '個人情報は含まれていません（件数とハッシュ値のみ）。\n\n' +
    'システム: {baseUrl}\n' +
    'インストールID: {installationId}\n' +
    '作成日時: {at}\n' +
    '記録件数: {count} 件（末尾の記録ID {lastId}）\n' +
    '末尾のハッシュ: {head}\n\n' +
    '確かめるときは、下の JSON をファイルに保存し、事務局に次のコマンドの実行を依頼してください。\n' +
    '  jimukyoku audit verify --anchor ファイル名\n' +
    'この控えより前の記録が一件でも書き換え・削除されていれば、コマンドはそれを報告します。\n\n' +
    '{json}\n',
  // audit verify
  verifySummary: '監査ログのハッシュチェーンと封印を検証する。--anchor で控えの時点までの改ざんも検出する (verify the audit trail; --anchor FILE: against a signed anchor)',
  anchorSummary: '監査ログの控え（署名付きアンカー）を今すぐ作成する。--mail で市の担当者にも送る (write a signed audit anchor now)',
  intact: '監査ログは改ざんされていません: {count} 件、うち封印済み {sealed} 件 (audit trail intact: {count} entries)',
  unsealedNote: '封印前の記録が {unsealed} 件あります（記録の直後に封印されます）',
  broken: '監査ログが改ざんされています: 記録ID {badId} — {why} (audit trail BROKEN at entry id {badId} ({reason}); {count} entries before it verified)',
  'why.hash-mismatch': '記録の内容がハッシュと一致しません',
  'why.chain-broken': '直前の記録とのつながりが切れています（削除または並べ替え）',
  'why.entries-missing-at-end': '末尾の記録が削除されています',
  'why.head-mismatch': '末尾の記録がチェーンの先頭情報と一致しません',
  'why.seal-mismatch': '記録が封印の後に書き換えられ、ハッシュが計算し直されています',
  'why.seal-missing': '封印が削除されています',
  'why.sealed-entry-missing': '封印済みの記録が削除されています',
  'why.other-key': '封印が現在のマスターキーのものではありません（別のマスターキーで起動していませんか）',
  anchorUnreadable: '控えのファイル {file} を読み取れません（監査ログの控えの JSON ではありません）',
  anchorBadSignature: '控え {file} の署名が正しくありません。控えが書き換えられたか、このインストールのものではありません',
  anchorOtherKey: '控え {file} は別のマスターキー（鍵ID {keyId}）で署名されています。マスターキーの更新前の控えは署名を確かめられません',
  anchorOtherInstallation: '控え {file} は別のインストール（ID {installationId}）のものです',
  anchorRewritten:
    '控え（{at}、{count} 件、末尾の記録ID {lastId}）の時点までの監査ログが書き換えられています: {detail} (audit trail REWRITTEN before the anchor)',
  anchorDetailCount: '控えの件数 {expected} 件に対し、現在は {actual} 件です',
  anchorDetailHead: '末尾のハッシュが控えと一致しません（控え {expected}、再計算 {actual}）',
  anchorDetailSeal: '封印（鍵付きハッシュ）が控えと一致しません',
  anchorHolds: '控え（{at}、{count} 件、末尾の記録ID {lastId}）の時点まで、監査ログは控えと一致します (matches the anchor)',
  anchorWritten: '監査ログの控えを書き出しました: {file}（{count} 件、末尾の記録ID {lastId}）',
  anchorMailed: '市の担当者 {n} 人にメールを送ります',
  anchorSealStopped: '記録ID {badId} 以降は封印できませんでした（改ざんの疑い）。控えはその直前までを記録しています。audit verify を実行してください',
  resealed: '監査ログを新しいマスターキーで封印し直しました（{count} 件）',
  resealRefused: '監査ログの検証に失敗したため、新しいマスターキーでの封印をしていません（記録ID {badId}）。audit verify を実行してください',
});

export type AuditAnchorMessageKey = Parameters<typeof auditAnchorMessages>[1];

/** Japanese text of an anchor / audit CLI key. */
export const aam = (key: AuditAnchorMessageKey, params?: Params) => auditAnchorMessages('ja', key, params);
