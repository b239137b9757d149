import { Hono } from 'hono';
import { tokyoDate } from '../../calendar/index.js';
import { AppError } from '../../errors/index.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { localHref, publicPage } from '../../http/public-page.js';
import { StatusBadge } from '../../../ui/index.js';
import { programMessages as m } from '../messages.js';
import { findProgramBySlug, listPrograms } from '../queries.js';
import type { Program } from '../schema.js';
import { slugSchema } from '../validators.js';
import { shareBriefly } from '../../http/public-cache.js';

/** The module that renders a program's public pages decides when it is public and what dates it shows. */
function homeOf(c: AppContext, program: Program) {
  return c.get('deps').modules.homes[program.kind];
}

function isPublicToday(c: AppContext, program: Program): boolean {
  const home = homeOf(c, program);
  return !home?.isPublic || home.isPublic(program, tokyoDate(c.get('deps').clock.now()));
}

export const programsPublic = new Hono<AppEnv>();

programsPublic.get('/', async (c) => {
  const locale = c.get('locale');
  const programs = (await listPrograms(c.get('deps').db)).filter((p) => isPublicToday(c, p));
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
                  {listingOf(c, p) && ` ${listingOf(c, p)}`}
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

/** The program's own top page: the module that declares a home for the program's kind renders it. */
programsPublic.get('/:slug', async (c) => {
  const slug = c.req.param('slug');
  if (!slugSchema.safeParse(slug).success) throw new AppError('not-found');
  const program = await findProgramBySlug(c.get('deps').db, slug);
  if (!program) throw new AppError('not-found');
  const home = homeOf(c, program);
  if (!home) throw new AppError('not-found');
  // The busiest page on a launch morning: anonymous visitors share it for a second.
  return shareBriefly(c, () => home.render(c, program));
});

function listingOf(c: AppContext, program: Program): string | null {
  return homeOf(c, program)?.listing?.(program, c.get('locale')) ?? null;
}
