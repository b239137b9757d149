import { kanaNumber } from '../../../test/helpers/fixtures.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import type { Deps } from '../../platform/deps.js';
import { createProgram } from '../../platform/programs/commands/create-program.js';
import { setProgramSettings } from '../../platform/programs/commands/set-program-settings.js';
import { findProgramBySlug } from '../../platform/programs/queries.js';

/** A campaign program whose window is open on the test clock's day (2026-06-01). */
export async function openCampaign(deps: Deps, slug: string, extra: Array<[string, string]> = []) {
  await runCommand(deps, systemActor('test'), (ctx) => createProgram(ctx, { kind: 'campaign', slug, name: `宿泊キャンペーン ${slug}` }));
  await runCommand(deps, systemActor('test'), (ctx) =>
    setProgramSettings(ctx, slug, [
      ['applicationOpens', '2026-05-01'],
      ['applicationCloses', '2026-06-30'],
      ['campaignStarts', '2026-07-10'],
      ['campaignEnds', '2026-08-31'],
      ['termsText', '第1条 目的\n\nこの要項は参加事業者の募集について定めます。'],
      ...extra,
    ]),
  );
  return (await findProgramBySlug(deps.db, slug))!;
}

/** A complete, valid application body (API shape); `n` varies the licence number and address. */
export function validApplication(n = 1, over: Record<string, Record<string, unknown> | boolean> = {}) {
  const base = {
    facility: {
      name: `ホテル青葉${n}`,
      nameKana: `ほてるあおば${kanaNumber(n)}`,
      type: 'hotel',
      postalCode: '９８００８１１',
      address: `仙台市青葉区一番町${n}-1-1`,
      ward: '青葉区',
      phone: '022-123-4567',
      url: 'https://hotel-aoba.example.jp/',
      rooms: 42,
      features: ['駐車場あり', 'Wi-Fi'],
      description: '駅から近いホテルです。',
    },
    operator: {
      corporateName: '株式会社青葉観光',
      representativeName: '青葉 太郎',
      contactName: '宮城 花子',
      contactEmail: `Contact${n}@Aoba.example.jp`,
      contactPhone: '０２２－１２３－４５６７',
    },
    license: { number: `仙台市指令青保第${1000 + n}号`, issuedOn: '2020-04-01' },
    bankAccount: { bankCode: '0001', branchCode: '123', accountType: 'ordinary', accountNumber: '1234567', accountHolderKana: 'かぶしきがいしゃあおばかんこう' },
    agreeToTerms: true,
  };
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = typeof v === 'boolean' ? v : { ...(base as unknown as Record<string, Record<string, unknown>>)[k], ...v };
  return out;
}

/** Tiny valid files by their magic bytes. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
