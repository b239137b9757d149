import { sql } from 'drizzle-orm';
import { kanaNumber } from '../../../test/helpers/fixtures.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import type { Deps } from '../../platform/deps.js';
import { facilityEntriesOf, insertRegisteredFacilities } from '../campaign/index.js';
import { setProgramSettings } from '../../platform/programs/commands/set-program-settings.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';

/** A campaign program with rules set and `count` registered facilities (for tests and benchmarks). */
export async function campaignWithFacilities(deps: Deps, slug: string, count: number, settings: Array<[string, string]> = []) {
  const { createProgram } = await import('../../platform/programs/commands/create-program.js');
  await runCommand(deps, systemActor('test'), (ctx) => createProgram(ctx, { kind: 'campaign', slug, name: `精算テスト ${slug}` }));
  // The campaign period belongs to the recruitment settings; written directly so this fixture
  // depends only on the keys the settlement module itself defines.
  await deps.db.execute(sql`update programs set settings = settings || ${JSON.stringify({ campaignStarts: '2025-05-26', campaignEnds: '2025-07-10' })}::jsonb where slug = ${slug}`);
  if (settings.length) await runCommand(deps, systemActor('test'), (ctx) => setProgramSettings(ctx, slug, settings));
  const program = (await findProgramBySlug(deps.db, slug))!;
  const ids = await insertRegisteredFacilities(
    deps.db,
    program.id,
    Array.from({ length: count }, (_, i) => ({
      name: `テスト施設${i + 1}`,
      nameKana: `テストシセツ${kanaNumber(i + 1)}`,
      type: 'hotel' as const,
      postalCode: '980-0811',
      address: `仙台市青葉区一番町${i + 1}`,
      ward: '青葉区' as const,
      phone: '',
      url: '',
      rooms: null,
      features: [],
      description: '',
      registrationNumber: `T-${slug}-${i + 1}`,
      registeredOn: '2025-05-15',
    })),
  );
  const rows = (await facilityEntriesOf(deps.db, program.id, ids)).sort((a, b) => a.id - b.id);
  return { program, facilities: rows };
}

/** A claim's booking as the API takes it: 10,000 yen, one night, one guest, inside the fixture's period. */
export const bookingInput = (facilityId: number, bookingRef: string, over: Record<string, unknown> = {}) => ({
  facilityId,
  bookingRef,
  bookedOn: '2025-05-20',
  checkIn: '2025-06-01',
  nights: 1,
  guests: 1,
  totalPrice: 10000,
  ...over,
});
