import { createCatalog } from '../i18n/index.js';

/** Titles of each error code, shown on error pages and as problem+json `title`. */
export const errorMessages = createCatalog(
  {
    'validation-failed': '入力内容に誤りがあります',
    'not-found': 'ページが見つかりません',
    forbidden: 'このページを表示する権限がありません',
    'not-on-staff-roster': 'この事業の作業従事者名簿で承認されていないため、個人情報を閲覧・出力できません',
    unauthenticated: 'ログインが必要です',
    'csrf-failed': '送信を受け付けられませんでした。画面を再読み込みしてからもう一度お試しください',
    conflict: '他のデータと矛盾するため処理できません',
    'window-closed': '受付期間外のため処理できません',
    'budget-exhausted': '予算枠が不足しているため処理できません',
    'duplicate-entry': 'すでに受け付けています',
    'rounds-required': '必要な校正回数に達していないため校了にできません（理由を記入すれば可能です）',
    'rule-refused': '要件を満たさないため処理できません',
    'too-many-attempts': '試行回数が多すぎます。しばらく時間をおいてからお試しください',
    'account-locked': 'ログインの失敗が続いたため、一時的にロックしています。しばらく時間をおいてからお試しください',
    'payload-too-large': '送信されたデータが大きすぎます',
    'unsupported-media-type': 'この形式のデータは受け付けていません',
    overloaded: 'ただいまアクセスが集中しています。しばらく時間をおいてから再度アクセスしてください',
    'data-erased': 'この個人情報は消去済みです',
    'bad-request': 'リクエストが正しくありません',
    internal: 'システムエラーが発生しました',
  },
  {
    'validation-failed': 'There is a problem with what you entered',
    'not-found': 'Page not found',
    forbidden: 'You do not have permission to view this page',
    'not-on-staff-roster': 'You are not approved on this program’s staff roster, so you cannot view or export its personal data',
    unauthenticated: 'Please sign in',
    'csrf-failed': 'We could not accept the submission. Reload the page and try again',
    conflict: 'This conflicts with existing data',
    'window-closed': 'Outside the acceptance period',
    'budget-exhausted': 'The budget is exhausted',
    'duplicate-entry': 'This has already been received',
    'rounds-required': 'The required proof rounds have not been held (state a reason to approve anyway)',
    'rule-refused': 'The requirements are not met',
    'too-many-attempts': 'Too many attempts. Please try again later',
    'account-locked': 'Temporarily locked after repeated failed sign-ins. Please try again later',
    'payload-too-large': 'The request is too large',
    'unsupported-media-type': 'This format is not accepted',
    overloaded: 'We are receiving a very large number of requests. Please try again in a little while',
    'data-erased': 'This personal data has been erased',
    'bad-request': 'Bad request',
    internal: 'A system error occurred',
  },
);

/** Texts of the form kit (form-action.ts): what a person sees when a form is refused or replayed. */
export const formKitMessages = createCatalog(
  {
    alreadyDone: 'この送信はすでに受け付けています（二重送信のため、もう一度は処理していません）。',
    'validation-failed': '入力内容を確認してください',
    conflict: 'ほかの操作で内容が変わったため、処理しませんでした。最新の内容を確認してから、もう一度操作してください',
    'window-closed': '受付期間外のため処理できません',
    'budget-exhausted': '予算枠が不足しているため処理できません',
    'duplicate-entry': 'すでに受け付けています',
    'rounds-required': '必要な校正回数に達していないため校了にできません（理由を記入すれば可能です）',
    'rule-refused': '要件を満たさないため処理できません',
    'data-erased': 'この個人情報は消去済みです',
  },
  {
    alreadyDone: 'This was already received (a second submission of the same form was not processed again).',
    'validation-failed': 'Check what you entered',
    conflict: 'Someone else changed this in the meantime, so nothing was done. Check the latest version and try again',
    'window-closed': 'Outside the acceptance period',
    'budget-exhausted': 'The budget is exhausted',
    'duplicate-entry': 'This has already been received',
    'rounds-required': 'The required proof rounds have not been held (state a reason to approve anyway)',
    'rule-refused': 'The requirements are not met',
    'data-erased': 'This personal data has been erased',
  },
);

/** Why a form was refused by the CSRF check (shown on the error page; never an English internal). */
export const csrfMessages = createCatalog(
  {
    foreignOrigin: 'ほかのサイトから送信されたため、受け付けませんでした。このサイトの画面から操作してください。',
    tokenMismatch: '画面を開いてから時間がたったか、別の画面でログインし直したため、送信を受け付けられませんでした。画面を再読み込みしてから、もう一度操作してください。',
  },
  {
    foreignOrigin: 'This was sent from another site, so it was not accepted. Please use this site’s own pages.',
    tokenMismatch: 'The page was open too long or you signed in again elsewhere, so the submission was not accepted. Reload the page and try again.',
  },
);

