import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../platform/audit/index.js';
import { createUser } from '../../platform/auth/users.js';
import { addDays, tokyoDate } from '../../platform/calendar/index.js';
import type { Role } from '../../platform/auth/schema.js';
import { runCommand } from '../../platform/command.js';
import type { Deps } from '../../platform/deps.js';
import { createProgram } from '../../platform/programs/commands/create-program.js';
import { forgetDemoFlag } from '../../platform/programs/demo-flag.js';
import { countPrograms } from '../../platform/programs/queries.js';
import { programScope } from '../../platform/vault/index.js';
import { DEMO_FACILITIES, DEMO_FEATURES } from './facilities.js';
import { insertRegisteredFacilities, setPayoutAccount } from '../campaign/index.js';
import { seedEventDemo } from '../events/index.js';
import { seedApprovedStaff } from '../privacy/index.js';
import { grantFacilityAccess, setAllocation } from '../settlement/index.js';

/** Each demo facility's allocation (36 × 2,000,000 of the default 120,000,000 yen pool). */
const DEMO_ALLOCATION_YEN = 2_000_000;

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

export const DEMO_LOGINS_FILE = 'demo-logins.txt';

/** A password nobody else has: random per installation, printed once and kept in DATA_DIR. */
function demoPassword(): string {
  return 'demo-' + crypto.randomBytes(9).toString('base64url');
}

/**
 * The demo campaign's recruitment settings: the application window is open from two weeks before
 * the demo was created until two months after (so `/demo-stay/business` takes applications), and
 * the features to choose from are those the demo facilities carry. The campaign period starts the
 * day after the window closes (applications never run into the campaign), so businesses can
 * already register discounted bookings for stays in it.
 */
function demoRecruitment(today: string): Record<string, unknown> {
  return {
    applicationOpens: addDays(today, -14),
    applicationCloses: addDays(today, 60),
    registryDeadline: addDays(today, 67),
    campaignStarts: addDays(today, 61),
    campaignEnds: addDays(today, 180),
    facilityFeatures: DEMO_FEATURES,
    requiredAttachments: ['license'],
    termsText:
      '# 募集の概要（デモ）\n\nこれはデモ環境の募集要項です。仙台市内で旅館業法の許可を受けて営業する宿泊施設を対象に、キャンペーンの参加事業者を募集します。\n\n# 申請に必要なもの\n\n旅館業許可証の写し（PDF・JPEG・PNG、5MB以下）、割引額の精算に使う振込先口座。',
    manualText: '# 参加事業者マニュアル（デモ）\n\n参加が決まった事業者は、事業者ページから割引の登録と実績報告を行います。',
  };
}

/** The secretariat's fictional paying account, for the demo's 全銀 transfer files. */
const DEMO_REMITTER = {
  remitterCode: '1234567890',
  remitterName: 'デモジムキヨク',
  remitterBankCode: '0001',
  remitterBranchCode: '123',
  remitterAccountType: 'ordinary',
  remitterAccountNumber: '7654321',
};

/**
 * On an empty database, creates the clearly labelled demo: the campaign `demo-stay` with
 * facilities in the five wards, the exchange meeting `demo-koryukai`, and one user per role.
 * Returns the logins, or null when the database was not empty.
 */
export async function seedDemoIfEmpty(deps: Deps): Promise<{ logins: DemoLogin[] } | null> {
  if ((await countPrograms(deps.db)) > 0) return null;
  const logins: DemoLogin[] = (['admin', 'operator', 'agent', 'city', 'business'] as const).map((role) => ({
    role,
    email: `${role}@demo.jimukyoku.invalid`,
    password: demoPassword(),
  }));
  await runCommand(deps, systemActor('demo-seed'), async (ctx) => {
    const today = tokyoDate(ctx.now);
    const contract = { startsOn: addDays(today, -30), endsOn: addDays(today, 210) };
    const stay = await createProgram(
      ctx,
      { kind: 'campaign', slug: 'demo-stay', name: '【デモ】仙台市宿泊促進キャンペーン' },
      {
        isDemo: true,
        ...contract,
        settings: { client: '仙台市', contractor: 'デモ事務局株式会社', ...contract, ...demoRecruitment(today), ...DEMO_REMITTER },
      },
    );
    const koryukai = await createProgram(
      ctx,
      { kind: 'event', slug: 'demo-koryukai', name: '【デモ】町内会等の多様な運営スタイル確立についての情報交換会' },
      { isDemo: true, ...contract, settings: { client: '仙台市', contractor: 'デモ事務局株式会社', ...contract } },
    );
    let n = 0;
    const demoFacilities = await insertRegisteredFacilities(
      ctx.tx,
      stay.id,
      DEMO_FACILITIES.map((f) => ({
        ...f,
        phone: `022-${String(200 + n).padStart(3, '0')}-${String(1000 + n++).padStart(4, '0')}`,
        url: '',
        description: 'デモ用の架空の施設です。',
        registrationNumber: `DEMO-${String(n).padStart(4, '0')}`,
        registeredOn: addDays(today, -7),
      })),
    );
    for (const id of demoFacilities) await setAllocation(ctx, stay, id, DEMO_ALLOCATION_YEN);
    // Fictional payout accounts, so a demo month can be closed, written to a 全銀 file and paid.
    const box = await ctx.deps.vault.box(ctx.tx, programScope(stay.id));
    for (const [i, id] of demoFacilities.entries()) {
      await setPayoutAccount(ctx.tx, box, stay.id, id, { bankCode: '0001', branchCode: '123', accountType: 'ordinary', accountNumber: String(1000001 + i), accountHolderKana: 'でもしせつ' });
    }
    // The demo's staff roster, as the City would have approved it (enforceStaffRoster is on by default).
    const roster: Record<number, Array<{ userId: number; kind: 'officer' | 'manager' | 'worker' }>> = { [stay.id]: [], [koryukai.id]: [] };
    const KIND = { admin: 'officer', operator: 'manager', agent: 'worker' } as const;
    for (const login of logins) {
      const programId = login.role === 'admin' ? null : stay.id;
      const { user } = await createUser(ctx, { email: login.email, role: login.role, programId, password: login.password, displayName: `デモ ${login.role}` });
      if (login.role === 'admin' || login.role === 'operator') {
        roster[stay.id]!.push({ userId: user.id, kind: KIND[login.role] });
        roster[koryukai.id]!.push({ userId: user.id, kind: KIND[login.role] });
      }
      if (login.role === 'agent') roster[stay.id]!.push({ userId: user.id, kind: KIND.agent });
      // The demo business runs the first demo facility: its portal shows claims and sales.
      if (login.role === 'business') await grantFacilityAccess(ctx.tx, demoFacilities[0]!, user.id);
      if (login.role === 'operator' || login.role === 'city') {
        await createUser(ctx, { email: login.email, role: login.role, programId: koryukai.id });
      }
    }
    for (const [programId, people] of Object.entries(roster)) await seedApprovedStaff(ctx, Number(programId), people);
    await seedEventDemo(ctx, koryukai.id);
    ctx.audit({ action: 'platform.demo.seeded', diff: { programs: [stay.slug, koryukai.slug], facilities: DEMO_FACILITIES.length } });
  });
  forgetDemoFlag();
  const file = path.join(deps.config.dataDir, DEMO_LOGINS_FILE);
  fs.mkdirSync(deps.config.dataDir, { recursive: true });
  fs.writeFileSync(file, logins.map((l) => `${l.role}\t${l.email}\t${l.password}`).join('\n') + '\n', { mode: 0o600 });
  return { logins };
}
