import { Hono } from 'hono';
import { submitForm } from '../../../platform/http/form-action.js';
import type { AuditAction } from '../../../platform/audit/actions.js';
import type { CommandContext } from '../../../platform/command.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { formFields, formList } from '../../../platform/http/form.js';
import { localHref } from '../../../platform/http/public-page.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { programScope } from '../../../platform/vault/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { cancelRegistration } from '../commands/cancel-registration.js';
import { changeRegistration } from '../commands/change-registration.js';
import { registerParticipant } from '../commands/register-participant.js';
import { am, eventMessages as em } from '../messages.js';
import { drawFaxSheet } from '../pdf/fax-sheet.js';
import { openPerson } from '../person.js';
import { findRegistrationByToken } from '../queries.js';
import { publicEvent } from './load.js';
import { managePage } from './manage-page.js';
import { registerPage } from './register-page.js';
import { formInput } from './registration-fields.js';
import { runAs } from '../../../platform/http/run-as.js';

export const eventsPublic = new Hono<AppEnv>();

eventsPublic.get('/:slug/register', async (c) => registerPage(c, await publicEvent(c)));

eventsPublic.post('/:slug/register', async (c) => {
  const program = await publicEvent(c);
  const locale = c.get('locale');
  const fields = await formFields(c);
  const accommodations = await formList(c, 'accommodations');
  const values = { ...fields, accommodations };
  return submitForm(c, {
    role: null,
    run: (ctx) => registerParticipant(ctx, program, { ...formInput(fields, accommodations), channel: 'web' }, { locale, staff: false }),
    flash: ({ registration }) => `${em(locale, registration.status === 'confirmed' ? 'doneConfirmed' : 'doneWaitlisted', { number: registration.number })} ${em(locale, 'doneMail')}`,
    redirect: ({ token }) => localHref(c, `/${program.slug}/registration/${token}`),
    // The registrant's own link is a secret: a replayed form goes back to the event page instead.
    replayTo: localHref(c, `/${program.slug}`),
    rerender: (errors, status, e) => (e.code === 'window-closed' ? registerPage(c, program, { values, banner: e.message, status }) : registerPage(c, program, { values, errors, status })),
  });
});

/** The registration behind a link token, opened; the applicant's view of their own data is audited. */
async function byToken(c: AppContext, action: AuditAction) {
  const program = await publicEvent(c);
  const token = c.req.param('token') ?? '';
  return runAs(c, null, async (ctx) => {
    const r = await findRegistrationByToken(ctx.tx, program.id, token);
    if (!r) throw new AppError('not-found', em(c.get('locale'), 'linkInvalid'));
    const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
    ctx.audit({ action, programId: program.id, targetType: 'event_registration', targetId: r.id });
    return { program, r, p: openPerson(box, r), token };
  });
}

async function showManage(c: AppContext, confirmCancel = false) {
  const { program, r, p, token } = await byToken(c, 'events.registration.viewed_by_applicant');
  return managePage(c, program, r, p, token, { confirmCancel });
}

eventsPublic.get('/:slug/registration/:token', (c) => showManage(c));
eventsPublic.get('/:slug/registration/:token/cancel', (c) => showManage(c, true));

/**
 * A change the applicant makes through their own link. The link is a secret: it is not stored with
 * the submission key (a replay goes to the event page), and a refusal (already cancelled in another
 * tab or by the secretariat, a bad value) is shown on their own page with its state.
 */
async function applicantForm(c: AppContext, run: (ctx: CommandContext, program: Program, registrationId: number, locale: Locale) => Promise<unknown>, flash: 'changeDone' | 'cancelDone') {
  const program = await publicEvent(c);
  const token = c.req.param('token')!;
  const locale = c.get('locale');
  const found = await findRegistrationByToken(c.get('deps').db, program.id, token);
  if (!found) throw new AppError('not-found', em(locale, 'linkInvalid'));
  return submitForm(c, {
    role: null,
    run: (ctx) => run(ctx, program, found.id, locale),
    flash: em(locale, flash),
    redirect: localHref(c, `/${program.slug}/registration/${token}`),
    replayTo: localHref(c, `/${program.slug}`),
    rerender: async (errors, status) => {
      const { r, p } = await byToken(c, 'events.registration.viewed_by_applicant');
      return managePage(c, program, r, p, token, { errors, status });
    },
  });
}

eventsPublic.post('/:slug/registration/:token', async (c) => {
  const fields = await formFields(c);
  const accommodations = await formList(c, 'accommodations');
  return applicantForm(c, (ctx, program, id, locale) => changeRegistration(ctx, program, id, { ...fields, accommodations }, { locale, by: 'applicant' }), 'changeDone');
});

eventsPublic.post('/:slug/registration/:token/cancel', (c) => applicantForm(c, (ctx, program, id, locale) => cancelRegistration(ctx, program, id, 'applicant', locale), 'cancelDone'));

/** The blank FAX application sheet (no personal data), printable A4. */
eventsPublic.get('/:slug/fax-sheet.pdf', async (c) => {
  const program = await publicEvent(c);
  // A Japanese paper form on both sites (the English page says so): its texts are in the Japanese catalogue.
  return pdfResponse(am('file.faxSheet', { slug: program.slug }), (doc) => drawFaxSheet(doc, program), { title: am('faxSheetPdf.title', { program: program.name }) }, true);
});
