import { VERSION } from '../../version.js';
import { ERROR_CODES } from '../errors/index.js';
import type { Installation } from '../module/installation.js';
import type { OpenApiPaths } from '../module/manifest.js';
import { apiPaths, jsonResponse, problemResponses, type JsonSchema } from './openapi-kit.js';
import { LoginBody, LoginAnswer, MeAnswer } from '../auth/web/api-schemas.js';

const PLATFORM_TAG = ['システム'];

/**
 * Paths of the platform itself: the caller, API sign-in, this document and its reference page.
 * Modules contribute theirs through their manifests (`openapi`).
 */
export const PLATFORM_PATHS: OpenApiPaths = apiPaths({
  'GET /me': {
    summary: '呼び出した利用者とその役割',
    auth: 'bearer',
    tags: PLATFORM_TAG,
    responses: { 200: jsonResponse('呼び出した利用者。program が null の admin はシステム全体の管理者', MeAnswer) },
    problems: { unauthenticated: 'トークンがない、または無効・期限切れ' },
  },
  'POST /login': {
    summary: 'パスワードでのログイン（セッション Cookie を使うクライアント向け）',
    description: '成功するとセッション Cookie を設定します。`secondFactor` が true なら二要素認証（/mfa）が続きます。登録のないアドレスも登録のあるアドレスと同じように数えてロックします。',
    auth: 'public',
    tags: PLATFORM_TAG,
    body: { schema: LoginBody },
    responses: { 200: jsonResponse('ログインした（セッション Cookie を設定）', LoginAnswer) },
    problems: {
      unauthenticated: 'メールアドレスまたはパスワードが違う',
      'validation-failed': 'email または password がない',
      'account-locked': 'このアカウントへの失敗が続いたため一時的にロック中（Retry-After）',
      'too-many-attempts': 'この接続元からの失敗が続いたため一時的にロック中（Retry-After）',
    },
  },
  'GET /openapi.json': {
    summary: 'この API の OpenAPI 3.1 文書',
    description: 'インストールされたすべてのモジュールの `/api/v1` の操作を、各ルートが使う zod スキーマから生成します。',
    auth: 'public',
    tags: PLATFORM_TAG,
    responses: { 200: { description: 'OpenAPI 3.1 文書', content: { 'application/json': { schema: { type: 'object', required: ['openapi', 'info', 'paths'] } } } } },
    problems: {},
  },
  'GET /docs': {
    summary: 'API リファレンス（この文書を読みやすくした HTML ページ）',
    description: '操作ごとのパラメータ、リクエスト本文の項目、レスポンスを一覧にした日本語のページ（JavaScript 不要）。',
    auth: 'public',
    tags: PLATFORM_TAG,
    responses: { 200: { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } },
    problems: {},
  },
});

/** Answers every operation can get, whatever its route does (see app.ts and body-gate.ts). */
const COMMON = {
  BadRequest: problemResponses({ 'bad-request': '制御文字（NUL など）を含むパスやクエリ、JSON でない本文、UTF-8 でない本文' })[400],
  Unauthenticated: problemResponses({ unauthenticated: 'トークンがない、または無効・期限切れ（公開の操作でも、送られたトークンが無効なら 401）' })[401],
  PayloadTooLarge: problemResponses({ 'payload-too-large': '本文が上限（MAX_BODY_BYTES）を超えた' })[413],
  Overloaded: problemResponses({ overloaded: 'アクセス集中またはデータベースの空き待ちが長い（Retry-After の秒数後に再試行）' })[503],
};

const ref = (name: keyof typeof COMMON) => ({ $ref: `#/components/responses/${name}` });

/** Adds the common answers an operation does not describe itself. */
function withCommonAnswers(paths: OpenApiPaths): OpenApiPaths {
  const out: OpenApiPaths = {};
  for (const [path, item] of Object.entries(paths)) {
    out[path] = Object.fromEntries(
      Object.entries(item).map(([key, op]) => {
        if (key === 'servers' || key === 'parameters' || !op || typeof op !== 'object' || !('responses' in op)) return [key, op];
        const o = op as { responses: Record<string, unknown>; requestBody?: unknown };
        const add: Record<string, unknown> = { 400: ref('BadRequest'), 401: ref('Unauthenticated'), 503: ref('Overloaded') };
        if (o.requestBody) add[413] = ref('PayloadTooLarge');
        const responses = { ...o.responses };
        for (const [status, r] of Object.entries(add)) responses[status] ??= r;
        return [key, { ...o, responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))) }];
      }),
    );
  }
  return out;
}

/** The tags the operations name, in the order they first appear. */
function tagsOf(paths: OpenApiPaths): Array<{ name: string }> {
  const names = new Set<string>();
  for (const item of Object.values(paths)) for (const op of Object.values(item)) for (const t of ((op as { tags?: string[] })?.tags ?? [])) names.add(t);
  return [...names].map((name) => ({ name }));
}

function problemSchema(baseUrl: string): JsonSchema {
  return {
    type: 'object',
    description: 'RFC 9457 problem details。`code` が機械向けの種類、`detail` が日本語の説明。',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string', format: 'uri', description: `問題の種類の URI：${baseUrl}/problems/{code}` },
      title: { type: 'string', description: '種類ごとの日本語の見出し' },
      status: { type: 'integer' },
      detail: { type: 'string', description: 'この応答の日本語の説明' },
      instance: { type: 'string', description: 'リクエストのパス' },
      code: { type: 'string', enum: [...Object.keys(ERROR_CODES), 'request-timeout'] },
      requestId: { type: 'string', description: '問い合わせのときに伝える ID（X-Request-Id と同じ）' },
      errors: {
        type: 'array',
        description: '入力誤り（422）のとき、項目ごとの誤り',
        items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string', description: 'ドット区切りのパス（例 bankAccount.accountNumber）' }, message: { type: 'string' }, code: { type: 'string' } } },
      },
    },
  };
}

/** The OpenAPI 3.1 document of the whole API: every installed module's paths. */
export function openApiDocument(modules: Installation, baseUrl: string) {
  const paths = withCommonAnswers(modules.openApiPaths(baseUrl));
  return {
    openapi: '3.1.0',
    info: {
      title: 'jimukyoku API',
      version: VERSION,
      description:
        '事務局システムの API。リクエストとレスポンスは JSON（UTF-8）、エラーは RFC 9457 の application/problem+json で返します。認証は `Authorization: Bearer <トークン>`（`jimukyoku token create` またはアカウントページで発行）。本文が届くまでに REQUEST_TIMEOUT_MS を過ぎると 408 で接続を閉じます。',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    tags: tagsOf(paths),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '`jimukyoku token create` またはアカウントページ（/account/tokens）で発行したトークン' } },
      schemas: { Problem: problemSchema(baseUrl) },
      responses: COMMON,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
