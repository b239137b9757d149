import type { Child } from 'hono/jsx';
import { PublicLayout, Table } from '../../ui/index.js';
import { ERROR_CODES, type ErrorCode } from '../errors/index.js';
import type { AppContext } from './env.js';
import { apiReferenceMessages, errorPageMessages } from './messages.js';
import { deref, parameterRows, schemaRows, type FieldRow, type ParamRow } from './api-reference-rows.js';
import { sendPage } from './respond.js';
import { isDemoInstallation } from '../programs/demo-flag.js';

/**
 * The reference page of the OpenAPI document (`GET /api/v1/docs`): every operation with its
 * parameters, request body fields and answers, rendered on the server from the same document
 * `/api/v1/openapi.json` serves, with the design system's tables. No script, no external asset.
 */

type Doc = Record<string, any>;
const t = (key: Parameters<typeof apiReferenceMessages>[1], params?: Record<string, string | number>) => apiReferenceMessages('ja', key, params);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Text with `code` spans written between backticks, as the document's descriptions use them. */
function Text({ text }: { text: string }) {
  return <>{String(text).split('`').map((part, i) => (i % 2 ? <code>{part}</code> : part))}</>;
}

/** A description of several lines: one paragraph per line. */
function Paragraphs({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <>
      {text.split('\n').map((line) => (
        <p>
          <Text text={line} />
        </p>
      ))}
    </>
  );
}

const FIELD_COLUMNS = [
  { key: 'name', header: t('colName'), rowHeader: true },
  { key: 'type', header: t('colType') },
  { key: 'required', header: t('colRequired') },
  { key: 'notes', header: t('colNotes') },
];

function fieldCells(r: FieldRow): Record<string, Child> {
  return {
    name: <code>{r.name}</code>,
    type: <code>{r.type}</code>,
    required: r.required ? t('required') : t('optional'),
    notes: r.notes.length ? (
      <>
        {r.notes.map((n, i) => (
          <>
            {i > 0 && <br />}
            <Text text={n} />
          </>
        ))}
      </>
    ) : (
      ''
    ),
  };
}

function ParamTable({ id, caption, rows }: { id: string; caption: string; rows: ParamRow[] }) {
  const columns = [FIELD_COLUMNS[0]!, { key: 'in', header: t('colIn') }, ...FIELD_COLUMNS.slice(1)];
  return <Table id={id} caption={caption} columns={columns} rows={rows.map((r) => ({ ...fieldCells(r), in: t(`in.${r.in}` as 'in.path') }))} />;
}

interface Operation {
  method: string;
  path: string;
  op: Doc;
  servers?: Array<{ url: string }>;
}

function operationsByTag(doc: Doc): Array<[string, Operation[]]> {
  const byTag = new Map<string, Operation[]>();
  for (const tag of doc.tags ?? []) byTag.set(tag.name, []);
  for (const [path, item] of Object.entries(doc.paths as Record<string, Doc>)) {
    for (const method of METHODS) {
      const op = item[method] as Doc | undefined;
      if (!op) continue;
      const tag = op.tags?.[0] ?? t('untagged');
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ method, path, op, servers: item.servers });
    }
  }
  return [...byTag].filter(([, ops]) => ops.length > 0);
}

function authText(op: Doc): string {
  if (op['x-auth'] === 'optional') return t('authOptional');
  const open = (op.security ?? []).some((s: Doc) => Object.keys(s).length === 0);
  return open ? t('authPublic') : t('authBearer');
}

/** The problem codes a problem+json answer names (its `allOf` narrows `code`). */
function problemCodes(schema: Doc | undefined): string[] {
  return schema?.allOf?.[1]?.properties?.code?.enum ?? [];
}

