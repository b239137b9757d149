import { WARDS } from '../../campaign/index.js';
import type { PublicFacility } from '../queries.js';
import { grams, normalizeText, queryTerms } from './normalize.js';
import { readingRomaji } from './romaji.js';

export const SORTS = ['kana', 'ward'] as const;
export type SortKey = (typeof SORTS)[number];

export interface SearchQuery {
  q?: string;
  ward?: string;
  type?: string;
  /** Every listed feature must be present. */
  features?: string[];
  /** Leave out sold-out facilities. */
  available?: boolean;
  sort?: SortKey;
  page?: number;
  perPage?: number;
}

export interface SearchResult {
  total: number;
  page: number;
  perPage: number;
  items: PublicFacility[];
}

interface Doc {
  f: PublicFacility;
  /** Folded name, kana, English name, reading in Hepburn, address and features, one per line. */
  text: string;
  features: Set<string>;
  wardRank: number;
}

/**
 * An in-memory inverted index of character bigrams over folded text. Documents are kept in kana
 * order, so posting lists (positions) are sorted and intersect in one pass; a candidate is then
 * confirmed by a substring test, so bigram collisions never give a wrong hit.
 */
export class FacilityIndex {
  readonly version: number;
  readonly size: number;
  private readonly docs: Doc[];
  private readonly byId = new Map<number, PublicFacility>();
  private readonly postings = new Map<string, number[]>();
  /** The features present, most common first. */
  readonly features: string[];

  constructor(facilities: readonly PublicFacility[], version: number) {
    this.version = version;
    const sorted = [...facilities].sort((a, b) => cmp(normalizeText(a.nameKana), normalizeText(b.nameKana)) || a.id - b.id);
    const featureCount = new Map<string, number>();
    this.docs = sorted.map((f) => {
      for (const x of f.features) featureCount.set(x, (featureCount.get(x) ?? 0) + 1);
      return {
        f,
        // The English name and the romanised reading let a traveller type "Akiu" or "akiu onsen".
        text: [f.name, f.nameKana, f.nameEn, readingRomaji(f.nameKana), f.address, ...f.features].map(normalizeText).join('\n'),
        features: new Set(f.features.map(normalizeText)),
        wardRank: rankOf(f.ward),
      };
    });
    this.docs.forEach((d, pos) => {
      this.byId.set(d.f.id, d.f);
      const seen = new Set<string>();
      for (const line of d.text.split('\n')) for (const g of [...grams(line), ...Array.from(line)]) seen.add(g);
      for (const g of seen) {
        const list = this.postings.get(g);
        if (list) list.push(pos);
        else this.postings.set(g, [pos]);
      }
    });
    this.size = this.docs.length;
    this.features = [...featureCount].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([k]) => k);
  }

  get(id: number): PublicFacility | undefined {
    return this.byId.get(id);
  }

  /** Counts for the top page: how many are listed, and how many of those are sold out. */
  counts(): { total: number; soldOut: number } {
    let soldOut = 0;
    for (const d of this.docs) if (d.f.soldOutOn) soldOut++;
    return { total: this.docs.length, soldOut };
  }

  all(): PublicFacility[] {
    return this.docs.map((d) => d.f);
  }

  search(query: SearchQuery): SearchResult {
    const perPage = clampInt(query.perPage, 20, 1, 100);
    let positions = this.match(queryTerms(query.q ?? ''));
    const wantFeatures = (query.features ?? []).map(normalizeText).filter(Boolean);
    positions = positions.filter((pos) => {
      const d = this.docs[pos]!;
      if (query.ward && d.f.ward !== query.ward) return false;
      if (query.type && d.f.type !== query.type) return false;
      if (query.available && d.f.soldOutOn) return false;
      for (const w of wantFeatures) if (!d.features.has(w)) return false;
      return true;
    });
    if (query.sort === 'ward') positions.sort((a, b) => this.docs[a]!.wardRank - this.docs[b]!.wardRank || a - b);
    const total = positions.length;
    const pages = Math.max(1, Math.ceil(total / perPage));
    const page = Math.min(clampInt(query.page, 1, 1, 100_000), pages);
    const items = positions.slice((page - 1) * perPage, page * perPage).map((pos) => this.docs[pos]!.f);
    return { total, page, perPage, items };
  }

  /** Positions (kana order) of documents holding every term. */
  private match(terms: string[]): number[] {
    if (terms.length === 0) return this.docs.map((_, i) => i);
    let result: number[] | null = null;
    for (const term of terms) {
      const lists = [...new Set(grams(term))].map((g) => this.postings.get(g) ?? []);
      lists.sort((a, b) => a.length - b.length);
      let cand: number[] = result ? intersect(result, lists[0]!) : lists[0]!;
      for (let i = 1; i < lists.length && cand.length > 0; i++) cand = intersect(cand, lists[i]!);
      result = cand.filter((pos) => this.docs[pos]!.text.includes(term));
      if (result.length === 0) break;
    }
    return result ?? [];
  }
}

function intersect(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rankOf(ward: string): number {
  const i = (WARDS as readonly string[]).indexOf(ward);
  return i < 0 ? WARDS.length : i;
}

function clampInt(v: number | undefined, fallback: number, min: number, max: number): number {
  if (v === undefined || !Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(v)));
}