/**
 * Refusals of a request by the platform before any route (json-body.ts, authenticate.ts, input-guard.ts, app.ts):
 * the problem+json `detail` of the API, which answers in Japanese.
 */
export const requestMessages = createCatalog(
  {
    bodyIncomplete: '本文を最後まで受け取れませんでした',
    jsonInvalid: 'JSON を解析できません',
    bodyNotUtf8: '本文が UTF-8 として正しくありません。文字コードを UTF-8 にして送ってください',
    tokenInvalid: 'API トークンが無効です',
    controlCharacter: '入力に使用できない制御文字（NUL など）が含まれているため、受け付けませんでした。入力内容を確認してから、もう一度お試しください。',
  },
  {
    bodyIncomplete: 'The request body was not received in full',
    jsonInvalid: 'The body is not valid JSON',
    bodyNotUtf8: 'The body is not valid UTF-8. Send it encoded as UTF-8',
    tokenInvalid: 'The API token is not valid',
    controlCharacter: 'The request contains a control character (such as NUL) that cannot be accepted. Check what you entered and try again.',
  },
);

/** Texts of the error pages (error-pages.tsx); public pages fail too, so in Japanese and English. */
export const errorPageMessages = createCatalog(
  {
    siteName: '事務局システム',
    home: 'トップページへ戻る',
    adminHome: '管理画面のホームへ戻る',
    reopen: '元の画面を開き直す',
    notFoundBody: 'お探しのページは移動または削除されたか、URLが間違っている可能性があります。',
    internalBody: 'しばらく時間をおいてから再度お試しください。問題が続く場合は、問い合わせ番号を添えて事務局へご連絡ください。',
    overloadedBody: 'ご迷惑をおかけしています。数分後にもう一度アクセスしてください。このページは自動では更新されません。',
    referenceId: '問い合わせ番号：{id}',
  },
  {
    siteName: 'Secretariat system',
    home: 'Back to the top page',
    adminHome: 'Back to the back office',
    reopen: 'Open the page again',
    notFoundBody: 'The page you are looking for may have been moved or deleted, or the URL may be wrong.',
    internalBody: 'Please try again later. If the problem persists, contact the secretariat with the reference number.',
    overloadedBody: 'We apologise for the inconvenience. Please try again in a few minutes. This page does not refresh by itself.',
    referenceId: 'Reference: {id}',
  },
);

/**
 * The API reference page (/api/v1/docs). Japanese only, on purpose: its readers are the developers
 * of the booking and City systems that call the API, and the operations' own texts (summaries,
 * descriptions, field notes) are written in Japanese in each module's openapi.ts. Identifiers
 * (paths, fields, types, codes) are shown as they are.
 */
export const apiReferenceMessages = createCatalog({
  title: 'API リファレンス',
  intro: 'この API の操作の一覧です。同じ内容を機械で読める形（OpenAPI 3.1）で次の URL から取得できます：',
  base: 'ベース URL：',
  auth: '認証は `Authorization: Bearer <トークン>` ヘッダーで行います。トークンは `jimukyoku token create` またはアカウントページ（/account/tokens）で発行します。',
  errors: 'エラーは RFC 9457 の application/problem+json で返します。`code` が機械向けの種類、`errors` が項目ごとの入力誤りです（後述の「問題の形式」）。',
  contents: '目次',
  untagged: 'その他',
  authLabel: '認証',
  authBearer: '必要（Bearer トークン）',
  authPublic: '不要（トークンを送った場合、無効なら 401）',
  authOptional: '任意（トークンがあると動作が変わる）',
  paramsCaption: '{op}：パラメータ',
  bodyCaption: '{op}：リクエスト本文（{type}）',
  bodyOptional: '本文は省略できます。',
  responses: 'レスポンス',
  responseCaption: '{op}：{status} の本文（{type}）',
  colName: '名前',
  colIn: '場所',
  colType: '型',
  colRequired: '必須',
  colNotes: '説明・制約',
  required: '必須',
  optional: '任意',
  'in.path': 'パス',
  'in.query': 'クエリ',
  'in.header': 'ヘッダー',
  whole: '（本文全体）',
  values: '値：{values}',
  const: '値は {value} のみ',
  length: '{min}〜{max} 文字',
  lengthMax: '{max} 文字まで',
  lengthMin: '{min} 文字以上',
  range: '{min}〜{max}',
  rangeMax: '{max} 以下',
  rangeMin: '{min} 以上',
  pattern: '形式：{pattern}',
  format: '書式：{format}',
  default: '省略時：{value}',
  or: ' または ',
  file: 'ファイル（{type}）',
  common: 'どの操作にもありうる応答',
  commonIntro: '各操作の「レスポンス」に書いたもののほか、次の応答がありえます（本文のない 304 などを除き problem+json）。',
  problem: '問題の形式（application/problem+json）',
  problemCaption: '問題（problem+json）の項目',
  serverOwn: 'この操作は /api/v1 の外、{url} にあります。',
});
