/** The campaign module's API paths for the OpenAPI 3.1 document (merged in src/modules/openapi.ts). */
type PathItem = Record<string, unknown>;

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
const str = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'string', description, ...extra });
const date = (description: string) => str(description, { format: 'date' });

const ApplicationInput = {
  type: 'object',
  required: ['facility', 'operator', 'license', 'bankAccount', 'agreeToTerms'],
  properties: {
    facility: {
      type: 'object',
      required: ['name', 'nameKana', 'type', 'postalCode', 'address', 'ward', 'phone'],
      properties: {
        name: str('施設名'),
        nameKana: str('施設名のフリガナ（ひらがな・半角カナも可、全角カタカナに変換）'),
        type: { type: 'string', enum: ['hotel', 'ryokan', 'simple', 'other'] },
        postalCode: str('郵便番号 980-0811 または 9800811'),
        address: str('所在地'),
        ward: { type: 'string', enum: ['青葉区', '宮城野区', '若林区', '太白区', '泉区'] },
        phone: str('電話番号'),
        url: str('ウェブサイト (http/https)'),
        rooms: { type: ['integer', 'null'], minimum: 1, maximum: 10000 },
        features: { type: 'array', items: { type: 'string' }, description: '設定 facilityFeatures の選択肢から' },
        description: str('紹介文（400文字以内）'),
      },
    },
    operator: {
      type: 'object',
      required: ['corporateName', 'representativeName', 'contactName', 'contactEmail', 'contactPhone'],
      properties: { corporateName: str('事業者名'), representativeName: str('代表者氏名'), contactName: str('担当者氏名'), contactEmail: str('担当者メール', { format: 'email' }), contactPhone: str('担当者電話') },
    },
    license: { type: 'object', required: ['number', 'issuedOn'], properties: { number: str('旅館業許可番号'), issuedOn: date('許可年月日') } },
    bankAccount: {
      type: 'object',
      required: ['bankCode', 'branchCode', 'accountType', 'accountNumber', 'accountHolderKana'],
      properties: {
        bankCode: str('金融機関コード（4桁）', { pattern: '^[0-9]{4}$' }),
        branchCode: str('支店コード（3桁）', { pattern: '^[0-9]{3}$' }),
        accountType: { type: 'string', enum: ['ordinary', 'checking'] },
        accountNumber: str('口座番号（7桁）', { pattern: '^[0-9]{7}$' }),
        accountHolderKana: str('口座名義（カナ、全銀で使える文字のみ。半角カナで保存）'),
      },
    },
    agreeToTerms: { type: 'boolean', const: true },
  },
};

const Application = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    number: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['submitted', 'returned', 'escalated', 'answered', 'approved', 'rejected'] },
    channel: { type: 'string', enum: ['web', 'api', 'staff'] },
    facility: { type: 'object' },
    license: { type: 'object' },
    submittedAt: { type: ['string', 'null'], format: 'date-time' },
    decidedAt: { type: ['string', 'null'], format: 'date-time' },
    reason: { type: ['string', 'null'] },
    cityQuestion: { type: ['string', 'null'] },
    cityAnswer: { type: ['string', 'null'] },
    cityRecommendation: { type: ['string', 'null'], enum: ['approve', 'reject', 'return', null] },
    facilityId: { type: ['integer', 'null'] },
    registrationNumber: { type: ['string', 'null'] },
    registeredOn: { type: ['string', 'null'], format: 'date' },
  },
};

export const CAMPAIGN_PATHS: Record<string, PathItem> = {
  '/programs/{slug}/applications': {
    post: {
      summary: '参加申請（完全な申請を一度に提出）',
      description: '匿名で呼べます（ウェブの申請フォームと同じ）。事業の operator/admin のトークンで呼ぶと代行申請（channel: staff）。添付書類は受け付けません（審査で差し戻して事業者ページから提出）。ほかの申請と同じ旅館業許可番号でも受け付け、審査画面で重複の可能性として示します（その番号で登録できる施設は一つだけで、二つ目の承認は 409）。',
      parameters: [slug],
      requestBody: { required: true, content: { 'application/json': { schema: ApplicationInput } } },
      responses: {
        201: { description: '受付', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer' }, number: { type: 'string' }, status: { const: 'submitted' } } } } } },
        404: problem('事業がない'),
        409: problem('受付期間外 (code: window-closed)'),
        422: problem('入力誤り。errors[].field はドット区切りのパス（例 bankAccount.accountNumber）'),
      },
    },
    get: {
      summary: '参加申請の一覧（個人情報・口座情報は含まない）',
      security: [{ bearer: [] }],
      parameters: [slug, { name: 'status', in: 'query', schema: { type: 'string' }, description: 'カンマ区切りの状態' }],
      responses: { 200: { description: '一覧', content: { 'application/json': { schema: { type: 'object', properties: { applications: { type: 'array', items: Application } } } } } }, 401: problem('未認証'), 403: problem('権限なし'), 404: problem('事業がない') },
    },
  },
  '/applications/{id}/decisions': {
    post: {
      summary: '審査の判断',
      description:
        'operator/admin: approve（登録）、reject（理由必須）、return（修正依頼、理由必須）、escalate（発注者への照会、reason に照会内容）。city: 照会中の申請に回答する。decision "answer"（reason に回答、任意で recommendation）または "approve"/"reject"/"return"（その推奨を添えた回答として扱う）。回答後は状態 answered となり、operator が最終判断する。',
      security: [{ bearer: [] }],
      parameters: [id],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { type: 'object', required: ['decision'], properties: { decision: { type: 'string', enum: ['approve', 'reject', 'return', 'escalate', 'answer'] }, reason: { type: 'string' }, recommendation: { type: 'string', enum: ['approve', 'reject', 'return'] }, seenStatus: { type: 'string', description: '任意。判断の前に取得した申請の status。その後に状態が変わっていれば 409 conflict で拒否されます' } } } } },
      },
      responses: { 200: { description: '更新後の申請', content: { 'application/json': { schema: Application } } }, 403: problem('この判断をする権限がない'), 404: problem('申請がない'), 409: problem('この状態では判断できない。または承認しようとした申請の旅館業許可番号を、登録済みの別の施設が使っている'), 422: problem('理由がない') },
    },
  },
  '/programs/{slug}/registry.xlsx': {
    get: {
      summary: '参加事業者データ（Excel）',
      description: '口座情報の列は operator/admin にだけ含まれます（city には含まれません）。variant=final で配分額・支払額の列を追加。出力は監査ログに記録されます。',
      security: [{ bearer: [] }],
      parameters: [slug, { name: 'variant', in: 'query', schema: { type: 'string', enum: ['registry', 'final'] } }],
      responses: { 200: { description: 'xlsx', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {} } }, 401: problem('未認証'), 403: problem('権限なし') },
    },
  },
};
