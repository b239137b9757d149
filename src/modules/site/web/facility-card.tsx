import type { Locale } from '../../../platform/i18n/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { StatusBadge } from '../../../ui/index.js';
import { featureNameEn } from '../../campaign/index.js';
import { siteMessages as m } from '../messages.js';
import type { PublicFacility } from '../queries.js';
import { englishName } from '../search/romaji.js';
import { soldOutLabel, typeLabel, wardLabel } from './format.js';

/** The sale status: 販売終了（date） stands out, and is text, not colour alone. */
export function SaleBadge({ locale, soldOutOn }: { locale: Locale; soldOutOn: string | null }) {
  const sold = soldOutLabel(locale, soldOutOn);
  return sold ? <StatusBadge tone="danger">{sold}</StatusBadge> : <StatusBadge tone="success">{m(locale, 'onSale')}</StatusBadge>;
}

/**
 * A facility's name: on English pages the Japanese name (marked Japanese) followed by its English
 * name, else its reading in Hepburn, so a traveller can read it out and find it again.
 */
export function FacilityName({ locale, f }: { locale: Locale; f: PublicFacility }) {
  if (locale !== 'en') return <>{f.name}</>;
  return (
    <>
      <span lang="ja">{f.name}</span> ({englishName(f)})
    </>
  );
}

/** The features, each in English where the program or the common list names it (else as it is, marked Japanese). */
export function FeatureList({ locale, program, features }: { locale: Locale; program: Program; features: string[] }) {
  if (locale !== 'en') return <>{features.join('、')}</>;
  return (
    <>
      {features.map((x, i) => {
        const en = featureNameEn(program, x);
        return (
          <>
            {i > 0 && ', '}
            {en ?? <span lang="ja">{x}</span>}
          </>
        );
      })}
    </>
  );
}

/** One result of the facility list. */
export function FacilityCard({ locale, program, f, href }: { locale: Locale; program: Program; f: PublicFacility; href: string }) {
  return (
    <li class="app-card">
      <h3 class="app-heading-3">
        <a href={href}>
          <FacilityName locale={locale} f={f} />
        </a>
      </h3>
      <p>
        <SaleBadge locale={locale} soldOutOn={f.soldOutOn} /> {m(locale, 'cardTypeWard', { type: typeLabel(locale, f.type), ward: wardLabel(locale, f.ward) })}
      </p>
      <p>
        <span lang="ja">{f.nameKana}</span>
      </p>
      <p>
        {m(locale, 'cardAddress')}<span lang="ja">{f.address}</span>
      </p>
      {f.features.length > 0 && (
        <p>
          {m(locale, 'cardFeatures')}
          <FeatureList locale={locale} program={program} features={f.features} />
        </p>
      )}
    </li>
  );
}
