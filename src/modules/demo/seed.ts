import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../platform/audit/index.js';
import { createUser } from '../../platform/auth/users.js';
import { addDays, tokyoDate, tokyoInstant } from '../../platform/calendar/index.js';
import type { Role } from '../../platform/auth/schema.js';
import { runCommand } from '../../platform/command.js';
import type { Deps } from '../../platform/deps.js';
import type { DemoSeed } from '../../platform/module/manifest.js';
import { createProgram } from '../../platform/programs/commands/create-program.js';
import { forgetDemoFlag } from '../../platform/programs/demo-flag.js';
import { countPrograms } from '../../platform/programs/queries.js';
import { DEMO_FACILITIES, DEMO_FEATURES } from './facilities.js';

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
 * The demo campaign's dates, relative to the seeding day: it started on the 10th of the month
 * three months back (so one month has been closed and paid, and two wait to be closed) and runs
 * until four months on. Applications were taken in the two months before it started (the campaign
 * module's demo part re-opens them for an additional recruitment, so `/demo-stay/business` takes
 * applications today); the features to choose from are those the demo facilities carry.
 */
export function demoCampaignDates(today: string): { applicationOpens: string; applicationCloses: string; registryDeadline: string; campaignStarts: string; campaignEnds: string } {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - 3;
  const campaignStarts = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-10`;
  return {
    applicationOpens: addDays(campaignStarts, -60),
    applicationCloses: addDays(campaignStarts, -1),
    registryDeadline: addDays(campaignStarts, 6),
    campaignStarts,
    campaignEnds: addDays(today, 120),
  };
}

function demoRecruitment(today: string): Record<string, unknown> {
  return {
    ...demoCampaignDates(today),
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
 * On an empty database, creates the clearly labelled demo: the campaign `demo-stay` as if it had
 * been running for some weeks, the exchange meeting `demo-koryukai`, and one user per role; then
 * every module adds its own part (its manifest's `demo`), in manifest order, in the same one
 * transaction. Returns the logins, or null when the database was not empty.
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
    const recruitment = demoRecruitment(today);
    const contract = { startsOn: addDays(String(recruitment.applicationOpens), -30), endsOn: addDays(String(recruitment.campaignEnds), 60) };
    const stay = await createProgram(
      ctx,
      { kind: 'campaign', slug: 'demo-stay', name: '【デモ】仙台市宿泊促進キャンペーン' },
      {
        isDemo: true,
        ...contract,
        settings: { client: '仙台市', contractor: 'デモ事務局株式会社', ...contract, ...recruitment, ...DEMO_REMITTER },
      },
    );
    const koryukai = await createProgram(
      ctx,
      { kind: 'event', slug: 'demo-koryukai', name: '【デモ】町内会等の多様な運営スタイル確立についての情報交換会' },
      { isDemo: true, ...contract, settings: { client: '仙台市', contractor: 'デモ事務局株式会社', ...contract } },
    );
    const users = {} as Record<Role, number>;
    for (const login of logins) {
      const programId = login.role === 'admin' ? null : stay.id;
      const { user } = await createUser(ctx, { email: login.email, role: login.role, programId, password: login.password, displayName: `デモ ${login.role}` });
      users[login.role] = user.id;
      if (login.role === 'operator' || login.role === 'city') {
        await createUser(ctx, { email: login.email, role: login.role, programId: koryukai.id });
      }
    }
    const seed: DemoSeed = {
      programs: { campaign: stay, event: koryukai },
      users,
      today,
      on: (day, time = '18:00') => {
        const [h, m] = time.split(':').map(Number) as [number, number];
        return { ...ctx, now: tokyoInstant(day, h, m) };
      },
    };
    const parts: string[] = [];
    for (const m of deps.modules.modules) {
      if (!m.demo) continue;
      await m.demo(ctx, seed);
      parts.push(m.name);
    }
    ctx.audit({ action: 'platform.demo.seeded', diff: { programs: [stay.slug, koryukai.slug], facilities: DEMO_FACILITIES.length, parts } });
  });
  forgetDemoFlag();
  const file = path.join(deps.config.dataDir, DEMO_LOGINS_FILE);
  fs.mkdirSync(deps.config.dataDir, { recursive: true });
  fs.writeFileSync(file, logins.map((l) => `${l.role}\t${l.email}\t${l.password}`).join('\n') + '\n', { mode: 0o600 });
  return { logins };
}
