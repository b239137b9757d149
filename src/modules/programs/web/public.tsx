import { Hono } from 'hono';
import { formatJaDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { Table, StatusBadge } from '../../../ui/index.js';
import { listRegisteredFacilities } from '../../campaign/queries.js';
import { programMessages as m } from '../messages.js';
import { findProgramBySlug, listPrograms } from '../queries.js';
import type { Program } from '../schema.js';
import { slugSchema } from '../validators.js';

function periodText(c: AppContext, p: Program): string | null {
  if (!p.startsOn || !p.endsOn) return null;
  const locale = c.get('locale');
  return locale === 'en' ? `${p.startsOn} – ${p.endsOn}` : `${formatJaDate(p.startsOn)} 〜 ${formatJaDate(p.endsOn)}`;
}

export const programsPublic = new Hono<AppEnv>();

programsPublic.get('/', async (c) => {
  const locale = c.get('locale');
  const programs = await listPrograms(c.get('deps').db);
  c.header('Cache-Control', 'public, max-age=60');
  return publicPage(c, {
    title: m(locale, 'topTitle'),
    siteName: m(locale, 'siteName'),
    children: (
      <>
        <p>{m(locale, 'topIntro')}</p>
        {programs.length === 0 ? (
          <p>{m(locale, 'noPrograms')}</p>
        ) : (
          <ul class="app-card-list">
            {programs.map((p) => (
              <li class="app-card">
                <h2 class="app-heading-2">
                  <a href={localHref(c, `/${p.slug}`)}>{p.name}</a>
                </h2>
                <p>
                  <StatusBadge tone="info">{m(locale, p.kind === 'campaign' ? 'kindCampaign' : 'kindEvent')}</StatusBadge>
                  {periodText(c, p) && ` ${m(locale, 'period')}：${periodText(c, p)}`}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/login">{m(locale, 'staffLogin')}</a>
        </p>
      </>
    ),
  });
});

/** The program's own top page; the campaign and event modules extend what it shows. */
programsPublic.get('/:slug', async (c) => {
  const locale = c.get('locale');
  const slug = c.req.param('slug');
  if (!slugSchema.safeParse(slug).success) throw new AppError('not-found');
  const program = await findProgramBySlug(c.get('deps').db, slug);
  if (!program) throw new AppError('not-found');
  const facilities = program.kind === 'campaign' ? await listRegisteredFacilities(c.get('deps').db, program.id) : [];
  return publicPage(c, {
    title: program.name,
    siteName: program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: m(locale, 'siteName'), href: localHref(c, '/') }, { label: program.name }],
    children: (
      <>
        <p>{m(locale, program.kind === 'campaign' ? 'programIntroCampaign' : 'programIntroEvent')}</p>
        {periodText(c, program) && (
          <p>
            {m(locale, 'period')}：{periodText(c, program)}
          </p>
        )}
        {program.kind === 'campaign' && (
          <Table
            caption={m(locale, 'facilityCount', { count: facilities.length })}
            columns={[
              { key: 'name', header: m(locale, 'name') },
              { key: 'ward', header: m(locale, 'ward') },
              { key: 'address', header: m(locale, 'address') },
            ]}
            rows={facilities.map((f) => ({ name: f.name, ward: f.ward, address: f.address }))}
            locale={locale}
          />
        )}
      </>
    ),
  });
});
