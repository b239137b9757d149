import type { AppContext } from '../../../platform/http/env.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { ButtonLink, DescriptionList, Table } from '../../../ui/index.js';
import { programMessages as pm } from '../../../platform/programs/messages.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig, isWithinWindow } from '../config.js';
import { dayText, eventDateText } from '../format.js';
import { eventMessages as em } from '../messages.js';
import { listProgramItems } from '../queries.js';

/** The event's public page (`/{slug}`): what, when, where, programme, how to apply, accessibility. */
export async function renderEventHome(c: AppContext, program: Program): Promise<Response> {
  const locale = c.get('locale');
  const m = (k: Parameters<typeof em>[1], p?: Record<string, string | number>) => em(locale, k, p);
  const cfg = eventConfig(program);
  const deps = c.get('deps');
  const items = await listProgramItems(deps.db, program.id);
  const open = isWithinWindow(cfg, tokyoDate(deps.clock.now()));
  const en = locale === 'en';
  const title = en && cfg.titleEn ? cfg.titleEn : program.name;
  const summary = en ? cfg.summaryEn : cfg.summary;
  c.header('Cache-Control', 'public, max-age=60');
  return publicPage(c, {
    title,
    siteName: title,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: pm(locale, 'siteName'), href: localHref(c, '/') }, { label: title }],
    children: (
      <>
        <p>{summary || pm(locale, 'programIntroEvent')}</p>
        <h2 class="app-heading-2">{m('overview')}</h2>
        <DescriptionList
          items={[
            { term: m('date'), detail: eventDateText(cfg, locale) },
            { term: m('venue'), detail: en ? cfg.venueNameEn || cfg.venueName : cfg.venueName },
            { term: m('address'), detail: cfg.venueAddress },
            ...(cfg.venueAccess ? [{ term: m('access'), detail: en ? cfg.venueAccessEn || cfg.venueAccess : cfg.venueAccess }] : []),
            {
              term: m('capacity'),
              detail: (
                <>
                  {m('capacityText', { venue: cfg.capacity })}
                  {cfg.onlineEnabled && cfg.onlineCapacity !== null && <>／{m('onlineCapacityText', { online: cfg.onlineCapacity })}</>}
                </>
              ),
            },
            ...(cfg.onlineEnabled ? [{ term: m('streamed'), detail: m('onlineText') }] : []),
            { term: m('window'), detail: m('windowText', { from: dayText(cfg.registrationOpens, locale), to: dayText(cfg.registrationCloses, locale) }) },
          ]}
        />
        {items.length > 0 && (
          <>
            <h2 class="app-heading-2">{m('programme')}</h2>
            <Table
              caption={m('programme')}
              locale={locale}
              columns={[
                { key: 'time', header: m('time'), rowHeader: true },
                { key: 'item', header: m('item') },
                { key: 'speakers', header: m('speakers') },
                ...(cfg.onlineEnabled ? [{ key: 'streamed', header: m('streamed') }] : []),
              ]}
              rows={items.map((i) => ({
                time: m('itemTime', { time: i.startTime, minutes: m('minutes', { minutes: i.minutes }) }),
                item: en && i.titleEn ? i.titleEn : i.title,
                speakers: i.speakers ? i.speakers.split('\n').map((s, n) => (n ? <><br />{s}</> : s)) : '—',
                streamed: i.streamed ? m('streamedYes') : m('streamedNo'),
              }))}
            />
          </>
        )}
        <h2 class="app-heading-2">{m('howToApply')}</h2>
        {open ? (
          <>
            <p>
              <ButtonLink href={localHref(c, `/${program.slug}/register`)}>{m('applyWeb')}</ButtonLink>
            </p>
            {cfg.applyEmail && <p>{m('applyEmail', { email: cfg.applyEmail })}</p>}
            {cfg.applyFax && (
              <p>
                {m('applyFax', { fax: cfg.applyFax })} <a href={`/${program.slug}/fax-sheet.pdf`}>{m('faxSheet')}</a>
              </p>
            )}
            <p>{m('confirmationNote')}</p>
          </>
        ) : (
          <p>{m('windowClosed')}</p>
        )}
        {(cfg.venueAccessibility || cfg.venueAccessibilityEn) && (
          <>
            <h2 class="app-heading-2">{m('accessibility')}</h2>
            <p>{en ? cfg.venueAccessibilityEn || cfg.venueAccessibility : cfg.venueAccessibility}</p>
          </>
        )}
        {(cfg.contactPhone || cfg.contactEmail) && (
          <>
            <h2 class="app-heading-2">{m('contact')}</h2>
            <p>
              {m('secretariat', { event: program.name })}
              {cfg.contactPhone && <> {m('tel', { phone: cfg.contactPhone })}</>}
              {cfg.contactEmail && <> {cfg.contactEmail}</>}
            </p>
          </>
        )}
      </>
    ),
  });
}
