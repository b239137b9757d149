import type { AppContext } from '../../../platform/http/env.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { Table } from '../../../ui/index.js';
import { programMessages as pm } from '../../programs/messages.js';
import type { Program } from '../../programs/schema.js';
import { listRegisteredFacilities } from '../queries.js';

/** The campaign's public top page (`/{slug}`). */
export async function renderCampaignHome(c: AppContext, program: Program, period: string | null): Promise<Response> {
  const locale = c.get('locale');
  const facilities = await listRegisteredFacilities(c.get('deps').db, program.id);
  return publicPage(c, {
    title: program.name,
    siteName: program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: pm(locale, 'siteName'), href: localHref(c, '/') }, { label: program.name }],
    children: (
      <>
        <p>{pm(locale, 'programIntroCampaign')}</p>
        {period && (
          <p>
            {pm(locale, 'period')}：{period}
          </p>
        )}
        <Table
          caption={pm(locale, 'facilityCount', { count: facilities.length })}
          columns={[
            { key: 'name', header: pm(locale, 'name') },
            { key: 'ward', header: pm(locale, 'ward') },
            { key: 'address', header: pm(locale, 'address') },
          ]}
          rows={facilities.map((f) => ({ name: f.name, ward: f.ward, address: f.address }))}
          locale={locale}
        />
      </>
    ),
  });
}
