import { isDatabaseRefusal, runPrepared } from '../../../db/client.js';
import { soldOutMarkStatement } from '../../campaign/index.js';
import { intentRow, PENDING_TARGET, type Actor } from '../../../platform/audit/index.js';
import { addDays, tokyoDate } from '../../../platform/calendar/index.js';
import { runCommand } from '../../../platform/command.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { sm } from '../messages.js';
import { computeDiscount, rulesOf } from '../rules.js';
import type { ClaimInput } from '../validators.js';
import { requestHash } from './reserve-claim.js';
import { updateSoldOut } from './sold-out.js';

/** Who registers the claim: staff of the program may act for any of its facilities, a business for its own. */
export interface ClaimCaller {
  actor: Actor;
  userId: number;
  staff: boolean;
}

/**
 * The reservation API's usual case — a new booking, priced by the rules, for a facility whose
 * accounts exist — as ONE statement that PostgreSQL commits on its own: the facility and access
 * check, the claim, the debit and credit, the ledger entry, the 販売終了 mark when the allocation
 * runs out, and the audit entries (linked into the chain at commit by the deferred trigger, as in
 * any transaction). Prepared once per connection. It does what reserveClaim does in a transaction
 * of seven statements, and the same constraints guard it: the debit lowers the balance without
 * a condition, so an overdraft is refused by `ledger_accounts_non_negative` and the whole
 * statement — claim included — is undone.
 *
 * Null when the case is not the usual one (the booking exists already, the rules or the facility
 * refuse it, the facility is unknown or its accounts are not created yet, the program is no longer
 * at `version`): the caller then goes the general way, which answers each of these as before.
 */
export async function reserveClaimDirect(deps: Deps, program: Program, version: string, caller: ClaimCaller, input: ClaimInput): Promise<{ id: number; discount: number } | null> {
  const rules = rulesOf(program);
  if (!rules) return null;
  // The registration date is checked by the statement; every other rule here, in the order
  // computeDiscount applies them (a refusal goes the general way for its reason).
  const priced = computeDiscount(rules, input, input.bookedOn);
  if (!priced.ok) return null;
  const now = deps.clock.now();
  const at = now.toISOString();
  const claimAudit = intentRow(caller.actor, { action: 'settlement.claim.reserved', programId: program.id, targetType: 'claim', diff: { facilityId: input.facilityId, discount: priced.discount } }, now);
  const soldOutAudit = intentRow(
    caller.actor,
    { action: 'settlement.facility.sold_out', programId: program.id, targetType: 'facility', targetId: input.facilityId, diff: { reason: 'allocation-exhausted' } },
    now,
  );
  let row: Outcome | undefined;
  try {
    [row] = await runPrepared<Outcome>(deps.database, 'settlement_reserve_claim', reserveSql(), [
      program.id,
      input.facilityId,
      caller.userId,
      caller.staff,
      input.bookingRef,
      input.bookedOn,
      input.checkIn,
      addDays(input.checkIn, input.nights),
      input.nights,
      input.guests,
      input.totalPrice,
      priced.discount,
      JSON.stringify(rules),
      requestHash(input),
      at,
      claimAudit.actorUserId,
      claimAudit.actorLabel,
      claimAudit.role,
      claimAudit.ip,
      claimAudit.requestId,
      JSON.stringify(claimAudit.diff),
      claimAudit.body,
      tokyoDate(now),
      JSON.stringify(soldOutAudit.diff),
      soldOutAudit.body,
      version,
    ]);
  } catch (e) {
    if (isDatabaseRefusal(e, CHECK_VIOLATION, 'ledger_accounts_non_negative')) throw new AppError('budget-exhausted', sm('cmd.budgetExhausted'), { detail: { shortOf: 'reserved' } });
    throw e;
  }
  if (!row || row.id === null) return null;
  const left = row.left === null ? null : Number(row.left);
  // Anything the statement did not settle about the mark (a mark set while money was left, or an
  // exhausted allocation under a business's own stop) is settled the general way, afterwards.
  if (row.from_allocation && (row.was_sold_out || (left === 0 && row.marked === 0))) {
    await runCommand(deps, caller.actor, (ctx) => updateSoldOut(ctx, program.id, input.facilityId));
  }
  return { id: Number(row.id), discount: priced.discount };
}

/** SQLSTATE of a failed check constraint. */
const CHECK_VIOLATION = '23514';

