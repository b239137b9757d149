import { asc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { addDays, nthBusinessDayOfMonth } from '../../platform/calendar/index.js';
import type { CommandContext } from '../../platform/command.js';
import { csvFromBuffer } from '../../platform/imports/csv.js';
import type { DemoSeed } from '../../platform/module/manifest.js';
import { facilityDirectory } from '../campaign/index.js';
import { closeEndedMonth, markBatchPaid } from './commands/close-month.js';
import { setAllocation } from './commands/budget.js';
import { importClaims } from './commands/import-claims.js';
import { importStays } from './commands/import-stays.js';
import { reviewClaims, MAX_BULK_REVIEW } from './commands/review-claims.js';
import { exportZenginFile } from './commands/zengin-export.js';
import { approveStays, reportStaysAsBooked } from './demo-history.js';
import { grantFacilityAccess } from './facility-access.js';
import { facilityBalances } from './ledger.js';
import { validateZenginFile } from './zengin/validate.js';

/** Each demo facility's allocation (36 × 2,000,000 of the default 120,000,000 yen pool). */
export const DEMO_ALLOCATION_YEN = 2_000_000;

/** Two small guesthouses whose allocation the secretariat trimmed to what they had used: sold out. */
export const DEMO_SOLD_OUT = ['ゲストハウス鶴ケ谷', '薬師堂ゲストハウス'];

interface DemoClaim {
  facilityId: number;
  bookingRef: string;
  bookedOn: string;
  checkIn: string;
  nights: number;
  guests: number;
  totalPrice: number;
}

/**
 * Fictional bookings, spread over the facilities (not the demo business's own, which is left
 * for whoever tries the business portal) and over every day from registration to yesterday;
 * deterministic, so every demo looks the same relative to its day.
 */
function demoClaims(facilityIds: number[], from: string, campaignStarts: string, today: string): DemoClaim[] {
  const out: DemoClaim[] = [];
  let span = 0;
  while (addDays(from, span) < today) span++;
  for (const [i, facilityId] of facilityIds.entries()) {
    if (i === 0) continue;
    const count = 6 + ((i * 7) % 9);
    for (let j = 0; j < count; j++) {
      const bookedOn = addDays(from, (i * 13 + j * 29) % span);
      let checkIn = addDays(bookedOn, 2 + ((i + j * 5) % 30));
      if (checkIn < campaignStarts) checkIn = addDays(campaignStarts, (i + j) % 5);
      const nights = 1 + ((i + j) % 3);
      const guests = 1 + ((i * 3 + j) % 4);
      const perPersonNight = 6000 + ((i * 17 + j * 11) % 15) * 1000;
      out.push({ facilityId, bookingRef: `DEMO-${String(i).padStart(2, '0')}-${String(j + 1).padStart(3, '0')}`, bookedOn, checkIn, nights, guests, totalPrice: perPersonNight * guests * nights });
    }
  }
  return out;
}

const csv = (header: string, rows: Array<Array<string | number>>) => csvFromBuffer(Buffer.from([header, ...rows.map((r) => r.join(','))].join('\n') + '\n'));

/**
 * Settlement's part of the demo, replayed week by week through the module's own commands since the
 * facilities were registered: allocations; bookings imported as a booking system would send them;
 * stays reported once checked out and approved the week after; the month three months back closed,
 * its 全銀 file written (checked by the validator) and marked paid; two small facilities sold out.
 * Later stays wait for review and the two months since wait to be closed. The ledger's entries
 * are dated on the day each step replays (the database would date them all today).
 */
export async function seedSettlementDemo(ctx: CommandContext, seed: DemoSeed): Promise<void> {
  const stay = seed.programs.campaign;
  const campaignStarts = String(stay.settings.campaignStarts);
  const facilities = await ctx.tx
    .select({ id: facilityDirectory.id, name: facilityDirectory.name, registeredOn: facilityDirectory.registeredOn })
    .from(facilityDirectory)
    .where(eq(facilityDirectory.programId, stay.id))
    .orderBy(asc(facilityDirectory.id));
  const ids = facilities.map((f) => f.id);
  const registeredOn = facilities[0]!.registeredOn!;
  const dated = async <T>(day: string, time: string, step: (c: CommandContext) => Promise<T>): Promise<T> => {
    const c = seed.on(day, time);
    const result = await step(c);
    await c.tx.execute(sql`update ledger_entries set at = ${c.now.toISOString()} where program_id = ${stay.id} and at = now()`);
    return result;
  };

  await dated(registeredOn, '17:00', async (c) => {
    for (const id of ids) await setAllocation(c, stay, id, DEMO_ALLOCATION_YEN);
  });
  // The demo business runs the first demo facility.
  await grantFacilityAccess(ctx.tx, ids[0]!, seed.users.business);

  const claims = demoClaims(ids, registeredOn, campaignStarts, seed.today);
  // The month the campaign started (three months back) is closed and paid early in the next.
  const paidMonth = campaignStarts.slice(0, 7);
  const next = addDays(`${paidMonth}-28`, 7).slice(0, 7);
  const closeDay = nthBusinessDayOfMonth(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 2);
  const exportDay = nthBusinessDayOfMonth(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 3);
  const transferDay = nthBusinessDayOfMonth(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 8);
  const checkOut = (c: DemoClaim) => addDays(c.checkIn, c.nights);
  const reported = new Set<string>();
  let toApprove: string[] = [];
  const money: Array<{ day: string; run: () => Promise<void> }> = [
    { day: closeDay, run: () => dated(closeDay, '10:00', (c) => closeEndedMonth(c, stay, paidMonth)).then(() => undefined) },
    {
      day: exportDay,
      run: async () => {
        const { file } = await dated(exportDay, '10:00', (c) => exportZenginFile(c, stay, paidMonth, transferDay));
        const problems = validateZenginFile(file);
        if (problems.length) throw new Error(`demo 全銀 file: ${problems.join('; ')}`);
      },
    },
    { day: transferDay, run: () => dated(transferDay, '15:00', (c) => markBatchPaid(c, stay, paidMonth)).then(() => undefined) },
  ];

  let previous = addDays(registeredOn, -1);
  for (let day = addDays(registeredOn, 6); previous < addDays(seed.today, -1); day = addDays(day, 7)) {
    const stepDay = day < seed.today ? day : addDays(seed.today, -1);
    while (money[0] && money[0].day <= stepDay) await money.shift()!.run();
    // The last week goes through the commands a person's clicks and files would run (stays
    // reported by file, approved by bulk review); the weeks before, reported as booked, in bulk
    // (demo-history.ts).
    const live = stepDay > addDays(seed.today, -7);
    await dated(stepDay, '18:00', async (c) => {
      // The week's approvals of the stays reported a week ago, then the week's bookings and stays.
      if (!live) await approveStays(c, stay, toApprove);
      else {
        for (let k = 0; k < toApprove.length; k += MAX_BULK_REVIEW) {
          await reviewClaims(c, stay, await claimIds(c, stay.id, toApprove.slice(k, k + MAX_BULK_REVIEW)), 'approve', '');
        }
      }
      const booked = claims.filter((b) => b.bookedOn > previous && b.bookedOn <= stepDay);
      if (booked.length) {
        await importClaims(c, stay, csv('facilityId,bookingRef,bookedOn,checkIn,nights,guests,totalPrice', booked.map((b) => [b.facilityId, b.bookingRef, b.bookedOn, b.checkIn, b.nights, b.guests, b.totalPrice])), { mode: 'all' });
      }
      const stayed = claims.filter((b) => b.bookedOn <= stepDay && checkOut(b) <= stepDay && !reported.has(b.bookingRef));
      if (!live) await reportStaysAsBooked(c, stay, stayed.map((b) => b.bookingRef));
      else if (stayed.length) {
        // Now and then a guest fewer than booked, at a lower price: the discount is recomputed.
        const rows = stayed.map((b, k) => (k % 7 === 3 && b.guests > 1 ? [b.facilityId, b.bookingRef, b.nights, b.guests - 1, b.totalPrice - b.totalPrice / b.guests] : [b.facilityId, b.bookingRef, b.nights, b.guests, b.totalPrice]));
        await importStays(c, stay, csv('facilityId,bookingRef,nights,guests,totalPrice', rows), { mode: 'all' });
      }
      for (const b of stayed) reported.add(b.bookingRef);
      toApprove = stayed.map((b) => b.bookingRef);
    });
    previous = stepDay;
  }
  while (money[0]) await money.shift()!.run();

  // Sold out: allocations trimmed to what was used, the week before the seeding day.
  for (const [k, name] of DEMO_SOLD_OUT.entries()) {
    const f = facilities.find((x) => x.name === name);
    if (!f) continue;
    await dated(addDays(seed.today, -7 + k * 3), '16:00', async (c) => {
      const b = await facilityBalances(c.tx, stay.id, f.id);
      await setAllocation(c, stay, f.id, b.allocation - b.available);
    });
  }
}

/** The ids of the program's claims with these booking references. */
async function claimIds(ctx: CommandContext, programId: number, refs: string[]): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(ctx.tx, sql`select id from claims where program_id = ${programId} and booking_ref = any(${'{' + refs.join(',') + '}'}::text[])`);
  return rows.map((r) => Number(r.id));
}
