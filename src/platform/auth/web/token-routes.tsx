import { Hono } from 'hono';
import { Button, DescriptionList, ErrorSummary, Form, NotificationBanner, Table, TextField, VisuallyHidden, errorFor } from '../../../ui/index.js';
import { tokyoDateTime } from '../../calendar/index.js';
import { AppError, isAppError } from '../../errors/index.js';
import { adminPage } from '../../http/admin-page.js';
import { csrfToken } from '../../http/csrf.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { formFields } from '../../http/form.js';
import { submitForm } from '../../http/form-action.js';
import { requireAuth } from '../../http/guards.js';
import { runAs } from '../../http/run-as.js';
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, createApiToken, listApiTokens, revokeApiToken, tokenState } from '../api-tokens.js';
import { REAUTH_WINDOW_MS } from '../policy.js';
import { authMessages as m } from './messages.js';

type Errors = Array<{ field: string; message: string }>;

const STATE_LABEL = { active: 'tokenStateActive', revoked: 'tokenStateRevoked', expired: 'tokenStateExpired' } as const;

/** The account page's API tokens: a session's own, with their expiry and last use. */
async function tokensPage(c: AppContext, opts: { errors?: Errors; values?: Record<string, string>; status?: number } = {}) {
  const auth = requireAuth(c);
  const deps = c.get('deps');
  const errors = opts.errors ?? [];
  const now = deps.clock.now();
  const tokens = await listApiTokens(deps.db, { userId: auth.user.id });
  const at = (d: Date | null) => (d ? tokyoDateTime(d) : '—');
  return adminPage(c, {
    title: m('ja', 'tokensHeading'),
    breadcrumbs: [{ label: m('ja', 'accountTitle'), href: '/account' }, { label: m('ja', 'tokensHeading') }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <p>{m('ja', 'tokensIntro', { days: API_TOKEN_DEFAULT_DAYS })}</p>
        {tokens.length === 0 ? (
          <p>{m('ja', 'tokensNone')}</p>
        ) : (
          <Table
            caption={m('ja', 'tokensCaption')}
            columns={[
              { key: 'name', header: m('ja', 'tokensColName'), rowHeader: true },
              { key: 'prefix', header: m('ja', 'tokensColPrefix') },
              { key: 'created', header: m('ja', 'tokensColCreated') },
              { key: 'expires', header: m('ja', 'tokensColExpires') },
              { key: 'lastUsed', header: m('ja', 'tokensColLastUsed') },
              { key: 'state', header: m('ja', 'tokensColState') },
              { key: 'actions', header: m('ja', 'usersColActions') },
            ]}
            rows={tokens.map((t) => {
              const state = tokenState(t, now);
              return {
                id: String(t.id),
                name: t.name || '—',
                prefix: `${t.prefix}…`,
                created: at(t.createdAt),
                expires: at(t.expiresAt),
                lastUsed: t.lastUsedAt ? at(t.lastUsedAt) : m('ja', 'tokensNeverUsed'),
                state: m('ja', STATE_LABEL[state]),
                actions:
                  state === 'active' ? (
                    <Form action="/account/tokens/revoke" csrfToken={csrfToken(c)}>
                      <input type="hidden" name="id" value={String(t.id)} />
                      <Button variant="danger" size="sm">
                        {m('ja', 'tokensRevoke')}
                        <VisuallyHidden>{m('ja', 'tokensRevokeTarget', { name: t.name || t.prefix })}</VisuallyHidden>
                      </Button>
                    </Form>
                  ) : (
                    '—'
                  ),
              };
            })}
          />
        )}
        <h2 class="app-heading-2">{m('ja', 'tokensCreateHeading')}</h2>
        <Form action="/account/tokens" csrfToken={csrfToken(c)}>
          <TextField name="name" label={m('ja', 'tokenName')} hint={m('ja', 'tokenNameHint')} value={opts.values?.name} error={errorFor(errors, 'name')} width="lg" />
          <TextField
            name="expiresDays"
            label={m('ja', 'tokenDays')}
            hint={m('ja', 'tokenDaysHint', { max: API_TOKEN_MAX_DAYS })}
            inputmode="numeric"
            required
            value={opts.values?.expiresDays ?? String(API_TOKEN_DEFAULT_DAYS)}
            error={errorFor(errors, 'expiresDays')}
            width="sm"
          />
          <Button>{m('ja', 'tokenCreateButton')}</Button>
        </Form>
        <p>
          <a href="/account">{m('ja', 'tokensBack')}</a>
        </p>
      </>
    ),
  });
}

export const tokenRoutes = new Hono<AppEnv>();

tokenRoutes.get('/account/tokens', (c) => tokensPage(c));

/**
 * Issues a token for the signed-in user after a fresh password check. It is shown once, on this
 * answer (never stored in a cookie or a redirect). A token made in a session that passed the
 * second factor keeps working when a program later requires it.
 */
tokenRoutes.post('/account/tokens', async (c) => {
  const auth = requireAuth(c);
  const s = auth.session;
  const now = c.get('deps').clock.now();
  if (!s?.reauthAt || now.getTime() - s.reauthAt.getTime() >= REAUTH_WINDOW_MS) return c.redirect('/account/reauth?next=/account/tokens', 303);
  const f = await formFields(c);
  const name = (f.name ?? '').trim().slice(0, 100);
  const daysText = (f.expiresDays ?? '').trim();
  const days = /^\d{1,4}$/.test(daysText) ? Number(daysText) : NaN;
  let created;
  try {
    created = await runAs(c, null, (ctx) => createApiToken(ctx, { userId: auth.user.id, name, expiresDays: days, mfaVerified: s.mfaVerified }));
  } catch (e) {
    if (isAppError(e) && (e.code === 'validation-failed' || e.code === 'forbidden')) {
      const errors = e.fieldErrors.length ? e.fieldErrors : [{ field: 'name', message: e.message }];
      return tokensPage(c, { errors, values: f, status: e.status });
    }
    throw e;
  }
  c.header('Cache-Control', 'no-store');
  return adminPage(c, {
    title: m('ja', 'tokenCreatedTitle'),
    breadcrumbs: [{ label: m('ja', 'accountTitle'), href: '/account' }, { label: m('ja', 'tokensHeading'), href: '/account/tokens' }, { label: m('ja', 'tokenCreatedTitle') }],
    notice: <NotificationBanner kind="success" title={m('ja', 'tokenCreatedTitle')} />,
    children: (
      <>
        <p>{m('ja', 'tokenCreatedIntro')}</p>
        <DescriptionList
          items={[
            { term: m('ja', 'tokenCreatedValue'), detail: <code data-token>{created.token}</code> },
            { term: m('ja', 'tokenCreatedExpires'), detail: <span data-expires={created.expiresAt.toISOString()}>{tokyoDateTime(created.expiresAt)}</span> },
          ]}
        />
        <p>
          <a href="/account/tokens">{m('ja', 'tokensHeading')}</a>
        </p>
      </>
    ),
  });
});

tokenRoutes.post('/account/tokens/revoke', async (c) => {
  const auth = requireAuth(c);
  const f = await formFields(c);
  const id = /^\d{1,9}$/.test(f.id ?? '') ? Number(f.id) : 0;
  if (!id) throw new AppError('not-found');
  return submitForm(c, {
    role: null,
    run: (ctx) => revokeApiToken(ctx, id, { ownerId: auth.user.id }),
    flash: m('ja', 'tokenRevoked'),
    redirect: '/account/tokens',
  });
});
