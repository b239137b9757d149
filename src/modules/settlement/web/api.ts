import { Hono } from 'hono';
import { isUniqueViolation, runCommand } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { bodyText, jsonBody } from '../../../platform/http/json-body.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { primaryRole, requireAuth, requireProgramRole, requireProgramRoleById } from '../../../platform/http/guards.js';
import { parseOrThrow } from '../../../platform/validation.js';
import { cancelClaim, reportStay, reviewClaim } from '../commands/claim-lifecycle.js';
import { reserveClaim } from '../commands/reserve-claim.js';
import { reserveClaimDirect } from '../commands/reserve-claim-direct.js';
import { claimProgram } from '../claim-program.js';
import { syncPool } from '../commands/budget.js';
import { claimTargetForActor, facilityForActor, facilityForMoneyReader } from '../facility-access.js';
import { facilityMoney, programBalances } from '../ledger.js';
import { findClaim } from '../queries.js';
import type { Claim } from '../schema.js';
import { claimSchema, reviewSchema, staySchema } from '../validators.js';
import { runAs } from '../../../platform/http/run-as.js';
import { idParam } from '../../../platform/http/params.js';
import { MAX_BIG_ID } from '../../../platform/ids.js';
import { cancelSchema, paymentSchema, type ClaimAnswer, type ReservedAnswer, type BudgetAnswer, type MoneyAnswer, type PaymentAnswer } from './api-schemas.js';
import { markBatchPaid, parseMonth } from '../commands/close-month.js';
import type { z } from 'zod';

export const settlementApi = new Hono<AppEnv>();

export function claimJson(c: Claim): ClaimAnswer {
  return {
    id: c.id,
    facilityId: c.facilityId,
    bookingRef: c.bookingRef,
    bookedOn: c.bookedOn,
    checkIn: c.checkIn,
    nights: c.nights,
    guests: c.guests,
    totalPrice: c.totalPrice,
    discount: c.discount,
    status: c.status,
    stay: c.stay,
  };
}

settlementApi.post('/programs/:slug/claims', async (c) => {
  const slug = c.req.param('slug');
  const deps = c.get('deps');
  const auth = requireAuth(c);
  const kept = await claimProgram(deps, auth, slug);
  const input = parseOrThrow(claimSchema, await jsonBody(c));
  const caller = { actor: actorOf(c, primaryRole(kept.roles)), userId: auth.user.id, staff: kept.roles.includes('admin') || kept.roles.includes('operator') };
  const direct = await reserveClaimDirect(deps, kept.program, kept.version, caller, input);
  if (direct) return c.json({ id: direct.id, bookingRef: input.bookingRef, discount: direct.discount, status: 'reserved' } satisfies z.infer<typeof ReservedAnswer>, 201);
  // Every other case (a retry, a conflict, a refusal, a facility's first claim, a program changed
  // since it was kept) the general way, on the program as it is now.
  const { program, roles } = kept.fresh ? kept : await claimProgram(deps, auth, slug, { fresh: true });
  const actor = actorOf(c, primaryRole(roles));
  const attempt = () =>
    runCommand(deps, actor, async (ctx) => {
      const { facility, accounts } = await claimTargetForActor(ctx.tx, auth, program, input.facilityId);
      return reserveClaim(ctx, program, facility, input, accounts);
    });
  let result;
  try {
    result = await attempt();
  } catch (e) {
    // Two identical requests at once: the loser sees the winner's claim on a second try.
    if (!isUniqueViolation(e)) throw e;
    result = await attempt();
  }
  const { claim, created } = result;
  return c.json({ id: claim.id, bookingRef: claim.bookingRef, discount: claim.discount, status: claim.status } satisfies z.infer<typeof ReservedAnswer>, created ? 201 : 200);
});

