import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext } from '../../../platform/http/env.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { Button, DescriptionList, ErrorSummary, Form, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig } from '../config.js';
import { accommodationText, eventDateText, statusText } from '../format.js';
import { eventMessages as em } from '../messages.js';
import type { Person } from '../person.js';
import type { EventRegistration } from '../schema.js';
import { AttendanceFields } from './registration-fields.js';

/** The applicant's own page behind the link in every mail: details, change, cancel. */
export async function managePage(c: AppContext, program: Program, r: EventRegistration, p: Person, token: string, opts: { errors?: SummaryError[]; status?: number; confirmCancel?: boolean } = {}) {
  const locale = c.get('locale');
  const m = (k: Parameters<typeof em>[1]) => em(locale, k);
  const cfg = eventConfig(program);
  const errors = opts.errors ?? [];
  const base = localHref(c, `/${program.slug}/registration/${token}`);
  const live = r.status === 'confirmed' || r.status === 'waitlisted';
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return publicPage(c, {
    title: m('manageTitle'),
    siteName: locale === 'en' && cfg.titleEn ? cfg.titleEn : program.name,
    homePath: `/${program.slug}`,
    // A flash after a change is shown by publicPage.
    notice: errors.length ? <ErrorSummary errors={errors} locale={locale} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <DescriptionList
          items={[
            { term: m('number'), detail: String(r.number) },
            { term: m('status'), detail: statusText(locale, r.status) },
            { term: m('name'), detail: `${p.name}（${p.nameKana}）` },
            { term: m('organization'), detail: [p.organization, p.orgRole].filter(Boolean).join(' ') || '—' },
            { term: m('attendance'), detail: m(r.attendance === 'venue' ? 'attendanceVenue' : 'attendanceOnline') },
            { term: m('accommodations'), detail: accommodationText(r.accommodations, p.accommodationNote, locale) || '—' },
            { term: m('date'), detail: eventDateText(cfg, locale) },
            r.attendance === 'venue'
              ? { term: m('venue'), detail: `${locale === 'en' ? cfg.venueNameEn || cfg.venueName : cfg.venueName}（${cfg.venueAddress}）` }
              : { term: m('viewingUrl'), detail: r.status === 'confirmed' && cfg.onlineUrl ? <a href={cfg.onlineUrl}>{cfg.onlineUrl}</a> : '—' },
          ]}
        />
        {live && opts.confirmCancel && (
          <Form action={`${base}/cancel`} csrfToken={csrfToken(c)}>
            <p>{m('cancelConfirm')}</p>
            <Button variant="danger">{m('cancel')}</Button>
          </Form>
        )}
        {live && !opts.confirmCancel && (
          <>
            <h2 class="app-heading-2">{m('change')}</h2>
            <Form action={base} csrfToken={csrfToken(c)}>
              <AttendanceFields
                locale={locale}
                values={{ attendance: r.attendance, accommodations: r.accommodations, accommodationNote: p.accommodationNote }}
                errors={errors}
                onlineEnabled={cfg.onlineEnabled}
              />
              <Button>{m('change')}</Button>
            </Form>
            <h2 class="app-heading-2">{m('cancel')}</h2>
            <p>
              <a href={`${base}/cancel`}>{m('cancel')}</a>
            </p>
          </>
        )}
      </>
    ),
  });
}
