import type { Role } from '../../../platform/auth/schema.js';
import { formatJaDate, tokyoDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { Program } from '../../../platform/programs/schema.js';
import type { FieldError } from '../../../platform/errors/index.js';
import { Button, DescriptionList, ErrorSummary, errorFor, FileField, Form, RadioGroup, SelectField, Table, TextArea, TextField } from '../../../ui/index.js';
import { dm } from '../messages.js';
import { listRounds, listVersions, type RoundView } from '../queries.js';
import type { Deliverable, DeliverableVersion } from '../schema.js';
import { maxUploadBytes } from '../settings.js';
import { countdown, itemPath, listPath, statusBadge } from './admin-list.js';

export interface ItemPageState {
  errors?: FieldError[];
  status?: number;
  values?: Record<string, string>;
}

const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function where(c: RoundView['comments'][number]): string {
  if (!c.page) return dm('item.general');
  if (c.x === null || c.y === null) return `${c.page}ページ`;
  return dm('item.pageSpot', { page: c.page, x: Math.round(c.x * 100), y: Math.round(c.y * 100) });
}

function RoundBlock({ d, r, isPdf }: { d: Deliverable; r: RoundView; isPdf: boolean }) {
  const pinnedPages = [...new Set(r.comments.filter((c) => c.page && c.x !== null).map((c) => c.page!))].sort((a, b) => a - b);
  return (
    <section aria-labelledby={`round-${r.number}`}>
      <h3 id={`round-${r.number}`}>{dm('item.round', { n: r.number, version: r.versionNumber })}</h3>
      <p>
        {dm('item.sent')}: {tokyoDateTime(r.sentAt)} {r.sentByName ?? ''}　{dm('item.answer')}:{' '}
        {r.answeredAt ? `${tokyoDateTime(r.answeredAt)} ${r.answeredByName ?? ''} — ${r.decision === 'approve' ? (r.reason ? dm('item.approvedWithReason', { reason: r.reason }) : dm('status.approved')) : dm('form.decision.comments')}` : dm('item.awaiting')}
      </p>
      {r.comments.length > 0 && (
        <ol class="deliverable-comments">
          {r.comments.map((c) => (
            <li>
              <strong>{where(c)}</strong>: {c.text}
            </li>
          ))}
        </ol>
      )}
      {isPdf &&
        pinnedPages.map((page) => (
          <figure>
            <img src={`${itemPath(d.id)}/rounds/${r.number}/pages/${page}`} alt={dm('item.pageImage', { n: r.number, page })} width="400" />
            <figcaption>{dm('item.pageImage', { n: r.number, page })}</figcaption>
          </figure>
        ))}
    </section>
  );
}

/** One deliverable: summary, versions, the proof trail, and the forms the signed-in role may use. */
export async function itemPage(c: AppContext, program: Program, d: Deliverable, roles: Role[], state: ItemPageState = {}): Promise<Response> {
  const db = c.get('deps').db;
  const versions = await listVersions(db, d.id);
  const rounds = await listRounds(db, d.id);
  const isPdf = (v: DeliverableVersion | undefined) => v?.contentType === 'application/pdf';
  const run = roles.includes('admin') || roles.includes('operator');
  const city = roles.includes('city');
  const open = rounds.at(-1)?.decision === null ? rounds.at(-1) : undefined;
  const token = csrfToken(c);
  const errors = state.errors ?? [];
  const v = state.values ?? {};
  const byId = new Map(versions.map((x) => [x.id, x]));
  return adminPage(c, {
    title: d.title,
    status: state.status,
    hasErrors: errors.length > 0,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: program.name, href: listPath(program) }, { label: d.title }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <h2>{dm('item.summary')}</h2>
        <DescriptionList
          items={[
            { term: dm('list.key'), detail: <code>{d.key}</code> },
            { term: dm('item.note'), detail: d.note || dm('list.none') },
            { term: dm('list.due'), detail: d.dueOn ? `${formatJaDate(d.dueOn)}（${countdown(c, d)}）` : dm('list.noDue') },
            { term: dm('item.required'), detail: String(d.requiredRounds) },
            { term: dm('list.status'), detail: statusBadge(d.status) },
            ...(d.deliveredOn
              ? [
                  { term: dm('item.deliveredOn'), detail: `${formatJaDate(d.deliveredOn)} ${d.deliveryForm ?? ''} ${d.deliveryQuantity ?? ''}` },
                  { term: dm('item.received'), detail: d.receivedAt ? tokyoDateTime(d.receivedAt) : dm('item.notReceived') },
                ]
              : []),
          ]}
        />
        <p>
          <a href={`${itemPath(d.id)}/trail.pdf`}>{dm('item.trail')}</a>
        </p>

        <h2>{dm('item.versions')}</h2>
        {versions.length ? (
          <Table
            caption={dm('item.versions')}
            columns={[
              { key: 'n', header: dm('item.versions'), rowHeader: true },
              { key: 'file', header: dm('item.file') },
              { key: 'size', header: dm('item.size'), numeric: true },
              { key: 'note', header: dm('form.note') },
              { key: 'at', header: dm('item.uploaded') },
            ]}
            rows={versions.map((x) => ({
              n: dm('item.version', { n: x.number }),
              file: <a href={`${itemPath(d.id)}/versions/${x.number}/file`}>{x.filename}</a>,
              size: size(x.size),
              note: x.note,
              at: tokyoDateTime(x.createdAt),
            }))}
          />
        ) : (
          <p>{dm('item.noVersions')}</p>
        )}
        {versions.filter((x) => x.text !== null).length >= 2 && (
          <p>
            <a href={`${itemPath(d.id)}/diff`}>本文の差分（最新の2版）</a>
          </p>
        )}
        {versions.filter((x) => isPdf(x)).length >= 2 && (
          <p>
            <a href={`${itemPath(d.id)}/compare?a=${versions.at(-2)!.number}&b=${versions.at(-1)!.number}`}>{dm('item.compare')}</a>
          </p>
        )}

        <h2>{dm('item.rounds')}</h2>
        {rounds.length ? rounds.map((r) => <RoundBlock d={d} r={r} isPdf={isPdf(byId.get(r.versionId))} />) : <p>{dm('trail.none')}</p>}

        {run && d.status !== 'approved' && d.status !== 'delivered' && (
          <>
            <h2>{dm('form.upload')}</h2>
            <Form action={`${itemPath(d.id)}/versions`} csrfToken={token} enctype="multipart/form-data">
              <FileField name="file" label={dm('form.file')} required hint={dm('form.fileHint', { mb: Math.round(maxUploadBytes(program) / 1024 / 1024) })} error={errorFor(errors, 'file')} />
              <TextField name="note" label={dm('form.note')} value={v.note} width="full" />
              <Button>{dm('form.uploadSubmit')}</Button>
            </Form>
            {versions.length > 0 && !open && (
              <>
                <h2>{dm('form.send')}</h2>
                <Form action={`${itemPath(d.id)}/rounds`} csrfToken={token}>
                  <SelectField name="version" label={dm('form.version')} emptyOption={false} value={String(versions.at(-1)!.number)} options={versions.map((x) => ({ value: String(x.number), label: `${dm('item.version', { n: x.number })} ${x.filename}` }))} error={errorFor(errors, 'version')} />
                  <Button>{dm('form.sendSubmit', { n: (rounds.at(-1)?.number ?? 0) + 1 })}</Button>
                </Form>
              </>
            )}
          </>
        )}

        {city && open && (
          <>
            <h2>{dm('form.answer', { n: open.number })}</h2>
            <Form action={`${itemPath(d.id)}/rounds/${open.number}/answer`} csrfToken={token}>
              <RadioGroup
                name="decision"
                label={dm('form.decision')}
                required
                value={v.decision ?? 'comments'}
                options={[
                  { value: 'comments', label: dm('form.decision.comments') },
                  { value: 'approve', label: dm('form.decision.approve') },
                ]}
                error={errorFor(errors, 'decision')}
              />
              <TextArea name="comment" label={dm('form.comment')} value={v.comment} error={errorFor(errors, 'comments') ?? errorFor(errors, 'comments.0.text')} />
              {isPdf(byId.get(open.versionId)) && (
                <>
                  <TextField name="page" label={dm('form.page')} value={v.page} inputmode="numeric" width="sm" error={errorFor(errors, 'comments.0.page')} />
                  <TextField name="x" label={dm('form.x')} value={v.x} inputmode="numeric" width="sm" error={errorFor(errors, 'comments.0.x')} />
                  <TextField name="y" label={dm('form.y')} value={v.y} inputmode="numeric" width="sm" />
                  <figure>
                    <img src={`${itemPath(d.id)}/versions/${byId.get(open.versionId)!.number}/pages/1`} alt={`${dm('item.version', { n: byId.get(open.versionId)!.number })} 1ページ`} width="400" />
                  </figure>
                </>
              )}
              <TextArea name="reason" label={dm('form.reason')} value={v.reason} error={errorFor(errors, 'reason')} />
              <Button>{dm('form.answerSubmit')}</Button>
            </Form>
          </>
        )}

        {run && (d.status === 'approved' || (d.status === 'planned' && d.requiredRounds === 0)) && (
          <>
            <h2>{dm('form.delivery')}</h2>
            <Form action={`${itemPath(d.id)}/delivery`} csrfToken={token}>
              <TextField name="deliveredOn" type="date" label={dm('form.deliveredOn')} required value={v.deliveredOn ?? tokyoDate(c.get('deps').clock.now())} error={errorFor(errors, 'deliveredOn')} />
              <TextField name="form" label={dm('form.form')} required value={v.form} error={errorFor(errors, 'form')} />
              <TextField name="quantity" label={dm('form.quantity')} required inputmode="numeric" width="sm" value={v.quantity} error={errorFor(errors, 'quantity')} />
              <Button>{dm('form.deliverySubmit')}</Button>
            </Form>
          </>
        )}

        {city && d.status === 'delivered' && !d.receivedAt && (
          <Form action={`${itemPath(d.id)}/receipt`} csrfToken={token}>
            <Button>{dm('form.receipt')}</Button>
          </Form>
        )}

        {run && (
          <>
            <h2>{dm('form.edit')}</h2>
            <Form action={`${itemPath(d.id)}/edit`} csrfToken={token}>
              <TextField name="title" label={dm('form.title')} required value={v.title ?? d.title} width="full" error={errorFor(errors, 'title')} />
              <TextField name="note" label={dm('item.note')} value={v.editNote ?? d.note} width="full" error={errorFor(errors, 'note')} />
              <TextField name="dueOn" type="date" label={dm('form.dueOn')} value={v.dueOn ?? d.dueOn ?? ''} error={errorFor(errors, 'dueOn')} />
              <TextField name="requiredRounds" label={dm('form.requiredRounds')} inputmode="numeric" width="sm" value={v.requiredRounds ?? String(d.requiredRounds)} error={errorFor(errors, 'requiredRounds')} />
              <Button variant="secondary">{dm('form.editSubmit')}</Button>
            </Form>
          </>
        )}
      </>
    ),
  });
}
