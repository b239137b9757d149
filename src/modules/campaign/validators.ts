import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.js';
import { ZenginCharacterError, toZenginKana } from '../../platform/text/zengin-kana.js';
import { bankOf, branchOf } from './bank-master.js';
import { cm, type CampaignMessageKey } from './messages.js';
import { KATAKANA_READING, normalizeDigits, normalizePhone, normalizePostalCode, normalizeText, toKatakana } from './normalize.js';
import { FACILITY_TYPES, WARDS } from './schema.js';

const label = (k: CampaignMessageKey) => cm(k);

function requiredText(key: CampaignMessageKey, max: number) {
  return z.preprocess(normalizeText, z.string().min(1, cm('errRequired', { label: label(key) })).max(max, cm('errLong', { label: label(key), max })));
}

function optionalText(key: CampaignMessageKey, max: number) {
  return z.preprocess(normalizeText, z.string().max(max, cm('errLong', { label: label(key), max })));
}

const PHONE = /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/;
function phone(key: CampaignMessageKey, required: boolean) {
  return z.preprocess(
    normalizePhone,
    z.string().superRefine((v, ctx) => {
      if (v === '') {
        if (required) ctx.addIssue({ code: 'custom', message: cm('errRequired', { label: label(key) }) });
        return;
      }
      const digits = v.replace(/-/g, '').length;
      if (!PHONE.test(v) || digits < 10 || digits > 11) ctx.addIssue({ code: 'custom', message: cm('errPhone', { label: label(key) }) });
    }),
  );
}

function isoDate(key: CampaignMessageKey, today?: string) {
  return z.preprocess(
    normalizeText,
    z
      .string()
      .refine(isIsoDate, cm('errDate', { label: label(key) }))
      .refine((v) => !today || v <= today, cm('errFutureDate', { label: label(key) })),
  );
}

/** Public facility fields: the application, the profile edit and the CSV import share them. */
export function facilitySchema(features: readonly string[]) {
  return z.object({
    name: requiredText('facility.name', 100),
    nameKana: z.preprocess(
      toKatakana,
      z
        .string()
        .min(1, cm('errRequired', { label: label('facility.nameKana') }))
        .max(200, cm('errLong', { label: label('facility.nameKana'), max: 200 }))
        .regex(KATAKANA_READING, cm('errKana', { label: label('facility.nameKana') })),
    ),
    // Optional; Latin letters only (English pages show it beside the Japanese name).
    nameEn: z.preprocess(
      normalizeText,
      z
        .string()
        .max(100, cm('errLong', { label: label('facility.nameEn'), max: 100 }))
        .refine((v) => !/[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/.test(v), cm('errNameEn')),
    ),
    type: z.enum(FACILITY_TYPES, { message: cm('errType') }),
    postalCode: z.preprocess(normalizePostalCode, z.string().regex(/^\d{3}-\d{4}$/, cm('errPostal'))),
    address: requiredText('facility.address', 200),
    ward: z.preprocess(normalizeText, z.enum(WARDS, { message: cm('errWard') })),
    phone: phone('facility.phone', true),
    url: z.preprocess(
      normalizeText,
      z.string().max(500, cm('errLong', { label: label('facility.url'), max: 500 })).refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), cm('errUrl')),
    ),
    rooms: z.preprocess(
      (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'number' ? v : Number(normalizeDigits(v))),
      z.number({ message: cm('errRooms') }).int(cm('errRooms')).min(1, cm('errRooms')).max(10000, cm('errRooms')).nullable(),
    ),
    features: z.preprocess(
      (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.map(normalizeText) : [normalizeText(v)]),
      z.array(z.string().refine((f) => features.includes(f), cm('errFeature'))).transform((a) => [...new Set(a)]),
    ),
    description: optionalText('facility.description', 400).default(''),
  });
}

export const operatorSchema = z.object({
  corporateName: requiredText('operator.corporateName', 200),
  representativeName: requiredText('operator.representativeName', 100),
  contactName: requiredText('operator.contactName', 100),
  contactEmail: z.preprocess(
    (v) => normalizeText(v).toLowerCase(),
    z
      .string()
      .min(1, cm('errRequired', { label: label('operator.contactEmail') }))
      .max(254, cm('errLong', { label: label('operator.contactEmail'), max: 254 }))
      .pipe(z.email({ message: cm('errEmail') })),
  ),
  contactPhone: phone('operator.contactPhone', true),
});

