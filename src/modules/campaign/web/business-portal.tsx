import { Hono } from 'hono';
import { rolesIn } from '../../../platform/auth/memberships.js';
import { formatJaDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { formFields } from '../../../platform/http/form.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { Button, ButtonLink, DescriptionList, ErrorSummary, Form, NotificationBanner, StatusBadge, TextField, errorFor } from '../../../ui/index.js';
import { windowMessage } from '../commands/application-window.js';
import { requestApplicantAccount } from '../commands/create-applicant-account.js';
import { cm } from '../messages.js';
import { facilitiesOfUser, findApplicantApplication, listNotices } from '../queries.js';
import { businessSettlementLinks } from '../../settlement/index.js';
import { businessPage } from './business-page.js';
import { campaignProgram } from './load.js';

export const businessPortal = new Hono<AppEnv>();

/** The business landing page: how to apply for visitors, status, facility and notices once signed in. */
businessPortal.get('/:slug/business', async (c) => {
  const program = await campaignProgram(c, c.req.param('slug'));
  const deps = c.get('deps');
  const auth = c.get('auth');
  const isBusiness = !!auth?.complete && rolesIn(auth.grants, program.id).includes('business');
  const base = `/${program.slug}/business`;
  if (!isBusiness) {
    return businessPage(c, program, {
      title: cm('biz.crumb'),
      children: (
        <>
          <p>{windowMessage(program, deps.clock.now())}</p>
          <ul>
            <li>
              <a href={`${base}/terms`}>{cm('term.terms')}</a>
            </li>
            <li>
              <a href={`${base}/manual`}>{cm('term.manual')}</a>
            </li>
          </ul>
          <h2>{cm('biz.flow')}</h2>
          <ol>
            <li>{cm('biz.flow1')}</li>
            <li>{cm('biz.flow2')}</li>
            <li>{cm('biz.flow3')}</li>
          </ol>
          <h2>{cm('biz.newHeading')}</h2>
          <p>{cm('biz.newBody')}</p>
          <p>
            <ButtonLink href={`${base}/account`}>{cm('biz.createAccount')}</ButtonLink>
          </p>
          <h2>{cm('biz.haveAccount')}</h2>
          <p>{cm('biz.haveAccountBody')}</p>
          <p>
            <ButtonLink href={`/login?next=${encodeURIComponent(base)}`} variant="secondary">
              {cm('biz.login')}
            </ButtonLink>
          </p>
        </>
      ),
    });
  }
  const app = await findApplicantApplication(deps.db, program.id, auth!.user.id);
  const facilities = await facilitiesOfUser(deps.db, program.id, auth!.user.id);
  const notices = await listNotices(deps.db, program.id);
  return businessPage(c, program, {
    title: cm('portal.title'),
    children: (
      <>
        <h2>{cm('apply.title')}</h2>
        {app ? (
          <DescriptionList
            items={[
              { term: cm('term.applicationNumber'), detail: app.number ?? cm('portal.notSubmitted') },
              { term: cm('term.status'), detail: <StatusBadge tone={app.status === 'approved' ? 'success' : app.status === 'returned' ? 'warning' : app.status === 'rejected' ? 'danger' : 'info'}>{cm(`status.${app.status}`)}</StatusBadge> },
              ...(app.status === 'returned' || app.status === 'rejected' ? [{ term: cm('portal.reason'), detail: app.lastReason ?? '' }] : []),
            ]}
          />
        ) : (
          <p>
            {cm('portal.noApplication')}
            {windowMessage(program, deps.clock.now())}
          </p>
        )}
        {(!app || app.status === 'draft' || app.status === 'returned') && (
          <p>
            <ButtonLink href={`${base}/apply`}>{!app ? cm('portal.start') : app.status === 'returned' ? cm('portal.correct') : cm('portal.continue')}</ButtonLink>
          </p>
        )}
        {facilities.length > 0 && (
          <>
            <h2>{cm('portal.facilities')}</h2>
            {facilities.map((f) => (
              <>
                <DescriptionList
                  items={[
                    { term: cm('term.facilityName'), detail: f.name },
                    { term: cm('portal.registrationNumber'), detail: f.registrationNumber ?? '' },
                    { term: cm('portal.registeredOn'), detail: f.registeredOn ? formatJaDate(f.registeredOn) : '' },
                    { term: cm('profile.crumb'), detail: f.pendingProfile ? cm('portal.profilePending') : cm('portal.noChange') },
                  ]}
                />
                <p>
                  <a href={`${base}/facilities/${f.id}/profile`}>{cm('portal.editProfile', { name: f.name })}</a>
                </p>
              </>
            ))}
            {facilities.length > 0 && (
              <ul>
                <li>
                  <a href={`${base}/claims`}>{cm('portal.claims')}</a>
                </li>
                {businessSettlementLinks(program.slug).map((l) => (
                  <li>
                    <a href={l.href}>{l.label}</a>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <h2>{cm('portal.notices')}</h2>
        {notices.length === 0 ? (
          <p>{cm('portal.noNotices')}</p>
        ) : (
          notices.map((n) => (
            <section aria-labelledby={`notice-${n.id}`}>
              <h3 id={`notice-${n.id}`}>{cm('portal.noticeHeading', { title: n.title, date: tokyoDateTime(n.publishedAt).slice(0, 10) })}</h3>
              {n.body.split(/\n{2,}/).map((p) => (
                <p>{p}</p>
              ))}
            </section>
          ))
        )}
        <p>
          <a href={`${base}/manual`}>{cm('term.manual')}</a>
        </p>
      </>
    ),
  });
});

function accountPage(c: Parameters<typeof csrfToken>[0], program: Awaited<ReturnType<typeof campaignProgram>>, opts: { email?: string; error?: string; status?: number } = {}) {
  const errors = opts.error ? [{ field: 'email', message: opts.error }] : [];
  return businessPage(c, program, {
    title: cm('account.title'),
    breadcrumbs: [{ label: cm('account.title') }],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <p>{cm('account.intro')}</p>
        <Form action={`/${program.slug}/business/account`} csrfToken={csrfToken(c)}>
          <TextField name="email" type="email" label={cm('account.email')} required autocomplete="email" value={opts.email} error={errorFor(errors, 'email')} width="lg" />
          <Button>{cm('account.send')}</Button>
        </Form>
      </>
    ),
  });
}

businessPortal.get('/:slug/business/account', async (c) => accountPage(c, await campaignProgram(c, c.req.param('slug'))));

businessPortal.post('/:slug/business/account', async (c) => {
  const program = await campaignProgram(c, c.req.param('slug'));
  const email = ((await formFields(c)).email ?? '').trim();
  // The same answer whether or not the address has an account (the page after the redirect says the mail was sent).
  return submitForm(c, {
    role: null,
    run: (ctx) => requestApplicantAccount(ctx, program, email),
    rerender: (errors, status, e) => {
      if (e.code !== 'validation-failed') throw e;
      return accountPage(c, program, { email, error: errors[0]?.message ?? cm('errEmail'), status });
    },
    flash: cm('account.sent'),
    redirect: `/${program.slug}/business/account`,
  });
});