/** Loads a claim and checks the caller may act on it (404 across programs and businesses). */
async function claimFor(c: AppContext, roles: Array<'admin' | 'operator' | 'business' | 'city'>) {
  const id = idParam(c, 'id', MAX_BIG_ID);
  const deps = c.get('deps');
  const claim = await findClaim(deps.db, id);
  if (!claim) {
    const auth = requireAuth(c);
    throw new AppError(auth.grants.some((g) => roles.includes(g.role as never)) ? 'not-found' : 'forbidden');
  }
  const { auth, program, roles: mine } = await requireProgramRoleById(c, claim.programId, roles);
  await facilityForActor(deps.db, auth, program, claim.facilityId);
  return { claim, program, roles: mine };
}

settlementApi.post('/claims/:id/cancel', async (c) => {
  const { claim, program, roles } = await claimFor(c, ['admin', 'operator', 'business']);
  const body = (await bodyText(c)) ? parseOrThrow(cancelSchema, await jsonBody(c)) : {};
  const updated = await runAs(c, primaryRole(roles), (ctx) => cancelClaim(ctx, program, claim.id, body.noShow === true));
  return c.json(claimJson(updated));
});

settlementApi.post('/claims/:id/stay', async (c) => {
  const { claim, program, roles } = await claimFor(c, ['admin', 'operator', 'business']);
  const stay = parseOrThrow(staySchema, await jsonBody(c));
  const updated = await runAs(c, primaryRole(roles), (ctx) => reportStay(ctx, program, claim.id, stay));
  return c.json(claimJson(updated));
});

settlementApi.post('/claims/:id/review', async (c) => {
  const { claim, program, roles } = await claimFor(c, ['admin', 'operator']);
  const body = parseOrThrow(reviewSchema, await jsonBody(c));
  const updated = await runAs(c, primaryRole(roles), (ctx) => reviewClaim(ctx, program, claim.id, body.decision, body.reason));
  return c.json(claimJson(updated));
});

settlementApi.get('/programs/:slug/budget', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator', 'city']);
  const deps = c.get('deps');
  await runAs(c, primaryRole(roles), (ctx) => syncPool(ctx, program));
  const b = await programBalances(deps.db, program.id);
  c.header('Cache-Control', 'no-store');
  return c.json({ pool: b.pool, allocated: b.allocated, reserved: b.reserved, approved: b.approved, paid: b.paid, remaining: b.pool - b.reserved - b.approved - b.paid } satisfies z.infer<typeof BudgetAnswer>);
});

/** One facility's money, for its business (own facilities only) and the program's staff; 404 for anyone else. */
settlementApi.get('/programs/:slug/facilities/:id/money', async (c) => {
  const facilityId = idParam(c);
  const { auth, program } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator', 'city', 'business']);
  const db = c.get('deps').db;
  await facilityForMoneyReader(db, auth, program, facilityId);
  const m = await facilityMoney(db, program.id, facilityId);
  c.header('Cache-Control', 'no-store');
  return c.json({ allocation: m.allocation, reserved: m.reserved, approved: m.approved, paid: m.paid, remaining: m.remaining } satisfies z.infer<typeof MoneyAnswer>);
});

/**
 * 支払済みにする, for the secretariat's systems: the month's batch is marked paid (approved → paid
 * in the ledger) — only once its 全銀 file was written (409 before), as the CLI and the button.
 */
settlementApi.post('/programs/:slug/payments', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), ['admin', 'operator']);
  const { month } = parseOrThrow(paymentSchema, await jsonBody(c));
  parseMonth(month);
  const batch = await runAs(c, primaryRole(roles), (ctx) => markBatchPaid(ctx, program, month));
  return c.json({
    month: batch.month,
    status: batch.status,
    claimCount: batch.claimCount,
    total: batch.total,
    transferDate: batch.transferDate,
    zenginSha256: batch.zenginSha256,
    paidAt: batch.paidAt?.toISOString() ?? null,
  } satisfies z.infer<typeof PaymentAnswer>);
});