function Responses({ doc, label, op, id }: { doc: Doc; label: string; op: Doc; id: string }) {
  return (
    <>
      <h4>{t('responses')}</h4>
      <dl class="dads-description-list">
        {Object.entries(op.responses as Record<string, Doc>).map(([status, raw]) => {
          const r = deref(doc, raw) ?? {};
          const [type, media] = Object.entries((r.content ?? {}) as Record<string, Doc>)[0] ?? [];
          const problem = type === 'application/problem+json';
          const rows = !problem && type === 'application/json' ? schemaRows(doc, media?.schema) : [];
          return (
            <div class="dads-description-list__row">
              <dt class="dads-description-list__term">
                <code>{status}</code>
              </dt>
              <dd class="dads-description-list__detail">
                {problem ? (
                  <ul>
                    {String(r.description ?? '')
                      .split('\n')
                      .map((line) => (
                        <li>
                          <Text text={line} />
                        </li>
                      ))}
                  </ul>
                ) : (
                  <Paragraphs text={r.description} />
                )}
                {type && !problem && type !== 'application/json' && <p>{t('file', { type })}</p>}
                {rows.length > 0 && <Table id={`${id}-r${status}`} caption={t('responseCaption', { op: label, status, type: type! })} columns={FIELD_COLUMNS} rows={rows.map(fieldCells)} />}
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}

function OperationSection({ doc, o }: { doc: Doc; o: Operation }) {
  const { op } = o;
  const id = String(op.operationId);
  const label = `${o.method.toUpperCase()} ${o.path}`;
  const params = parameterRows(doc, op.parameters);
  const body = op.requestBody as Doc | undefined;
  const [bodyType, bodyMedia] = Object.entries((body?.content ?? {}) as Record<string, Doc>)[0] ?? [];
  const bodyRows = body ? schemaRows(doc, bodyMedia?.schema) : [];
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        <code id={id}>{label}</code>
        <br />
        {op.summary}
      </h3>
      <Paragraphs text={op.description} />
      {o.servers?.[0] && <p>{t('serverOwn', { url: o.servers[0].url })}</p>}
      <p>
        {t('authLabel')}：{authText(op)}
      </p>
      {params.length > 0 && (
        <ParamTable id={`${id}-p`} caption={t('paramsCaption', { op: label })} rows={params} />
      )}
      {body && (
        <>
          {body.required === false && <p>{t('bodyOptional')}</p>}
          <Table id={`${id}-b`} caption={t('bodyCaption', { op: label, type: bodyType ?? '' })} columns={FIELD_COLUMNS} rows={bodyRows.map(fieldCells)} />
        </>
      )}
      <Responses doc={doc} label={label} op={op} id={id} />
    </section>
  );
}

export async function renderApiReference(c: AppContext, doc: Doc): Promise<Response> {
  const groups = operationsByTag(doc);
  const base = doc.servers?.[0]?.url ?? '';
  const problemRows = schemaRows(doc, doc.components?.schemas?.Problem);
  return sendPage(
    c,
    <PublicLayout locale="ja" title={t('title')} siteName={errorPageMessages('ja', 'siteName')} homeHref="/" demo={await isDemoInstallation(c.get('deps').db)}>
      <p>
        {t('intro')}
        <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      <p>
        {t('base')}
        <code>{base}</code>
      </p>
      <p>
        <Text text={t('auth')} />
      </p>
      <p>
        <Text text={t('errors')} />
      </p>
      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t('contents')}</h2>
        <ul>
          {groups.map(([tag, ops], i) => (
            <li>
              <a href={`#tag-${i + 1}`}>{tag}</a>
              <ul>
                {ops.map((o) => (
                  <li>
                    <a href={`#${o.op.operationId}`}>
                      <code>
                        {o.method.toUpperCase()} {o.path}
                      </code>
                    </a>{' '}
                    {o.op.summary}
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#api-common">{t('common')}</a>
          </li>
          <li>
            <a href="#api-problem">{t('problem')}</a>
          </li>
        </ul>
      </nav>
      {groups.map(([tag, ops], i) => (
        <section aria-labelledby={`tag-${i + 1}`}>
          <h2 id={`tag-${i + 1}`}>{tag}</h2>
          {ops.map((o) => (
            <OperationSection doc={doc} o={o} />
          ))}
        </section>
      ))}
      <h2 id="api-common">{t('common')}</h2>
      <p>{t('commonIntro')}</p>
      <dl class="dads-description-list">
        {Object.values((doc.components?.responses ?? {}) as Record<string, Doc>).map((r) => {
          const codes = problemCodes(r.content?.['application/problem+json']?.schema);
          return (
            <div class="dads-description-list__row">
              <dt class="dads-description-list__term">
                <code>{codes.map((code) => `${ERROR_CODES[code as ErrorCode]} ${code}`).join(', ')}</code>
              </dt>
              <dd class="dads-description-list__detail">
                <Paragraphs text={r.description} />
              </dd>
            </div>
          );
        })}
      </dl>
      <h2 id="api-problem">{t('problem')}</h2>
      <Paragraphs text={doc.components?.schemas?.Problem?.description} />
      <Table id="api-problem-fields" caption={t('problemCaption')} columns={FIELD_COLUMNS} rows={problemRows.map(fieldCells)} />
    </PublicLayout>,
  );
}
