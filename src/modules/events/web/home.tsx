import type { AppContext } from '../../../platform/http/env.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { programMessages as pm } from '../../programs/messages.js';
import type { Program } from '../../programs/schema.js';

/** The event's public page (`/{slug}`). */
export async function renderEventHome(c: AppContext, program: Program, period: string | null): Promise<Response> {
  const locale = c.get('locale');
  return publicPage(c, {
    title: program.name,
    siteName: program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: pm(locale, 'siteName'), href: localHref(c, '/') }, { label: program.name }],
    children: (
      <>
        <p>{pm(locale, 'programIntroEvent')}</p>
        {period && (
          <p>
            {pm(locale, 'period')}：{period}
          </p>
        )}
      </>
    ),
  });
}
