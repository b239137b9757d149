import type { AppContext } from '../../../platform/http/env.js';
import { DescriptionList } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { siteMessages as m } from '../messages.js';
import type { PublicFacility } from '../queries.js';
import { englishName } from '../search/romaji.js';
import { FeatureList, SaleBadge } from './facility-card.js';
import { typeLabel, wardLabel } from './format.js';
import { siteHtml, sitePath } from './layout.js';

/** A facility's own page: 販売終了 with its date when sold out. */
export async function detailPageHtml(c: AppContext, program: Program, f: PublicFacility): Promise<string> {
  const locale = c.get('locale');
  const ja = (text: string) => <span lang="ja">{text}</span>;
  const website = /^https?:\/\//i.test(f.website) ? f.website : '';
  // English pages name the facility in Japanese and in English (or its reading in Hepburn).
  const title = locale === 'en' ? `${f.name} (${englishName(f)})` : f.name;
  return siteHtml(c, program, {
    title,
    nav: 'search',
    breadcrumbs: [{ label: m(locale, 'navSearch'), href: sitePath(c, program, '/facilities') }, { label: title }],
    children: (
      <>
        <p>
          <SaleBadge locale={locale} soldOutOn={f.soldOutOn} />
        </p>
        <DescriptionList
          items={[
            { term: m(locale, 'kana'), detail: ja(f.nameKana) },
            ...(locale === 'en' ? [{ term: m(locale, f.nameEn ? 'nameEn' : 'nameRomaji'), detail: englishName(f) }] : []),
            { term: m(locale, 'type'), detail: typeLabel(locale, f.type) },
            { term: m(locale, 'ward'), detail: wardLabel(locale, f.ward) },
            { term: m(locale, 'postalCode'), detail: m(locale, 'postalCodeValue', { code: f.postalCode }) },
            { term: m(locale, 'address'), detail: ja(f.address) },
            ...(f.phone ? [{ term: m(locale, 'phone'), detail: <a href={`tel:${f.phone}`}>{f.phone}</a> }] : []),
            ...(website ? [{ term: m(locale, 'website'), detail: <a href={website}>{website}</a> }] : []),
            ...(f.rooms ? [{ term: m(locale, 'rooms'), detail: m(locale, 'roomsValue', { n: f.rooms }) }] : []),
            ...(f.features.length ? [{ term: m(locale, 'features'), detail: <FeatureList locale={locale} program={program} features={f.features} /> }] : []),
            { term: m(locale, 'saleStatus'), detail: <SaleBadge locale={locale} soldOutOn={f.soldOutOn} /> },
          ]}
        />
        {f.description && <p lang="ja">{f.description}</p>}
        <p>
          <a href={sitePath(c, program, '/facilities')}>{m(locale, 'backToSearch')}</a>
        </p>
      </>
    ),
  });
}
