/**
 * The launch-day traffic of the public campaign site, shared by bench/search.ts (one instance,
 * embedded database) and bench/cluster.ts (three instances behind HAProxy on PostgreSQL): 1,000
 * facilities, the queries people type with Zipf popularity, and the page mix.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemActor } from '../src/platform/audit/index.js';
import { runCommand } from '../src/platform/command.js';
import type { Deps } from '../src/platform/deps.js';
import { facilities, WARDS, FACILITY_TYPES } from '../src/modules/campaign/schema.js';
import { DEMO_FACILITIES, DEMO_FEATURES } from '../src/modules/demo/facilities.js';
import { createProgram } from '../src/platform/programs/commands/create-program.js';
import { kanaNumber } from '../test/helpers/fixtures.js';
import type { LoadResult } from './load.js';
import { assetUrls } from '../src/ui/static/index.js';

export const N = 1000;
/** What Chrome sends over HTTPS (what launch-day visitors use): kept answers go compressed. */
export const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const TOWNS = ['一番町', '中央', '国分町', '本町', '作並', '秋保', '長町', '泉中央', '榴岡', '荒井', '六丁の目', '鶴ケ谷', '七北田', '西多賀', '八乙女', '宮城野', '蒲生', '新寺'];

export interface Row {
  name: string;
  nameKana: string;
  type: (typeof FACILITY_TYPES)[number];
  ward: (typeof WARDS)[number];
  address: string;
  features: string[];
}

export function facilityRows(): Row[] {
  return Array.from({ length: N }, (_, i) => {
    const d = DEMO_FACILITIES[i % DEMO_FACILITIES.length]!;
    const extra = DEMO_FEATURES.filter((_, k) => (i + k) % 5 === 0).slice(0, 2);
    return {
      name: `${d.name} ${i + 1}号館`,
      nameKana: `${d.nameKana} ${kanaNumber(i + 1)}ゴウカン`,
      type: d.type,
      ward: d.ward,
      address: `${d.address}-${i + 1}`,
      features: [...new Set([...d.features, ...extra])],
    };
  });
}

/** A small deterministic PRNG (mulberry32), so every run measures the same queries. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const slice = (r: ReturnType<typeof prng>, s: string) => {
  const t = s.replace(/\s|\d|号館|ゴウカン/g, '');
  const len = 2 + Math.floor(r.next() * 3);
  const at = Math.floor(r.next() * Math.max(1, t.length - len));
  return t.slice(at, at + len);
};

/** `count` distinct query strings drawn from the facilities, as people type them. */
export function queryStrings(rows: Row[], count: number, seed: number): string[] {
  const r = prng(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const f = r.pick(rows);
    const p = new URLSearchParams();
    const kind = r.next();
    if (kind < 0.3) p.set('q', slice(r, f.name));
    else if (kind < 0.45) p.set('q', toHiragana(slice(r, f.nameKana)));
    else if (kind < 0.6) p.set('q', r.pick(TOWNS));
    else if (kind < 0.7) p.set('q', `${f.ward.replace('区', '')} ${r.pick(f.features)}`);
    else if (kind < 0.8) p.set('q', toFullWidth(r.pick(f.features)));
    else if (kind < 0.9) p.set('q', '');
    if (r.next() < 0.4) p.set('ward', r.pick(WARDS));
    if (r.next() < 0.25) p.set('type', r.pick(FACILITY_TYPES));
    if (r.next() < 0.3) p.append('feature', r.pick(DEMO_FEATURES));
    if (r.next() < 0.1) p.append('feature', r.pick(DEMO_FEATURES));
    if (r.next() < 0.3) p.set('available', 'true');
    if (r.next() < 0.2) p.set('sort', 'ward');
    p.set('page', String(1 + Math.floor(r.next() * r.next() * 4)));
    out.add(p.toString());
  }
  return [...out];
}

/**
 * `length` requests over `distinct` queries with Zipf (s = 1) popularity, as search traffic is:
 * a few queries (the plain list, a ward) are asked often, most only once or twice.
 */
export function zipfSequence(distinct: string[], length: number, seed: number): string[] {
  const r = prng(seed);
  const cdf: number[] = [];
  let sum = 0;
  for (let k = 1; k <= distinct.length; k++) cdf.push((sum += 1 / k));
  return Array.from({ length }, () => {
    const x = r.next() * sum;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return distinct[lo]!;
  });
}

/**
 * The launch-day mix, `length` requests: top pages 10% (ja and en), search pages 45% (the measured
 * queries, in their Zipf order), facility pages 25% (Zipf over the facilities), content pages 5%,
 * static assets 15% (the hashed URLs pages link to).
 */
export function pageMix(slug: string, searches: string[], facilityIds: number[], length: number, seed: number): string[] {
  const r = prng(seed);
  const ids = zipfSequence(facilityIds.map(String), length, seed + 1);
  const contents = ['howto', 'faq', 'contact', 'for-business', 'accessibility', 'privacy'];
  const assets = [assetUrls.tokensCss, assetUrls.appCss, assetUrls.appJs];
  return Array.from({ length }, (_, i) => {
    const x = r.next();
    if (x < 0.1) return r.next() < 0.8 ? `/${slug}` : `/en/${slug}`;
    if (x < 0.55) return `/${slug}/facilities?${searches[i % searches.length]}`;
    if (x < 0.8) return `/${slug}/facilities/${ids[i]}`;
    if (x < 0.85) return `/${slug}/${r.pick(contents)}`;
    return r.pick(assets);
  });
}

export function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export function line(label: string, r: LoadResult): string {
  return `${label.padEnd(26)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(1).padStart(5)} ms   p99 ${r.p99.toFixed(1).padStart(5)} ms   errors ${r.errors}   (${r.requests} requests${Object.keys(r.statuses).length ? `, statuses ${JSON.stringify(r.statuses)}` : ''})`;
}


/** A campaign `slug` with the N facilities (every 17th sold out), straight into the table. */
export async function seedBenchCampaign(deps: Deps, slug: string, name: string) {
  const rows = facilityRows();
  return runCommand(deps, systemActor('bench'), async (ctx) => {
    const p = await createProgram(ctx, { kind: 'campaign', slug, name });
    const values = rows.map((f, i) => ({ ...f, programId: p.id, postalCode: '980-0811', rooms: 20 + (i % 200), soldOutOn: i % 17 === 0 ? '2026-06-10' : null }));
    const ids: number[] = [];
    for (let i = 0; i < N; i += 250) ids.push(...(await ctx.tx.insert(facilities).values(values.slice(i, i + 250)).returning({ id: facilities.id })).map((r) => r.id));
    return { ...p, facilityIds: ids, rows };
  });
}

/** The ceiling (a): a bare node:http server answering a small fixed JSON body. */
export function bareJsonServer(): http.Server {
  const body = JSON.stringify({ total: 1, page: 1, perPage: 20, items: [{ id: 1, name: 'ホテル', soldOut: false }] });
  return http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
}
