import { raw } from 'hono/html';
import type { AppContext } from '../../../platform/http/env.js';
import { Button, Checkbox, CheckboxGroup, Pagination, SelectField, TextField } from '../../../ui/index.js';
import type { Locale } from '../../../platform/i18n/index.js';
import { FACILITY_TYPES, WARDS, featureNameEn } from '../../campaign/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { siteMessages as m } from '../messages.js';
import type { FacilityIndex, SearchQuery } from '../search/facility-index.js';
import type { PublicFacility } from '../queries.js';
import { FacilityCard } from './facility-card.js';
import { LruCache } from '../../../platform/lru.js';
import { escapeAttr, renderSync, slot } from './html-cache.js';
import { typeLabel, wardLabel } from './format.js';
import { siteBytes, sitePath } from './layout.js';
import { searchQueryString } from './search-query.js';

/** Rendered result cards as UTF-8 bytes, by program (and its last change), index version, language and facility. */
const cards = new LruCache<Uint8Array>(5000);

/** A facility's card; the same for every query that lists it, so rendered and encoded once per index version. */
function cardBytes(c: AppContext, program: Program, index: FacilityIndex, f: PublicFacility): Uint8Array {
  const locale = c.get('locale');
  const key = `${program.id}:${program.updatedAt.getTime()}:${index.version}:${locale}:${f.id}`;
  let bytes = cards.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(renderSync(<FacilityCard locale={locale} program={program} f={f} href={sitePath(c, program, `/facilities/${f.id}`)} />), 'utf8');
    cards.set(key, bytes);
  }
  return bytes;
}

/** A feature's checkbox label: English when it has an English name on an English page, else as it is (marked Japanese). */
function featureLabel(locale: Locale, program: Program, feature: string) {
  const en = locale === 'en' ? featureNameEn(program, feature) : undefined;
  return en ?? <span lang="ja">{feature}</span>;
}

/**
 * The search form, assembled from controls rendered once per language and state: the words typed
 * go into a slot (they vary the most), each select, the feature group and the checkbox are cached
 * by their own value, so a new combination of filters costs string joins, not a render.
 */
const controls = new LruCache<Buffer>(4000);
const Q_SLOT = slot('q');
const SLOT = { ward: slot('ward'), type: slot('type'), feature: slot('feature'), available: slot('available'), sort: slot('sort') };
const SLOT_NAME = new Map(Object.entries(SLOT).map(([k, v]) => [v, k as keyof typeof SLOT]));
/** Cuts a shell at its slots, keeping them: [text, slot, text, …, text]. */
const SLOT_CUT = new RegExp(`(${[...Object.values(SLOT), Q_SLOT].join('|')})`);
/** Each shell (one per language, path and feature list) cut once, its text as UTF-8: a page joins the pieces. */
const cutShells = new WeakMap<Buffer, Array<Buffer | string>>();

/** A control's HTML as UTF-8 bytes, rendered and encoded once per key. */
function control(key: string, render: () => Parameters<typeof renderSync>[0]): Buffer {
  let bytes = controls.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(renderSync(render()), 'utf8');
    controls.set(key, bytes);
  }
  return bytes;
}