/** The holder name as the bank transfer file will carry it: half-width kana, 30 characters at most. */
export const accountHolderKana = z.preprocess(normalizeText, z.string().min(1, cm('errHolderEmpty'))).transform((v, ctx) => {
  try {
    const kana = toZenginKana(v);
    if (kana.length > 30) ctx.addIssue({ code: 'custom', message: cm('errHolderLong') });
    return kana;
  } catch (e) {
    if (!(e instanceof ZenginCharacterError)) throw e;
    ctx.addIssue({ code: 'custom', message: cm('errHolderKana', { char: e.char }) });
    return z.NEVER;
  }
});

/**
 * A bank account to pay a facility to: the application, the profile change and the CSV import
 * share it. Bank and branch codes must exist in the bank master (zengin-code), each error on its
 * own field.
 */
export const bankAccountSchema = z
  .object({
    bankCode: z.preprocess(
      normalizeDigits,
      z
        .string()
        .regex(/^\d{4}$/, cm('errBankCode'))
        .superRefine((v, ctx) => {
          if (/^\d{4}$/.test(v) && !bankOf(v)) ctx.addIssue({ code: 'custom', message: cm('errBankUnknown', { code: v }) });
        }),
    ),
    branchCode: z.preprocess(normalizeDigits, z.string().regex(/^\d{3}$/, cm('errBranchCode'))),
    accountType: z.enum(['ordinary', 'checking'], { message: cm('errAccountType') }),
    accountNumber: z.preprocess(normalizeDigits, z.string().regex(/^\d{7}$/, cm('errAccountNumber'))),
    accountHolderKana,
  })
  .superRefine((v, ctx) => {
    const bank = bankOf(v.bankCode);
    if (bank && !branchOf(v.bankCode, v.branchCode)) ctx.addIssue({ code: 'custom', path: ['branchCode'], message: cm('errBranchUnknown', { code: v.branchCode, bank: bank.name }) });
  });

export type BankAccountInput = z.output<typeof bankAccountSchema>;

/** A complete application, as the form submits it and as the API takes it. `today` bounds the licence date. */
export function applicationSchema(features: readonly string[], today: string) {
  return z.object({
    facility: facilitySchema(features),
    operator: operatorSchema,
    license: z.object({ number: requiredText('license.number', 50), issuedOn: isoDate('license.issuedOn', today) }),
    bankAccount: bankAccountSchema,
    agreeToTerms: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.literal(true, { message: cm('errAgree') })),
  });
}

export type ApplicationInput = z.output<ReturnType<typeof applicationSchema>>;
export type FacilityInput = z.output<ReturnType<typeof facilitySchema>>;
export type PersonalData = Pick<ApplicationInput, 'operator' | 'bankAccount'>;

/**
 * Missing objects are given as empty ones so every field reports its own error (a JSON body
 * without `bankAccount` gets an error per bank field, not one for the whole object).
 */
export function withEmptyGroups(input: unknown): Record<string, unknown> {
  const o = input && typeof input === 'object' && !Array.isArray(input) ? { ...(input as Record<string, unknown>) } : {};
  for (const k of ['facility', 'operator', 'license', 'bankAccount']) {
    if (!o[k] || typeof o[k] !== 'object' || Array.isArray(o[k])) o[k] = {};
  }
  return o;
}

/** The decision posted by staff (API and back office share it). */
export const decisionSchema = z
  .object(
    {
      decision: z.enum(['approve', 'reject', 'return', 'escalate', 'answer'], { message: cm('errDecision') }),
      reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(2000, cm('errReasonLong'))),
      recommendation: z.enum(['approve', 'reject', 'return'], { message: cm('errDecisionRequired') }).optional(),
    },
    { message: cm('errDecisionBody') },
  )
  .superRefine((v, ctx) => {
    if (v.reason === '' && v.decision === 'reject') ctx.addIssue({ code: 'custom', path: ['reason'], message: cm('errReasonRequired') });
    if (v.reason === '' && v.decision === 'return') ctx.addIssue({ code: 'custom', path: ['reason'], message: cm('errReasonRequired') });
    if (v.reason === '' && v.decision === 'escalate') ctx.addIssue({ code: 'custom', path: ['reason'], message: cm('errQuestionRequired') });
    if (v.reason === '' && v.decision === 'answer') ctx.addIssue({ code: 'custom', path: ['reason'], message: cm('errAnswerRequired') });
  });

export type DecisionInput = z.output<typeof decisionSchema>;
