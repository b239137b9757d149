import { addDays } from '../../platform/calendar/index.js';
import type { DemoSeed } from '../../platform/module/manifest.js';
import type { CommandContext } from '../../platform/command.js';
import { programScope } from '../../platform/vault/index.js';
import { DEMO_FACILITIES } from '../demo/index.js';
import { campaignConfig } from './config.js';
import { decideApplication } from './commands/decide-application.js';
import { reopenApplications } from './commands/reopen-applications.js';
import { submitApplication } from './commands/save-application.js';
import { insertRegisteredFacilities } from './facility-directory.js';
import { setPayoutAccount } from './payout-account.js';

/** Two applications of the additional recruitment (追加募集), entered by the secretariat from paper. */
const LATE_APPLICANTS = [
  { name: '秋保 せせらぎ荘デモ', kana: 'あきう せせらぎそうでも', ward: '太白区', postalCode: '9820241', address: '仙台市太白区秋保町湯元字デモ1', corporate: 'デモ観光有限会社', rep: '秋保 一郎', contact: '湯元 さくら', email: 'seseragi@demo.jimukyoku.invalid' },
  { name: '泉ケ岳 デモキャンプロッジ', kana: 'いずみがたけ できゃんぷろっじ', ward: '泉区', postalCode: '9813225', address: '仙台市泉区福岡字デモ2', corporate: '株式会社デモアウトドア', rep: '福岡 次郎', contact: '岳山 みどり', email: 'lodge@demo.jimukyoku.invalid' },
] as const;

function lateApplication(i: number) {
  const a = LATE_APPLICANTS[i]!;
  return {
    facility: { name: a.name, nameKana: a.kana, type: i === 0 ? 'ryokan' : 'other', postalCode: a.postalCode, address: a.address, ward: a.ward, phone: `022-000-${3000 + i}`, url: '', rooms: 12 + i * 6, features: i === 0 ? ['温泉', '和室'] : ['駐車場', 'ペット可'], description: 'デモ用の架空の施設です。' },
    operator: { corporateName: a.corporate, representativeName: a.rep, contactName: a.contact, contactEmail: a.email, contactPhone: `022-000-${4000 + i}` },
    license: { number: `デモ指令第${9001 + i}号`, issuedOn: '2020-04-01' },
    bankAccount: { bankCode: '0001', branchCode: '123', accountType: 'ordinary', accountNumber: String(2000001 + i), accountHolderKana: 'でもじぎょうしゃ' },
    agreeToTerms: true,
  };
}

/**
 * Campaign's part of the demo: the register of fictional facilities (registered a week before the
 * campaign started, each with a fictional payout account), an additional recruitment re-opened
 * three weeks ago, and from it one application the secretariat escalated to the City (waiting in
 * the City's inbox) and one waiting for the secretariat's review.
 */
export async function seedCampaignDemo(ctx: CommandContext, seed: DemoSeed): Promise<void> {
  const stay = seed.programs.campaign;
  const cfg = campaignConfig(stay);
  const registeredOn = addDays(cfg.campaignStarts!, -7);
  let n = 0;
  const ids = await insertRegisteredFacilities(
    ctx.tx,
    stay.id,
    DEMO_FACILITIES.map((f) => ({
      ...f,
      phone: `022-${String(200 + n).padStart(3, '0')}-${String(1000 + n++).padStart(4, '0')}`,
      url: '',
      description: 'デモ用の架空の施設です。',
      registrationNumber: `DEMO-${String(n).padStart(4, '0')}`,
      registeredOn,
    })),
  );
  // Fictional payout accounts, so the demo's months can be closed, written to a 全銀 file and paid.
  const box = await ctx.deps.vault.box(ctx.tx, programScope(stay.id));
  for (const [i, id] of ids.entries()) {
    await setPayoutAccount(ctx.tx, box, stay.id, id, { bankCode: '0001', branchCode: '123', accountType: 'ordinary', accountNumber: String(1000001 + i), accountHolderKana: 'でもしせつ' });
  }
  const reopenedOn = addDays(seed.today, -21);
  const reopened = await reopenApplications(seed.on(reopenedOn, '10:00'), stay.id, addDays(seed.today, 60), '追加募集（デモ）');
  for (const [i, day] of [addDays(seed.today, -10), addDays(seed.today, -2)].entries()) {
    const app = await submitApplication(seed.on(day, '11:00'), { program: reopened, body: lateApplication(i), channel: 'staff', applicantUserId: null });
    if (i === 0) {
      await decideApplication(seed.on(addDays(day, 2), '15:00'), app.id, { decision: 'escalate', reason: '旅館業の許可と施設の所在地が一致するか、市の台帳でご確認ください（デモ）。' }, ['operator']);
    }
  }
}
