import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.js';
import type { Locale } from '../../platform/i18n/index.js';
import { eventMessages as em } from './messages.js';
import { ACCOMMODATIONS, ATTENDANCES, CHANNELS } from './schema.js';

const KANA = /^[ぁ-ゖァ-ヺー・\s　]+$/u;
const TEL = /^[0-9０-９][0-9０-９\-－ー]{8,14}$/u;

/** Full-width digits and hyphens as people type them on a Japanese keyboard, normalised. */
export function normaliseTel(v: string): string {
  return v.normalize('NFKC').replace(/[－ー―]/g, '-').trim();
}

/**
 * One registration, whatever the channel: shared by the web form, the back-office entry form and
 * the API. Empty strings stand for contacts not given. `accommodations` takes the listed codes;
 * a plain string is taken as the free-text note.
 */
export function registrationSchema(locale: Locale = 'ja') {
  const m = (k: Parameters<typeof em>[1], p?: Record<string, number>) => em(locale, k, p);
  const optional = (max: number) => z.string({ message: m('errText') }).trim().max(max, m('errLong', { max })).default('');
  return z
    .object({
      name: z.string({ message: m('errName') }).trim().min(1, m('errName')).max(50, m('errNameLong')),
      nameKana: z.string({ message: m('errKana') }).trim().min(1, m('errKana')).max(80, m('errLong', { max: 80 })).regex(KANA, m('errKanaChars')),
      organization: optional(100),
      orgRole: optional(50),
      email: z.string({ message: m('errEmail') }).trim().max(254, m('errEmail')).default('').refine((v) => v === '' || z.email().safeParse(v).success, m('errEmail')),
      phone: z.string({ message: m('errPhone') }).trim().default('').refine((v) => v === '' || TEL.test(v), m('errPhone')).transform((v) => (v ? normaliseTel(v) : '')),
      fax: z.string({ message: m('errFax') }).trim().default('').refine((v) => v === '' || TEL.test(v), m('errFax')).transform((v) => (v ? normaliseTel(v) : '')),
      attendance: z.enum(ATTENDANCES, { message: m('errAttendance') }),
      accommodations: z
        .union([z.array(z.enum(ACCOMMODATIONS, { message: m('errAccommodation') })), z.string()], { message: m('errAccommodation') })
        .default([]),
      accommodationNote: optional(500),
      question: optional(1000),
      channel: z.enum(CHANNELS, { message: m('errChannel') }).default('web'),
      consent: z.boolean({ message: m('errConsent') }).optional(),
      receivedOn: z.string({ message: m('errReceivedOn') }).refine(isIsoDate, m('errReceivedOn')).optional(),
    })
    .superRefine((v, ctx) => {
      if (!v.email && !v.phone && !v.fax && v.channel !== 'walk-in') ctx.addIssue({ code: 'custom', path: ['email'], message: m('errContact') });
      if (v.channel === 'web' && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: m('errEmailRequired') });
      if (v.channel === 'web' && v.consent === false) ctx.addIssue({ code: 'custom', path: ['consent'], message: m('errConsent') });
    })
    .transform((v) => {
      const codes = Array.isArray(v.accommodations) ? [...new Set(v.accommodations)] : [];
      const note = [typeof v.accommodations === 'string' ? v.accommodations.trim() : '', v.accommodationNote].filter(Boolean).join('\n');
      return { ...v, accommodations: codes, accommodationNote: note };
    });
}

export type RegistrationInput = z.output<ReturnType<typeof registrationSchema>>;
