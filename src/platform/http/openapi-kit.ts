import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors/index.js';
import { idSchema } from '../ids.js';
import { slugSchema } from '../programs/validators.js';
import type { OpenApiPaths } from '../module/manifest.js';

/**
 * The module kit's side of the OpenAPI document: every module describes its `/api/v1` routes with
 * `apiPaths()`, giving the same zod schemas its routes parse (requests) and type their answers
 * with (responses); the JSON Schema is generated from them, never written by hand. The document
 * is assembled in ./openapi.ts; test/platform/openapi.test.ts fails for a route it lacks.
 */

export type JsonSchema = Record<string, unknown>;

/** Extra words for a generated field, by dotted path (`facility.url`, `items[].name`). */
export type FieldNotes = Record<string, JsonSchema>;

/** Whether a field's schema takes a missing value (a default, a preprocess that fills it in). */
function acceptsMissing(schema: unknown): boolean {
  try {
    return (schema as z.ZodType).safeParse(undefined).success;
  } catch {
    return false;
  }
}

/**
 * JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of what a zod schema accepts (`input`,
 * for request bodies and parameters) or gives (`output`, for responses). In input mode a field
 * whose schema takes a missing value is not required, even where zod cannot tell (a preprocess
 * that turns a missing value into '' or []). `fields` adds what zod cannot say (a format, words)
 * to the field at each dotted path; a path that names no field throws, so a renamed field cannot
 * leave a stale note behind.
 */
export function jsonSchemaOf(schema: z.ZodType, opts: { io?: 'input' | 'output'; fields?: FieldNotes } = {}): JsonSchema {
  const io = opts.io ?? 'input';
  const json = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override(ctx) {
      const def = (ctx.zodSchema as { _zod: { def: { type: string; shape?: Record<string, unknown> } } })._zod.def;
      const required = (ctx.jsonSchema as { required?: string[] }).required;
      if (io !== 'input' || def.type !== 'object' || !def.shape || !required) return;
      const still = required.filter((k) => !acceptsMissing(def.shape![k]));
      if (still.length) (ctx.jsonSchema as { required?: string[] }).required = still;
      else delete (ctx.jsonSchema as { required?: string[] }).required;
    },
  }) as JsonSchema;
  delete json.$schema;
  tidy(json, io);
  for (const [path, note] of Object.entries(opts.fields ?? {})) Object.assign(fieldAt(json, path), note);
  return json;
}

/**
 * What zod writes that says nothing to a reader: the safe-integer bounds of every `.int()`, and,
 * in an answer, `additionalProperties: false` (answers gain fields over time; clients must let
 * them). `anyOf: [{ type: 'string' }, { type: 'null' }]`, as zod writes a nullable, becomes the
 * shorter `type: ['string', 'null']` that people (and the reference page) read at a glance.
 */
function tidy(node: unknown, io: 'input' | 'output'): void {
  if (!node || typeof node !== 'object') return;
  for (const v of Object.values(node)) tidy(v, io);
  const n = node as JsonSchema;
  if (n.type === 'integer' && n.minimum === Number.MIN_SAFE_INTEGER) delete n.minimum;
  if (n.type === 'integer' && n.maximum === Number.MAX_SAFE_INTEGER) delete n.maximum;
  if (io === 'output' && n.type === 'object' && n.additionalProperties === false) delete n.additionalProperties;
  const any = n.anyOf as JsonSchema[] | undefined;
  if (!Array.isArray(any) || any.length !== 2) return;
  const nul = any.findIndex((s) => s.type === 'null' && Object.keys(s).length === 1);
  const other = any[1 - nul];
  if (nul < 0 || !other || typeof other.type !== 'string' || 'const' in other) return;
  delete n.anyOf;
  Object.assign(n, { ...other, ...n, type: [other.type, 'null'] });
  if (Array.isArray(other.enum)) n.enum = [...other.enum, null];
}

function fieldAt(root: JsonSchema, path: string): JsonSchema {
  let at: JsonSchema | undefined = root;
  for (const part of path.split('.')) {
    const array = part.endsWith('[]');
    const name = array ? part.slice(0, -2) : part;
    at = (at?.properties as Record<string, JsonSchema> | undefined)?.[name];
    if (at && array) at = at.items as JsonSchema | undefined;
    if (!at) throw new Error(`OpenAPI field note "${path}": no such field in the schema`);
  }
  return at;
}

type Schemaish = z.ZodType | JsonSchema;
const toJson = (s: Schemaish, io: 'input' | 'output', fields?: FieldNotes): JsonSchema => (s instanceof z.ZodType ? jsonSchemaOf(s, { io, fields }) : s);

/** A JSON response of the shape a zod schema gives. */
export function jsonResponse(description: string, schema: Schemaish, opts: { fields?: FieldNotes; headers?: Record<string, JsonSchema> } = {}) {
  return {
    description,
    ...(opts.headers ? { headers: opts.headers } : {}),
    content: { 'application/json': { schema: toJson(schema, 'output', opts.fields) } },
  };
}

/** A file (xlsx, CSV, PDF…) answered as it is. */
export function fileResponse(description: string, mediaType: string) {
  return { description, content: { [mediaType]: { schema: { type: 'string', contentMediaType: mediaType } } } };
}

export const PROBLEM_REF = '#/components/schemas/Problem';

/**
 * The problem+json answers of an operation, by error code (the closed set of
 * src/platform/errors), each with what it means on this route. Codes of one status share a
 * response; its schema names the codes that status carries here.
 */
