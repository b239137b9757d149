import { addDays } from '../../platform/calendar/index.js';
import { programSetting } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';
import { sm } from './messages.js';

/** The guide's (手引き) rules, as program settings; the defaults are placeholders until the City fixes them. */
export interface DiscountRules {
  discountRate: number;
  capPerPersonNight: number;
  minPricePerPersonNight: number;
  maxNights: number;
  campaignStarts: string;
  campaignEnds: string;
}

export const RULE_DEFAULTS = { discountRate: 50, capPerPersonNight: 5000, minPricePerPersonNight: 3000, maxNights: 7 } as const;
export const DEFAULT_POOL_YEN = 120_000_000;

export function rulesOf(program: Program): DiscountRules | null {
  const campaignStarts = programSetting<string | null>(program, 'campaignStarts', null);
  const campaignEnds = programSetting<string | null>(program, 'campaignEnds', null);
  if (!campaignStarts || !campaignEnds) return null;
  return {
    discountRate: programSetting(program, 'discountRate', RULE_DEFAULTS.discountRate),
    capPerPersonNight: programSetting(program, 'capPerPersonNight', RULE_DEFAULTS.capPerPersonNight),
    minPricePerPersonNight: programSetting(program, 'minPricePerPersonNight', RULE_DEFAULTS.minPricePerPersonNight),
    maxNights: programSetting(program, 'maxNights', RULE_DEFAULTS.maxNights),
    campaignStarts,
    campaignEnds,
  };
}

export type RefusalCode = 'outside-campaign-period' | 'below-minimum-price' | 'booked-before-registration' | 'invalid-booking';

export const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  'outside-campaign-period': sm('rule.outside-campaign-period'),
  'below-minimum-price': sm('rule.below-minimum-price'),
  'booked-before-registration': sm('rule.booked-before-registration'),
  'invalid-booking': sm('rule.invalid-booking'),
};

export interface Booking {
  bookedOn: string;
  checkIn: string;
  nights: number;
  guests: number;
  /** Tax included, integer yen. */
  totalPrice: number;
}

export type DiscountResult = { ok: true; eligibleNights: number; base: number; discount: number } | { ok: false; code: RefusalCode; message: string };

/**
 * The discount for one booking, all in integer yen, rounding down (切り捨て):
 * eligibleNights = nights inside the campaign period, at most maxNights;
 * base = floor(totalPrice × eligibleNights / nights);
 * discount = min(floor(base × rate / 100), cap × guests × eligibleNights).
 */
export function computeDiscount(rules: DiscountRules, booking: Booking, registeredOn: string | null): DiscountResult {
  const { nights, guests, totalPrice } = booking;
  const refuse = (code: RefusalCode): DiscountResult => ({ ok: false, code, message: REFUSAL_MESSAGES[code] });
  if (![nights, guests, totalPrice].every((n) => Number.isSafeInteger(n) && n > 0)) return refuse('invalid-booking');
  if (!registeredOn || booking.bookedOn < registeredOn) return refuse('booked-before-registration');
  let inside = 0;
  for (let i = 0; i < nights; i++) {
    const night = addDays(booking.checkIn, i);
    if (night >= rules.campaignStarts && night <= rules.campaignEnds) inside++;
  }
  const eligibleNights = Math.min(inside, rules.maxNights);
  if (eligibleNights === 0) return refuse('outside-campaign-period');
  if (Math.floor(totalPrice / (guests * nights)) < rules.minPricePerPersonNight) return refuse('below-minimum-price');
  const base = Math.floor((totalPrice * eligibleNights) / nights);
  const discount = Math.min(Math.floor((base * rules.discountRate) / 100), rules.capPerPersonNight * guests * eligibleNights);
  return { ok: true, eligibleNights, base, discount };
}