function formBytes(c: AppContext, program: Program, base: string, query: SearchQuery, featureOptions: string[]): Uint8Array[] {
  const locale = c.get('locale');
  const features = query.features ?? [];
  const shell = control(`form:${locale}:${base}:${featureOptions.length > 0}`, () => (
    <form class="app-form" action={base} method="get" role="search" aria-label={m(locale, 'searchFormLabel')}>
      <TextField name="q" label={m(locale, 'q')} hint={m(locale, 'qHint')} value={Q_SLOT} width="lg" inputmode="search" locale={locale} />
      {raw(SLOT.ward)}
      {raw(SLOT.type)}
      {featureOptions.length > 0 && raw(SLOT.feature)}
      {raw(SLOT.available)}
      {raw(SLOT.sort)}
      <Button preventDoubleSubmit={false}>{m(locale, 'searchButton')}</Button>
    </form>
  ));
  const parts: Record<keyof typeof SLOT, () => Buffer> = {
    ward: () =>
      control(`ward:${locale}:${query.ward ?? ''}`, () => (
        <SelectField
          name="ward"
          label={m(locale, 'ward')}
          value={query.ward ?? ''}
          emptyOption={m(locale, 'allWards')}
          options={WARDS.map((w) => ({ value: w, label: wardLabel(locale, w) }))}
          locale={locale}
        />
      )),
    type: () =>
      control(`type:${locale}:${query.type ?? ''}`, () => (
        <SelectField
          name="type"
          label={m(locale, 'type')}
          value={query.type ?? ''}
          emptyOption={m(locale, 'allTypes')}
          options={FACILITY_TYPES.map((t) => ({ value: t, label: typeLabel(locale, t) }))}
          locale={locale}
        />
      )),
    feature: () =>
      // English labels follow the program's settings: its last change is part of the key.
      control(`feature:${locale}:${locale === 'en' ? `${program.id}:${program.updatedAt.getTime()}:` : ''}${featureOptions.join('\u0002')}:${featureOptions.filter((f) => features.includes(f)).join('\u0002')}`, () => (
        <CheckboxGroup
          name="feature"
          label={m(locale, 'features')}
          inline
          values={features}
          options={featureOptions.map((f) => ({ value: f, label: featureLabel(locale, program, f) }))}
          locale={locale}
        />
      )),
    available: () => control(`available:${locale}:${query.available ? 1 : 0}`, () => <Checkbox name="available" label={m(locale, 'available')} checked={query.available} locale={locale} />),
    sort: () =>
      control(`sort:${locale}:${query.sort ?? 'kana'}`, () => (
        <SelectField
          name="sort"
          label={m(locale, 'sort')}
          value={query.sort ?? 'kana'}
          emptyOption={false}
          options={[
            { value: 'kana', label: m(locale, 'sortKana') },
            { value: 'ward', label: m(locale, 'sortWard') },
          ]}
          locale={locale}
        />
      )),
  };
  let pieces = cutShells.get(shell);
  if (pieces === undefined) {
    pieces = shell.toString('utf8').split(SLOT_CUT).map((p, i) => (i % 2 === 0 ? Buffer.from(p, 'utf8') : p));
    cutShells.set(shell, pieces);
  }
  // The slots are filled from the pieces of the shell, never from what was filled in: the visitor's
  // words cannot open a slot.
  return pieces.map((p) => (typeof p !== 'string' ? p : p === Q_SLOT ? Buffer.from(escapeAttr(query.q ?? ''), 'utf8') : parts[SLOT_NAME.get(p)!]()));
}

/**
 * The facility list and search page (a GET form: the URL holds the query; no JavaScript needed),
 * as UTF-8 bytes assembled from the layout's and the cards' kept bytes (see `siteBytes`).
 */
export async function searchPageBytes(c: AppContext, program: Program, index: FacilityIndex, query: SearchQuery, featureOptions: string[]): Promise<Uint8Array<ArrayBuffer>> {
  const locale = c.get('locale');
  const result = index.search({ ...query, perPage: 20 });
  const base = sitePath(c, program, '/facilities');
  const from = result.total === 0 ? 0 : (result.page - 1) * result.perPage + 1;
  const to = Math.min(result.page * result.perPage, result.total);
  const countText =
    result.total === 0 ? m(locale, 'resultNone') : result.total > result.perPage ? m(locale, 'resultCountPaged', { total: result.total, from, to }) : m(locale, 'resultCount', { total: result.total });
  const main: Array<string | Uint8Array> = [
    ...formBytes(c, program, base, query, featureOptions),
    renderSync(
      <>
        <h2 class="app-heading-2" id="results">
          {m(locale, 'resultsHeading')}
        </h2>
        <p role="status" id="result-count">
          {countText}
        </p>
      </>,
    ),
  ];
  if (result.items.length > 0) main.push('<ul class="app-card-list">', ...result.items.map((f) => cardBytes(c, program, index, f)), '</ul>');
  if (result.total > result.perPage) {
    main.push(renderSync(<Pagination page={result.page} perPage={result.perPage} total={result.total} hrefFor={(p) => base + searchQueryString(query, p)} locale={locale} />));
  }
  return siteBytes(c, program, { title: m(locale, 'searchTitle'), nav: 'search' }, main);
}