export function problemResponses(codes: Partial<Record<ErrorCode, string>>): Record<string, unknown> {
  const byStatus = new Map<number, Array<[ErrorCode, string]>>();
  for (const [code, text] of Object.entries(codes) as Array<[ErrorCode, string]>) {
    const status = ERROR_CODES[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), [code, text]]);
  }
  const out: Record<string, unknown> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    out[status] = {
      description: list.map(([code, text]) => `\`${code}\`: ${text}`).join('\n'),
      content: {
        'application/problem+json': {
          schema: { allOf: [{ $ref: PROBLEM_REF }, { type: 'object', properties: { code: { enum: list.map(([code]) => code) } } }] },
        },
      },
    };
  }
  return out;
}

/** Who may call: `public` (anyone; a token, if sent, must be valid), `bearer` (a token), `optional` (public, a token changes what it does). */
export type ApiAuth = 'public' | 'bearer' | 'optional';

export interface ApiOperation {
  summary: string;
  description?: string;
  auth: ApiAuth;
  /** Path parameters other than the platform's (`slug`, `id`), or other words for those. */
  params?: Record<string, string | { description: string; schema: Schemaish }>;
  /** Query parameters: a zod object (each field one parameter) or hand-made parameter objects. */
  query?: z.ZodObject | JsonSchema[];
  queryFields?: FieldNotes;
  /** Request headers (If-None-Match…), as OpenAPI parameter objects. */
  headers?: JsonSchema[];
  body?: { schema: Schemaish; fields?: FieldNotes; description?: string; required?: boolean };
  /** Answers other than problems (200, 201, 304…). */
  responses: Record<number, unknown>;
  /** The problems this route answers with (codes of src/platform/errors). */
  problems: Partial<Record<ErrorCode, string>>;
  /** Where the path lives when it is not under `/api/v1` (the open data files of the public site). */
  servers?: Array<{ url: string; description?: string }>;
  tags?: string[];
}

/** The platform's path parameters: every `{slug}` and `{id}` means the same thing everywhere. */
const PLATFORM_PARAMS: Record<string, { description: string; schema: JsonSchema }> = {
  slug: { description: '事業（program）の slug', schema: jsonSchemaOf(slugSchema) },
  // An id no record can have is 404 before any query (platform/ids.ts).
  id: { description: 'レコードの ID', schema: jsonSchemaOf(idSchema('id')) },
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

function pathParameters(path: string, own: ApiOperation['params'] = {}): JsonSchema[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
    const mine = own[name!];
    const base = PLATFORM_PARAMS[name!];
    if (!mine && !base) throw new Error(`OpenAPI: path parameter {${name}} of ${path} needs a description (params)`);
    const description = typeof mine === 'string' ? mine : (mine?.description ?? base!.description);
    const schema = mine && typeof mine !== 'string' ? toJson(mine.schema, 'input') : base!.schema;
    return { name, in: 'path', required: true, description, schema };
  });
}

function queryParameters(query: ApiOperation['query'], fields?: FieldNotes): JsonSchema[] {
  if (!query) return [];
  if (Array.isArray(query)) return query;
  const json = jsonSchemaOf(query, { io: 'input', fields });
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(json.properties as Record<string, JsonSchema>).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: rest, ...(rest.type === 'array' ? { style: 'form', explode: true } : {}) };
  });
}

/**
 * A module's API paths, keyed like its route-access table: `'POST /programs/{slug}/claims'`
 * (below `/api/v1`, `{param}` for Hono's `:param`). Path parameters come from the path.
 */
export function apiPaths(operations: Record<string, ApiOperation>): OpenApiPaths {
  const paths: OpenApiPaths = {};
  for (const [key, op] of Object.entries(operations)) {
    const [method, path] = key.split(' ') as [string, string];
    const verb = method.toLowerCase() as (typeof METHODS)[number];
    if (!METHODS.includes(verb) || !path?.startsWith('/')) throw new Error(`OpenAPI: "${key}" is not "METHOD /path"`);
    const item = (paths[path] ??= {});
    if (item[verb]) throw new Error(`OpenAPI: "${key}" is described twice`);
    if (op.servers) item.servers = op.servers;
    const parameters = [...pathParameters(path, op.params), ...queryParameters(op.query, op.queryFields), ...(op.headers ?? [])];
    item[verb] = {
      operationId: operationId(verb, path),
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.tags ? { tags: op.tags } : {}),
      security: op.auth === 'bearer' ? [{ bearer: [] }] : [{}, { bearer: [] }],
      ...(op.auth === 'optional' ? { 'x-auth': 'optional' } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: op.body.required ?? true,
              ...(op.body.description ? { description: op.body.description } : {}),
              content: { 'application/json': { schema: toJson(op.body.schema, 'input', op.body.fields) } },
            },
          }
        : {}),
      responses: { ...Object.fromEntries(Object.entries(op.responses).map(([s, r]) => [String(s), r])), ...problemResponses(op.problems) },
    };
  }
  return paths;
}

/**
 * A module's API paths, built the first time the document is asked for (then kept, one set per
 * base URL). Building them runs the schemas, which may use constants of the module's schema.ts:
 * drizzle-kit loads schema.ts files first, and one may reach a module's manifest before those
 * constants exist, so nothing is built while the files load.
 */
export function lazyApiPaths(build: (baseUrl: string) => Record<string, ApiOperation>): (baseUrl: string) => OpenApiPaths {
  const built = new Map<string, OpenApiPaths>();
  return (baseUrl) => {
    let paths = built.get(baseUrl);
    if (!paths) built.set(baseUrl, (paths = apiPaths(build(baseUrl))));
    return paths;
  };
}

/** `post /programs/{slug}/claims` → `postProgramsSlugClaims`: stable, unique per method and path. */
export function operationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
