/**
 * Real records for the route walk (route-permissions.test.ts): every `:param` of a registered
 * route is resolved to a record of program A, made with the modules' own commands, so "an
 * operator of program B gets 404 on A's records" is proven on records that exist. A route with a
 * parameter no rule below can seed makes the walk fail: a new kind of record needs a seeder here.
 */
import { eq, sql } from 'drizzle-orm';
import { systemActor } from '../../src/platform/audit/index.js';
import { runCommand } from '../../src/platform/command.js';
import type { Deps } from '../../src/platform/deps.js';
import { queueMail } from '../../src/platform/mail/outbox.js';
import type { Program } from '../../src/platform/programs/schema.js';
import { findProgramBySlug } from '../../src/platform/programs/queries.js';
import { facilities } from '../../src/modules/campaign/schema.js';
import { submitApplication } from '../../src/modules/campaign/commands/save-application.js';
import { saveNotice } from '../../src/modules/campaign/commands/save-notice.js';
import { listDocuments } from '../../src/modules/campaign/documents.js';
import { openCampaign, PDF_BYTES, PNG_BYTES, validApplication } from '../../src/modules/campaign/test-helpers.js';
import { registerParticipant } from '../../src/modules/events/commands/register-participant.js';
import { addProgramItem } from '../../src/modules/events/commands/program-items.js';
import { makeEvent, person } from '../../src/modules/events/test-helpers.js';
import { setAllocation } from '../../src/modules/settlement/commands/budget.js';
import { reserveClaim } from '../../src/modules/settlement/commands/reserve-claim.js';
import { reportStay, reviewClaim } from '../../src/modules/settlement/commands/claim-lifecycle.js';
import { closeMonth } from '../../src/modules/settlement/commands/close-month.js';
import { assignGroups } from '../../src/modules/events/commands/assign-groups.js';
import { grantFacilityAccess } from '../../src/modules/settlement/facility-access.js';
import { saveDraft } from '../../src/modules/site/commands/save-draft.js';
import { submitVersion } from '../../src/modules/site/commands/submit-version.js';
import { createA11yTest, recordA11yResult, submitA11yTest } from '../../src/modules/site/commands/a11y-tests.js';
import { seedArticleWithPhoto, seedDeliverableInProof, seedHearing } from '../../src/modules/deliverables/test-helpers.js';
import { makeUser } from '../helpers/fixtures.js';
import { proposeFaq } from '../../src/modules/calls/commands/faq.js';
import { createUser } from '../../src/platform/auth/users.js';
import { queryRows } from '../../src/db/client.js';
import { requestStaff } from '../../src/modules/privacy/commands/staff.js';
import { reportIncident } from '../../src/modules/privacy/incidents/commands.js';
import { planHandover } from '../../src/modules/privacy/handovers/commands.js';
import { attachFile } from '../../src/modules/privacy/files/commands.js';

/** A minimal PDF for the privacy module's attached files. */
const WALK_PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
import { addTask } from '../../src/modules/records/plan/schedule/commands.js';
import { createMeeting } from '../../src/modules/records/plan/meetings/commands.js';

export const SLUGS = { campaignA: 'walk-a', eventA: 'walk-ae', campaignB: 'walk-b', eventB: 'walk-be' } as const;

export async function makeWalkPrograms(deps: Deps) {
  await openCampaign(deps, SLUGS.campaignA);
  await openCampaign(deps, SLUGS.campaignB);
  await makeEvent(deps, SLUGS.eventA);
  await makeEvent(deps, SLUGS.eventB);
  const get = async (slug: string) => (await findProgramBySlug(deps.db, slug))!;
  return { campaignA: await get(SLUGS.campaignA), eventA: await get(SLUGS.eventA), campaignB: await get(SLUGS.campaignB), eventB: await get(SLUGS.eventB) };
}

/** Records that belong together (a document and its application); seeded as one. */
type Family = 'notice' | 'statement' | 'group' | 'application' | 'registration' | 'eventItem' | 'facility' | 'claim' | 'siteVersion' | 'a11yTest' | 'banner' | 'mail' | 'user' | 'staffEntry' | 'deliverable' | 'callFaq' | 'incident' | 'hearing' | 'handover' | 'scheduleTask' | 'meeting' | 'articlePhoto';

interface Rule {
  /** The route pattern (as Hono lists it) this rule applies to. */
  route: RegExp;
  param: string;
  /** A record family and the field of it, or a constant. */
  value: { family: Family; field: string } | { constant: string };
}

