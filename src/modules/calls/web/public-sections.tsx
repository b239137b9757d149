/**
 * What the calls module adds to the campaign site's pages (the site module renders them): the call
 * center's number, hours and periods on the contact page, and the published FAQ on the FAQ page.
 */
import type { AppContext } from '../../../platform/http/env.js';
import { formatJaDate, tokyoDate } from '../../../platform/calendar/index.js';
import { localHref } from '../../../platform/http/public-page.js';
import type { Locale } from '../../../platform/i18n/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { Button, DescriptionList, Form, TextField } from '../../../ui/index.js';
import { callsPublicMessages as m } from '../messages.js';
import { listPublishedFaq } from '../faq-queries.js';
import { CATEGORIES } from '../schema.js';
import { callCenterConfig } from '../settings.js';

const dateText = (locale: Locale, iso: string) => (locale === 'en' ? iso : formatJaDate(iso, { weekday: false }));

/** The call center's facts for the contact page; nothing until its phone number is set. */
export function CallCenterContact({ c, program }: { c: AppContext; program: Program }) {
  const locale = c.get('locale');
  const cfg = callCenterConfig(program);
  if (!cfg.phone) return null;
  const hours = cfg.hours.replace('-', '–');
  const period = (from: string | null, to: string | null) => (from && to ? m(locale, 'contact.period', { from: dateText(locale, from), to: dateText(locale, to) }) : null);
  const users = period(cfg.userOpens, cfg.userCloses);
  const businesses = period(cfg.businessOpens, cfg.businessCloses);
  return (
    <section aria-labelledby="call-center-h">
      <h2 class="app-heading-2" id="call-center-h">{m(locale, 'contact.title')}</h2>
      <DescriptionList
        items={[
          { term: m(locale, 'contact.phone'), detail: <a href={`tel:${cfg.phone}`}>{cfg.phone}</a> },
          { term: m(locale, 'contact.hours'), detail: cfg.days === 'all' ? m(locale, 'contact.daysAll', { hours }) : m(locale, 'contact.daysWeekdays', { hours }) },
          ...(users ? [{ term: m(locale, 'contact.forUsers'), detail: users }] : []),
          ...(businesses ? [{ term: m(locale, 'contact.forBusinesses'), detail: businesses }] : []),
        ]}
      />
      <p>
        <a href={localHref(c, `/${program.slug}/faq`)}>{m(locale, 'contact.faqLink')}</a>
      </p>
    </section>
  );
}

/** The published FAQ entries (the site's live versions), grouped by category, with a keyword search that needs no JavaScript. */
export async function faqSection(c: AppContext, program: Program) {
  const locale = c.get('locale');
  const q = (c.req.query('q') ?? '').trim().slice(0, 100);
  const items = await listPublishedFaq(c.get('deps').db, program.id, c.get('deps').clock.now(), q || undefined);
  const text = (ja: string, en: string) => (locale === 'en' && en ? en : ja);
  return (
    <section aria-labelledby="faq-h">
      <h2 class="app-heading-2" id="faq-h">{m(locale, 'faq.title')}</h2>
      <Form action={localHref(c, `/${program.slug}/faq`)} method="get" label={m(locale, 'faq.search')}>
        <TextField name="q" label={m(locale, 'faq.search')} value={q} width="md" locale={locale} />
        <Button preventDoubleSubmit={false} variant="secondary">{m(locale, 'faq.searchButton')}</Button>
      </Form>
      {q && <p role="status">{m(locale, 'faq.results', { q, count: items.length })}</p>}
      {items.length === 0 && <p>{m(locale, 'faq.none')}</p>}
      {CATEGORIES.filter((k) => items.some((i) => i.category === k)).map((k) => (
        <>
          <h3 class="app-heading-3">{m(locale, `category.${k}`)}</h3>
          <dl class="app-faq">
            {items
              .filter((i) => i.category === k)
              .map((i) => (
                <>
                  <dt lang={locale === 'en' && !i.questionEn ? 'ja' : undefined}>{text(i.question, i.questionEn)}</dt>
                  <dd lang={locale === 'en' && !i.answerEn ? 'ja' : undefined}>
                    <p>{text(i.answer, i.answerEn)}</p>
                    <p>{m(locale, 'faq.updated', { date: dateText(locale, tokyoDate(i.updatedAt)) })}</p>
                  </dd>
                </>
              ))}
          </dl>
        </>
      ))}
    </section>
  );
}