interface Outcome {
  id: string | null;
  left: string | null;
  from_allocation: boolean | null;
  was_sold_out: boolean | null;
  marked: number;
}

/**
 * $1 program, $2 facility, $3 user, $4 staff, $5–$11 the booking (ref, booked on, check-in,
 * check-out, nights, guests, price), $12 discount, $13 rules, $14 request hash, $15 now,
 * $16–$20 the audit actor (user, label, role, ip, request id), $21–$22 the claim's audit diff and
 * body, $23 today (Asia/Tokyo), $24–$25 the 販売終了 audit diff and body, $26 the version
 * (`xmin`) of the program row whose rules priced the claim: if the program has changed since, nothing is written.
 * `ready` is empty unless the facility may register the claim here; the claim is then inserted
 * unless the booking exists; money moves only with a new claim.
 *
 * Facilities are campaign's: the statement reads them through campaign's `facility_directory`
 * view (inlined by the planner: the plan is the one on the table) and sets the 販売終了 mark with
 * the UPDATE campaign writes for it (soldOutMarkStatement). Built on first use, not at load:
 * campaign may still be loading then (the two modules import each other).
 */
let reserveText: string | undefined;
const reserveSql = () => (reserveText ??= buildReserveSql());

const buildReserveSql = () => `
with target as (
  select f.id, f.registered_on, f.sold_out_on,
         (select a.id from ledger_accounts a where a.program_id = $1::int and a.facility_id = f.id and a.kind = 'available') as available,
         (select a.id from ledger_accounts a where a.program_id = $1::int and a.facility_id = f.id and a.kind = 'reserved') as reserved,
         (select a.id from ledger_accounts a where a.program_id = $1::int and a.facility_id is null and a.kind = 'pool') as pool
  from facility_directory f
  where f.id = $2::int and f.program_id = $1::int
    and exists (select 1 from programs p where p.id = $1::int and p.xmin = $26::xid)
    and ($4::boolean or exists (select 1 from facility_users fu where fu.facility_id = f.id and fu.user_id = $3::int))
),
ready as (
  select id, coalesce(available, pool) as source, reserved, available is not null as from_allocation
  from target
  where registered_on <= $6::date and reserved is not null and coalesce(available, pool) is not null
),
c as (
  insert into claims (program_id, facility_id, booking_ref, booked_on, check_in, check_out, nights, guests, total_price, discount, rules, request_hash, created_at, updated_at)
  select $1::int, ready.id, $5::text, $6::date, $7::date, $8::date, $9::int, $10::int, $11::int, $12::int, $13::jsonb, $14::text, $15::timestamptz, $15::timestamptz from ready
  on conflict (facility_id, booking_ref) do nothing
  returning id
),
debit as (
  update ledger_accounts set balance = balance - $12::int
  where id = (select source from ready) and $12::int > 0 and exists (select 1 from c)
  returning balance
),
credit as (
  update ledger_accounts set balance = balance + $12::int where id = (select reserved from ready) and exists (select 1 from debit)
),
entry as (
  insert into ledger_entries (program_id, from_account, to_account, amount, reason, claim_id, at)
  select $1::int, ready.source, ready.reserved, $12::int, 'reserved', c.id, $15::timestamptz from c, ready where exists (select 1 from debit)
),
sold as (
  ${soldOutMarkStatement(
    `select ready.id from ready where ready.from_allocation and (select balance from debit) = 0
       and not exists (select 1 from facility_sales_stops s where s.facility_id = ready.id)`,
    '$23::date',
  )}
),
audit as (
  insert into audit_intents (at, actor_user_id, actor_label, role, program_id, action, target_type, target_id, ip, request_id, diff, body)
  select $15::timestamptz, $16::int, $17::text, $18::text, $1::int, 'settlement.claim.reserved', 'claim', c.id::text, $19::text, $20::text, $21::jsonb,
         replace($22::text, '${PENDING_TARGET}', '"targetId":' || to_json(c.id::text)::text)
  from c
  union all
  select $15::timestamptz, $16::int, $17::text, $18::text, $1::int, 'settlement.facility.sold_out', 'facility', sold.id::text, $19::text, $20::text, $24::jsonb, $25::text
  from sold
)
select (select id::text from c) as id,
       (select balance::text from debit) as left,
       (select from_allocation from ready) as from_allocation,
       (select sold_out_on is not null from target) as was_sold_out,
       (select count(*) from sold)::int as marked`;