/** Which record each parameter names, by route. The first matching rule wins. */
const RULES: Rule[] = [
  { route: /^\/(api\/v1|admin)\/deliverables\//, param: 'id', value: { family: 'deliverable', field: 'id' } },
  { route: /^\/admin\/deliverables\/hearings\/:hid\/photos\/:pid/, param: 'hid', value: { family: 'articlePhoto', field: 'hid' } },
  { route: /^\/admin\/deliverables\/hearings\/|^(\/en)?\/:slug\/articles\//, param: 'pid', value: { family: 'articlePhoto', field: 'pid' } },
  { route: /^(\/en)?\/:slug\/articles\//, param: 'aid', value: { family: 'articlePhoto', field: 'aid' } },
  { route: /^\/admin\/deliverables\/hearings\//, param: 'hid', value: { family: 'hearing', field: 'id' } },
  { route: /^\/(api\/v1|admin)\/deliverables\//, param: 'round', value: { constant: '1' } },
  { route: /^\/(api\/v1|admin)\/deliverables\//, param: 'n', value: { constant: '1' } },
  { route: /^\/(api\/v1|admin)\/deliverables\//, param: 'page', value: { constant: '1' } },
  { route: /^\/static\//, param: 'file', value: { constant: 'app.css' } },
  { route: /./, param: 'page', value: { constant: 'faq' } },
  // Call tallies name a day or a month that is over at the walk's clock (2026-06-01); the CTI hook a token.
  { route: /\/calls\/|^\/admin\/calls\//, param: 'date', value: { constant: '2026-05-29' } },
  { route: /\/calls\/|^\/admin\/calls\//, param: 'month', value: { constant: '2026-05' } },
  { route: /^\/api\/v1\/cti\//, param: 'token', value: { constant: '0000000000000000000000000000000000000000' } },
  { route: /^\/api\/v1\/faq\/:id/, param: 'id', value: { family: 'callFaq', field: 'id' } },
  { route: /^\/admin\/settlement\/:slug\/monthly\//, param: 'month', value: { family: 'statement', field: 'month' } },
  { route: /^\/:slug\/business\/money\/monthly\//, param: 'month', value: { family: 'statement', field: 'month' } },
  { route: /^\/api\/v1\/programs\/:slug\/facilities\/:id/, param: 'id', value: { family: 'facility', field: 'id' } },
  { route: /\/monthly\/:month\/statements\/:facility/, param: 'facility', value: { family: 'statement', field: 'facility' } },
  { route: /^\/admin\/events\/:slug\/groups\/:number/, param: 'number', value: { family: 'group', field: 'number' } },
  { route: /^\/(api\/v1|admin\/campaign)\/applications\/:id/, param: 'id', value: { family: 'application', field: 'id' } },
  { route: /^\/admin\/campaign\/applications\/:id\/documents\/:docId/, param: 'docId', value: { family: 'application', field: 'documentId' } },
  { route: /^\/admin\/events\/registrations\/:id/, param: 'id', value: { family: 'registration', field: 'id' } },
  { route: /^(\/en)?\/:slug\/registration\/:token/, param: 'token', value: { family: 'registration', field: 'token' } },
  { route: /^\/admin\/events\/:slug\/items\/:id/, param: 'id', value: { family: 'eventItem', field: 'id' } },
  { route: /^\/api\/v1\/claims\/:id|^\/:slug\/business\/claims\/:id/, param: 'id', value: { family: 'claim', field: 'id' } },
  { route: /^(\/en)?\/:slug\/facilities\/:id/, param: 'id', value: { family: 'facility', field: 'id' } },
  // Facility profile changes are addressed by the facility's id.
  { route: /^\/:slug\/business\/facilities\/:id|^\/admin\/campaign\/:slug\/profiles\/:id/, param: 'id', value: { family: 'facility', field: 'id' } },
  { route: /^\/:slug\/business\/claims\/facilities\/:facility/, param: 'facility', value: { family: 'facility', field: 'id' } },
  { route: /^\/admin\/campaign\/:slug\/notices\/:id/, param: 'id', value: { family: 'notice', field: 'id' } },
  { route: /^\/admin\/site\/:slug\/contents\/:id/, param: 'id', value: { family: 'siteVersion', field: 'contentId' } },
  { route: /^\/admin\/site\/:slug\/versions\/:vid/, param: 'vid', value: { family: 'siteVersion', field: 'id' } },
  { route: /^\/admin\/site\/:slug\/accessibility\/tests\/:tid/, param: 'tid', value: { family: 'a11yTest', field: 'id' } },
  { route: /^(\/en)?\/:slug\/banners\/:vid/, param: 'vid', value: { family: 'banner', field: 'id' } },
  { route: /^\/admin\/mail\/:id/, param: 'id', value: { family: 'mail', field: 'id' } },
  { route: /^\/admin\/users\/:id/, param: 'id', value: { family: 'user', field: 'id' } },
  { route: /^\/(api\/v1|admin\/privacy)\/staff\/:id/, param: 'id', value: { family: 'staffEntry', field: 'id' } },
  { route: /^\/admin\/privacy\/incidents\/:id/, param: 'id', value: { family: 'incident', field: 'id' } },
  { route: /^\/admin\/privacy\/handovers\/:id/, param: 'id', value: { family: 'handover', field: 'id' } },
  { route: /^\/admin\/records\/schedule\/tasks\/:id/, param: 'id', value: { family: 'scheduleTask', field: 'id' } },
  { route: /^\/admin\/records\/meetings\/:id/, param: 'id', value: { family: 'meeting', field: 'id' } },
];

/** The parameter names of a Hono route pattern (`:id{[0-9]+}` → `id`). */
export function paramsOf(routePath: string): string[] {
  return [...routePath.matchAll(/:(\w+)/g)].map((m) => m[1]!);
}

/** The rule for each parameter other than `slug`, or the names no rule covers. */
function rulesFor(routePath: string): { rules: Map<string, Rule>; missing: string[] } {
  const rules = new Map<string, Rule>();
  const missing: string[] = [];
  for (const p of paramsOf(routePath)) {
    if (p === 'slug') continue;
    const rule = RULES.find((r) => r.param === p && r.route.test(routePath));
    if (rule) rules.set(p, rule);
    else missing.push(p);
  }
  return { rules, missing };
}

export function unseedableParams(routePath: string): string[] {
  return rulesFor(routePath).missing;
}

/** Families that are set up once and only read (a fresh one would change nothing). */
const SHARED = new Set<Family>(['facility', 'statement', 'group']);

/**
 * What a request needs beyond its path to reach the record (a query or form field the route
 * requires), by route key. A form value `@family.field` is replaced by that seeded record's field.
 */
export const REQUEST_EXTRAS: Record<string, { query?: string; form?: Record<string, string> }> = {
  'GET /admin/site/:slug/new': { query: '?kind=news' },
  'POST /admin/site/:slug/contents': { form: { kind: 'news' } },
  'POST /:slug/business/claims/sales': { form: { facility: '@facility.id', action: 'stop' } },
};

export class RouteSeeds {
  private cache = new Map<Family, Record<string, string>>();
  private n = 0;
  private facilityId = 0;

  constructor(
    private deps: Deps,
    private programs: { campaignA: Program; eventA: Program },
    /** The program-A business user, who may act for the seeded facility. */
    private businessUserId: number,
  ) {}

  private run<T>(fn: Parameters<typeof runCommand<T>>[2]): Promise<T> {
    return runCommand(this.deps, systemActor('route-walk'), fn);
  }

  /** One facility of program A with a budget, shared by every claim. */
  private async facility(): Promise<number> {
    if (this.facilityId) return this.facilityId;
    const program = this.programs.campaignA;
    const [row] = await this.deps.db
      .insert(facilities)
      .values({ programId: program.id, name: '巡回テスト施設', nameKana: 'ジュンカイテストシセツ', type: 'hotel', postalCode: '980-0811', address: '仙台市青葉区一番町1', ward: '青葉区', registrationNumber: 'T-walk-1', registeredOn: '2026-05-15' })
      .returning();
    this.facilityId = row!.id;
    await grantFacilityAccess(this.deps.db, this.facilityId, this.businessUserId);
    await this.run((ctx) => setAllocation(ctx, program, this.facilityId, 10_000_000));
    return this.facilityId;
  }

  private async seed(family: Family): Promise<Record<string, string>> {
    const n = ++this.n;
    const { campaignA, eventA } = this.programs;
    switch (family) {
      case 'application': {
        const app = await this.run((ctx) =>
          submitApplication(ctx, {
            program: campaignA,
            body: validApplication(100 + n),
            channel: 'staff',
            applicantUserId: null,
            uploads: [{ kind: 'license', filename: 'license.pdf', bytes: PDF_BYTES }],
          }),
        );
        const [doc] = await listDocuments(this.deps.db, app.id);
        return { id: String(app.id), documentId: String(doc!.id) };
      }
      case 'registration': {
        const r = await this.run((ctx) => registerParticipant(ctx, eventA, person({ channel: 'phone' }), { staff: true }));
        return { id: String(r.registration.id), token: r.token };
      }
      case 'eventItem': {
        const item = await this.run((ctx) => addProgramItem(ctx, eventA.id, { startTime: '10:00', minutes: 30, title: `話題提供${n}` }));
        return { id: String(item.id) };
      }
      case 'facility':
        return { id: String(await this.facility()) };
      case 'notice': {
        const notice = await this.run((ctx) => saveNotice(ctx, campaignA.id, null, { title: `お知らせ${n}`, body: '事業者の皆さまへのお知らせです。' }));
        return { id: String(notice.id) };
      }
      case 'statement': {
        // An approved stay closed into the month's payment batch: the month has a statement line.
        const facilityId = await this.facility();
        const [facility] = await this.deps.db.select().from(facilities).where(eqId(facilityId));
        const month = '2026-07';
        await this.run(async (ctx) => {
          const { claim } = await reserveClaim(ctx, campaignA, facility!, { facilityId, bookingRef: `WALK-PAID-${n}`, bookedOn: '2026-06-01', checkIn: '2026-07-20', nights: 1, guests: 1, totalPrice: 10_000 });
          await reportStay(ctx, campaignA, claim.id, { nights: 1, guests: 1, totalPrice: 10_000 });
          await reviewClaim(ctx, campaignA, claim.id, 'approve', '');
          await closeMonth(ctx, campaignA, month);
        });
        return { month, facility: String(facilityId) };
      }
      case 'group': {
        await this.seed('registration');
        await this.run((ctx) => assignGroups(ctx, eventA, 5));
        return { number: '1' };
      }
      case 'claim': {
        const facilityId = await this.facility();
        const [facility] = await this.deps.db.select().from(facilities).where(eqId(facilityId));
        const { claim } = await this.run((ctx) =>
          reserveClaim(ctx, campaignA, facility!, { facilityId, bookingRef: `WALK-${n}`, bookedOn: '2026-06-01', checkIn: '2026-07-20', nights: 1, guests: 1, totalPrice: 10_000 }),
        );
        return { id: String(claim.id) };
      }
      case 'siteVersion': {
        const v = await this.run(async (ctx) => {
          const version = await saveDraft(ctx, campaignA, { kind: 'news' }, { titleJa: `お知らせ${n}` });
          await submitVersion(ctx, campaignA, version.id);
          return version;
        });
        return { id: String(v.id), contentId: String(v.contentId) };
      }
      case 'a11yTest': {
        // Submitted to the City: the City's approve/return act on it; the operator's edits meet a 409.
        const id = await this.run(async (ctx) => {
          const t = await createA11yTest(ctx, campaignA, { testedOn: '2026-06-20', pages: `/${campaignA.slug}`, checker: `巡回${n}` });
          await recordA11yResult(ctx, campaignA, t.id, { pageUrl: `/${campaignA.slug}`, criterion: '1.1.1', result: 'pass' });
          await submitA11yTest(ctx, campaignA, t.id);
          return t.id;
        });
        return { id: String(id) };
      }
      case 'callFaq': {
        const f = await this.run((ctx) => proposeFaq(ctx, campaignA, { category: 'overview', question: `質問${n}`, answer: `回答${n}` }));
        return { id: String(f.id) };
      }
      case 'banner': {
        const v = await this.run((ctx) =>
          saveDraft(ctx, campaignA, { kind: 'banner', image: { kind: 'upload', bytes: PNG_BYTES } }, { titleJa: `バナー${n}`, linkUrl: 'https://example.jp/', altJa: 'バナー' }),
        );
        return { id: String(v.id) };
      }
      case 'mail': {
        const id = await this.run((ctx) => queueMail(ctx.tx, this.deps, { programId: campaignA.id, template: 'walk', to: 'walk@example.jp', subject: '巡回テスト', text: '本文' }));
        return { id: String(id) };
      }
      case 'articlePhoto':
        return seedArticleWithPhoto(this.deps, eventA.id, `巡回テスト記事${n}`);
      case 'hearing':
        return { id: String((await seedHearing(this.deps, eventA.id, `巡回テスト団体${n}`)).id) };
      case 'deliverable':
        return { id: String((await seedDeliverableInProof(this.deps, campaignA.id, `walk-${n}`)).id) };
      case 'user': {
        const u = await makeUser(this.deps, `target-${n}@walk.example`, 'operator', campaignA.id);
        return { id: String(u.id) };
      }
      case 'handover': {
        const h = await this.run((ctx) => planHandover(ctx, campaignA.id, { direction: 'to-city', plannedOn: '2026-06-01', place: '市役所', people: '巡回', content: `巡回テスト${n}`, quantity: '1' }));
        // A file attached, for its download route.
        await this.run((ctx) => attachFile(ctx, 'handover', h.id, WALK_PDF));
        return { id: String(h.id) };
      }
      case 'scheduleTask': {
        const t = await this.run((ctx) => addTask(ctx, campaignA.id, { title: `巡回テストの作業${n}`, startsOn: '2026-06-01', endsOn: '2026-06-30' }));
        return { id: String(t.id) };
      }
      case 'meeting': {
        const m = await this.run((ctx) => createMeeting(ctx, campaignA.id, { heldOn: '2026-06-01', place: '市役所', attendeesCity: '市 担当', attendeesContractor: '事務局 担当', agenda: `巡回テスト${n}` }));
        return { id: String(m.id) };
      }
      case 'incident': {
        const i = await this.run((ctx) => reportIncident(ctx, campaignA.id, { title: `巡回テストの事故${n}`, discoveredOn: '2026-06-01', dataKinds: '氏名' }));
        return { id: String(i.id) };
      }
      case 'staffEntry': {
        // A roster entry of its own person, so ending it takes no walking user off the roster.
        const u = await this.run((ctx) => createUser(ctx, { email: `staff-${n}@walk.example`, role: 'operator', programId: campaignA.id }));
        await this.run((ctx) => requestStaff(ctx, campaignA.id, { email: `staff-${n}@walk.example`, kind: 'worker', duties: '巡回' }));
        const [row] = await queryRows<{ id: number }>(this.deps.db, sql`select id from privacy_staff where user_id = ${u.user.id}`);
        // A pledge scan attached, for its download route.
        await this.run((ctx) => attachFile(ctx, 'staff', row!.id, WALK_PDF));
        return { id: String(row!.id) };
      }
    }
  }

  /** Resolves `@family.field` form values of REQUEST_EXTRAS against the seeded records. */
  async form(values: Record<string, string> = {}): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) {
      const m = /^@(\w+)\.(\w+)$/.exec(v);
      if (!m) {
        out[k] = v;
        continue;
      }
      const family = m[1] as Family;
      let rec = this.cache.get(family);
      if (!rec) this.cache.set(family, (rec = await this.seed(family)));
      out[k] = rec[m[2]!]!;
    }
    return out;
  }

  /**
   * The concrete path of a route: `:slug` by the route's program kind, every other parameter by
   * its rule. `fresh` seeds new records (for requests that may change or delete them); `override`
   * puts a value of its own in a parameter (an impossible id, for the walk's bad-input checks).
   */
  async path(routePath: string, slug: string, fresh = false, override: Record<string, string> = {}): Promise<string> {
    const value = await this.values(routePath, slug, fresh);
    return routePath.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => encodeURIComponent(Object.hasOwn(override, name) ? override[name]! : value(name)));
  }

  /**
   * The parameters that name a record by a numeric id (`:id`, `:vid`, `:facility`, a group's
   * `:number`…): those whose seeded value is decimal digits. The walk tries each with ids no
   * record can have.
   */
  async idParams(routePath: string, slug: string): Promise<string[]> {
    const value = await this.values(routePath, slug, false);
    return paramsOf(routePath).filter((p) => p !== 'slug' && /^[0-9]+$/.test(value(p)));
  }

  private async values(routePath: string, slug: string, fresh: boolean): Promise<(name: string) => string> {
    const { rules, missing } = rulesFor(routePath);
    if (missing.length) throw new Error(`route-seeds: no seeder for :${missing.join(', :')} in ${routePath}`);
    const families = new Map<Family, Record<string, string>>();
    for (const rule of rules.values()) {
      if (!('family' in rule.value)) continue;
      const f = rule.value.family;
      if (families.has(f)) continue;
      let rec = fresh && !SHARED.has(f) ? undefined : this.cache.get(f);
      if (!rec) {
        rec = await this.seed(f);
        if (!this.cache.has(f)) this.cache.set(f, rec);
      }
      families.set(f, rec);
    }
    const value = (name: string): string => {
      if (name === 'slug') return slug;
      const v = rules.get(name)!.value;
      return 'constant' in v ? v.constant : families.get(v.family)![v.field]!;
    };
    return value;
  }
}

const eqId = (id: number) => eq(facilities.id, id);
