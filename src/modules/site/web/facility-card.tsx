import type { Locale } from '../../../platform/i18n/index.js';
import { StatusBadge } from '../../../ui/index.js';
import { siteMessages as m } from '../messages.js';
import type { PublicFacility } from '../queries.js';
import { soldOutLabel, typeLabel, wardLabel } from './format.js';

/** The sale status: 販売終了（date） stands out, and is text, not colour alone. */
export function SaleBadge({ locale, soldOutOn }: { locale: Locale; soldOutOn: string | null }) {
  const sold = soldOutLabel(locale, soldOutOn);
  return sold ? <StatusBadge tone="danger">{sold}</StatusBadge> : <StatusBadge tone="success">{m(locale, 'onSale')}</StatusBadge>;
}

/** One result of the facility list. */
export function FacilityCard({ locale, f, href }: { locale: Locale; f: PublicFacility; href: string }) {
  return (
    <li class="app-card">
      <h3 class="app-heading-3">
        <a href={href}>{f.name}</a>
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
          {m(locale, 'cardFeatures')}<span lang="ja">{f.features.join('、')}</span>
        </p>
      )}
    </li>
  );
}
