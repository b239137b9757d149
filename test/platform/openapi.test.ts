import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApp } from '../../src/app.js';
import { ERROR_CODES } from '../../src/platform/errors/index.js';
import { schemaRows } from '../../src/platform/http/api-reference-rows.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';

type Json = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

/** Hono's `/programs/:slug/x` (and `:id{[0-9]+}`) as OpenAPI writes it: `/programs/{slug}/x`. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

/** Every operation of the document, as `METHOD /path` with the operation. */
function operations(doc: Json): Array<[string, Json]> {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m): [string, Json] => [`${m.toUpperCase()} ${path}`, item[m]]));
}

/** Every value of `key` anywhere in `node`, with where it is. */
function* walk(node: unknown, at = '#'): Generator<[string, Json]> {
  if (!node || typeof node !== 'object') return;
  yield [at, node as Json];
  for (const [k, v] of Object.entries(node)) yield* walk(v, `${at}/${k}`);
}

function resolve(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((at, p) => (at && typeof at === 'object' ? (at as Json)[p] : undefined), doc);
}

describe('OpenAPI document', () => {
  let env: TestEnv;
  let app: ReturnType<typeof createApp>;
  let doc: Json;
  before(async () => {
    env = await createTestEnv();
    app = createApp(env.deps);
    const res = await app.request('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    doc = (await res.json()) as Json;
  });
  after(() => env.close());

  /** The app's registered `/api/v1` routes, as the document would name them. */
  function apiRoutes(): string[] {
    const keys = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${openApiPath(r.path.replace(/^\/api\/v1(?=\/)/, ''))}`);
    return [...new Set(keys)].sort();
  }

  test('every registered /api/v1 route is in the document, and the document names no route that does not exist', () => {
    const routes = apiRoutes();
    assert.ok(routes.length >= 15, `only ${routes.length} API routes found`);
    assert.ok(
      routes.every((k) => !k.includes(' /api/')),
      'every API route is under /api/v1',
    );
    const documented = new Set(operations(doc).map(([k]) => k));
    const missing = routes.filter((k) => !documented.has(k));
    assert.deepEqual(missing, [], "describe these routes in their module's openapi.ts (apiPaths)");
    // Paths with their own `servers` live outside /api/v1 (the public site's open data files).
    const own = new Set(Object.entries(doc.paths as Json).filter(([, item]) => item.servers).map(([p]) => p));
    const stale = operations(doc)
      .map(([k]) => k)
      .filter((k) => !own.has(k.split(' ')[1]!) && !routes.includes(k));
    assert.deepEqual(stale, [], 'the document describes routes that are not registered');
  });

  test('is a valid OpenAPI 3.1 document whose every $ref resolves', async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    assert.deepEqual(result.errors, undefined);
    assert.equal(result.valid, true);
    assert.equal(doc.openapi, '3.1.0');
    const unresolved = [...walk(doc)].filter(([, n]) => typeof n.$ref === 'string' && resolve(doc, n.$ref) === undefined).map(([at, n]) => `${at}: ${n.$ref}`);
    assert.deepEqual(unresolved, []);
  });

  test('every operation has an id, a summary, its path parameters, a success answer and problem+json answers', () => {
    const failures: string[] = [];
    const ids = new Set<string>();
    for (const [key, op] of operations(doc)) {
      const path = key.split(' ')[1]!;
      if (!op.operationId || ids.has(op.operationId)) failures.push(`${key}: operationId missing or repeated`);
      ids.add(op.operationId);
      if (!op.summary) failures.push(`${key}: no summary`);
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((p: Json) => p.in === 'path');
      assert.deepEqual(declared.map((p: Json) => p.name).sort(), inPath, `${key}: path parameters`);
      if (declared.some((p: Json) => p.required !== true || !p.schema)) failures.push(`${key}: a path parameter is not required or has no schema`);
      const statuses = Object.keys(op.responses ?? {});
      if (!statuses.some((s) => /^[23]\d\d$/.test(s))) failures.push(`${key}: no success answer`);
      for (const s of statuses.filter((s) => /^[45]\d\d$/.test(s))) {
        const r = op.responses[s].$ref ? resolve(doc, op.responses[s].$ref) : op.responses[s];
        const schema = (r as Json)?.content?.['application/problem+json']?.schema;
        if (!schema) {
          failures.push(`${key} ${s}: not problem+json`);
          continue;
        }
        const codes: string[] = schema.allOf?.[1]?.properties?.code?.enum ?? [];
        if (!codes.length || codes.some((c) => String(ERROR_CODES[c as keyof typeof ERROR_CODES]) !== s)) failures.push(`${key} ${s}: codes ${codes.join(',')} do not answer ${s}`);
      }
      for (const s of ['400', '503']) if (!statuses.includes(s)) failures.push(`${key}: no ${s}`);
      if (op.requestBody && !statuses.includes('413')) failures.push(`${key}: a body but no 413`);
      const bearer = op.security?.length === 1 && op.security[0].bearer;
      if (bearer && !statuses.includes('401')) failures.push(`${key}: needs a token but no 401`);
      if (op.requestBody && !op.requestBody.content?.['application/json']?.schema?.properties) failures.push(`${key}: a body without fields`);
    }
    assert.deepEqual(failures, []);
  });

  test('every schema uses JSON Schema types only', () => {
    const bad = [...walk(doc.paths)]
      // A `properties` map may have a field named `type`: its value is a schema, not a type.
      .filter(([, n]) => typeof n.type === 'string' || Array.isArray(n.type))
      .filter(([, n]) => ![n.type].flat().every((t) => typeof t === 'string' && JSON_TYPES.has(t)))
      .map(([at, n]) => `${at}: ${JSON.stringify(n.type)}`);
    assert.deepEqual(bad, []);
  });

  test('the reference page lists every operation with its parameters, body fields and answers, without script', async () => {
    const res = await app.request('/api/v1/docs');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const html = await res.text();
    assert.match(html, /<html lang="ja">/);
    assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/, 'no inline script');
    assert.doesNotMatch(html, /https?:\/\/(?!localhost)[^"'\s<]*\.(js|css)\b/, 'no external script or style');
    const text = html.replace(/&#123;|&#x7b;/gi, '{').replace(/&#125;|&#x7d;/gi, '}');
    const missing: string[] = [];
    for (const [key, op] of operations(doc)) {
      const [method, path] = key.split(' ');
      if (!text.includes(`id="${op.operationId}"`) || !text.includes(`${method} ${path}`)) missing.push(`${key}: no section`);
      for (const p of op.parameters ?? []) if (!text.includes(`<code>${p.name}</code>`)) missing.push(`${key}: parameter ${p.name}`);
      const body = op.requestBody?.content?.['application/json']?.schema;
      for (const row of schemaRows(doc, body)) if (!text.includes(`<code>${row.name}</code>`)) missing.push(`${key}: body field ${row.name}`);
      for (const status of Object.keys(op.responses)) if (!text.includes(`<code>${status}</code>`)) missing.push(`${key}: answer ${status}`);
    }
    assert.deepEqual(missing, []);
    assert.ok(text.includes('<code>facility.nameKana</code>') || !doc.paths['/programs/{slug}/applications'], 'nested fields by dotted path');
  });
});
