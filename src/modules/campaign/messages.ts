import { createCatalog } from '../../platform/i18n/index.js';

/**
 * The campaign module's texts. The business pages (application, portal, terms, manual) are
 * Japanese only (see docs/modules/campaign.md); the English entries cover the labels the public
 * facility list shares.
 */
export const campaignMessages = createCatalog({
  // validation
  errRequired: '{label}を入力してください',
  errSelect: '{label}を選択してください',
  errLong: '{label}は{max}文字以内で入力してください',
  errKana: '{label}は全角カタカナで入力してください',
  errPostal: '郵便番号は「980-0811」のように7桁の数字で入力してください',
  errWard: '区は青葉区・宮城野区・若林区・太白区・泉区から選択してください',
  errType: '施設の種別を選択してください',
  errPhone: '{label}は「022-123-4567」のように市外局番から数字とハイフンで入力してください',
  errUrl: 'URL は https:// または http:// で始まる形式で入力してください',
  errRooms: '客室数は1〜10000の整数で入力してください',
  errFeature: '特色は一覧から選択してください',
  errEmail: 'メールアドレスを「name@example.jp」の形式で入力してください',
  errDate: '{label}を YYYY-MM-DD 形式の実在する日付で入力してください',
  errFutureDate: '{label}に未来の日付は指定できません',
  errBankCode: '金融機関コードは4桁の数字で入力してください',
  errBranchCode: '支店コードは3桁の数字で入力してください',
  errAccountType: '口座種別（普通・当座）を選択してください',
  errAccountNumber: '口座番号は7桁の数字で入力してください（7桁未満の場合は先頭に0を付けてください）',
  errHolderKana: '口座名義はカナで入力してください。使用できない文字「{char}」が含まれています',
  errHolderEmpty: '口座名義（カナ）を入力してください',
  errHolderLong: '口座名義は30文字以内で入力してください',
  errAgree: '募集要項に同意してください',
  errLicenseDuplicate: 'この旅館業許可番号の申請はすでに受け付けています',
  errFileRequired: '{label}を添付してください',
  errFileType: '{label}は PDF・JPEG・PNG のファイルを添付してください（ファイルの中身が PDF・JPEG・PNG ではありません）',
  errFileSize: '{label}は{max}MB以下のファイルを添付してください',
  errFileEmpty: '{label}のファイルが空です',
  errReasonRequired: '理由を入力してください',
  errQuestionRequired: '発注者への照会内容を入力してください',
  errAnswerRequired: '回答を入力してください',
  errClosesBeforeOpens: '受付終了日は受付開始日以降の日付にしてください',
  errEndsBeforeStarts: 'キャンペーン終了日はキャンペーン開始日以降の日付にしてください',
  errClosesAfterCampaign: '受付終了日はキャンペーン開始日より前の日付にしてください（キャンペーン開始後は申請を受け付けません）',
  errDateCannotClear: '{label}は消去できません。YYYY-MM-DD 形式の日付を入力してください',
  // labels
  'facility.name': '施設名',
  'facility.nameKana': '施設名（フリガナ）',
  'facility.type': '施設の種別',
  'facility.postalCode': '郵便番号',
  'facility.address': '所在地',
  'facility.ward': '区',
  'facility.phone': '施設の電話番号',
  'facility.url': '施設のウェブサイト',
  'facility.rooms': '客室数',
  'facility.features': '施設の特色',
  'facility.description': '施設の紹介文',
  'operator.corporateName': '事業者名（法人名または屋号）',
  'operator.representativeName': '代表者氏名',
  'operator.contactName': '担当者氏名',
  'operator.contactEmail': '担当者のメールアドレス',
  'operator.contactPhone': '担当者の電話番号',
  'license.number': '旅館業許可番号',
  'license.issuedOn': '旅館業許可年月日',
  'bankAccount.bankCode': '金融機関コード',
  'bankAccount.branchCode': '支店コード',
  'bankAccount.accountType': '口座種別',
  'bankAccount.accountNumber': '口座番号',
  'bankAccount.accountHolderKana': '口座名義（カナ）',
  agreeToTerms: '募集要項に同意する',
  licenseFile: '旅館業許可証の写し',
  photoFile: '施設の写真',
  'setting.applicationOpens': '申請の受付開始日',
  'setting.applicationCloses': '申請の受付終了日',
  'setting.campaignStarts': 'キャンペーン開始日',
  'setting.campaignEnds': 'キャンペーン終了日',
  'setting.registryDeadline': '参加事業者データの納品期限（発注者指定）',
  'setting.termsText': '募集要項',
  'setting.manualText': '参加事業者マニュアル',
  'setting.requiredAttachments': '申請に必須の添付書類',
  'setting.facilityFeatures': '施設の特色の選択肢',
  // enumerations
  'type.hotel': 'ホテル',
  'type.ryokan': '旅館',
  'type.simple': '簡易宿所',
  'type.other': 'その他',
  'accountType.ordinary': '普通',
  'accountType.checking': '当座',
  'status.draft': '下書き',
  'status.submitted': '審査中',
  'status.returned': '差し戻し（修正待ち）',
  'status.escalated': '発注者に照会中',
  'status.answered': '発注者回答済み',
  'status.approved': '参加決定',
  'status.rejected': '不承認',
  'channel.web': 'ウェブ',
  'channel.api': 'API',
  'channel.staff': '事務局代行',
  // window
  windowNotConfigured: '参加申請の受付期間はまだ決まっていません',
  windowNotYet: '参加申請の受付は {date} から始まります',
  windowClosed: '参加申請の受付は終了しました',
  windowCampaignStarted: 'キャンペーンが始まったため、新規の参加申請は受け付けていません',
  windowOpen: '参加申請の受付期間：{opens}〜{closes}',
  // mails
  receiptSubject: '【仙台市宿泊促進キャンペーン】参加申請を受け付けました',
  receiptBody:
    '{contact} 様\n\n参加申請を受け付けました。\n\n申請番号：{number}\n施設名：{facility}\n\n審査の結果は、このメールアドレスにお知らせします。\n\n仙台市宿泊促進キャンペーン事務局',
  returnedSubject: '【仙台市宿泊促進キャンペーン】参加申請の修正のお願い',
  returnedBody:
    '{contact} 様\n\n申請番号 {number} の参加申請について、次の点の修正をお願いします。\n\n{reason}\n\n次のページにログインして申請内容を修正し、再度提出してください。\n{link}\n\n仙台市宿泊促進キャンペーン事務局',
  rejectedSubject: '【仙台市宿泊促進キャンペーン】参加申請の審査結果',
  rejectedBody:
    '{contact} 様\n\n申請番号 {number} の参加申請は、審査の結果、参加をお断りすることとなりました。\n\n理由：\n{reason}\n\n仙台市宿泊促進キャンペーン事務局',
  approvedSubject: '【仙台市宿泊促進キャンペーン】参加登録のお知らせ',
  approvedBody:
    '{contact} 様\n\n申請番号 {number} の参加申請を承認し、参加事業者として登録しました。\n\n登録番号：{registrationNumber}\n登録日：{registeredOn}（この日以降に予約・販売された宿泊が割引の対象です）\n\n事業者ページ：{link}\n\n仙台市宿泊促進キャンペーン事務局',
  escalatedSubject: '【仙台市宿泊促進キャンペーン】参加申請の審査状況',
  escalatedBody:
    '{contact} 様\n\n申請番号 {number} の参加申請は、審査のため仙台市に確認を行っています。結果が出るまで今しばらくお待ちください。\n\n仙台市宿泊促進キャンペーン事務局',
  profileApprovedSubject: '【仙台市宿泊促進キャンペーン】掲載情報の変更を反映しました',
  profileApprovedBody:
    '施設「{facility}」の掲載情報の変更を確認し、キャンペーンサイトに反映しました。\n\n事務局からの連絡：{reason}\n\n仙台市宿泊促進キャンペーン事務局',
  profileRejectedSubject: '【仙台市宿泊促進キャンペーン】掲載情報の変更について',
  profileRejectedBody:
    '施設「{facility}」の掲載情報の変更は、次の理由により反映しませんでした。掲載内容は変更前のままです。\n\n理由：\n{reason}\n\n事業者ページから、内容を改めて申請できます。\n\n仙台市宿泊促進キャンペーン事務局',
  accountExistsSubject: '【仙台市宿泊促進キャンペーン】アカウントのご案内',
  accountExistsBody:
    'このメールアドレスのアカウントはすでに登録されています。次のページからログインしてください。\n{link}\n\nパスワードをお忘れの場合：{forgot}\n\n仙台市宿泊促進キャンペーン事務局',
});

export type CampaignMessageKey = Parameters<typeof campaignMessages>[1];

/** Japanese text of a key (the business pages and mails are Japanese only). */
export const cm = (key: CampaignMessageKey, params?: Record<string, string | number>) => campaignMessages('ja', key, params);
