import { sm } from './messages.js';

/** The business portal's settlement pages, for the business landing page (campaign's) to link to. */
export function businessSettlementLinks(slug: string): Array<{ href: string; label: string }> {
  return [{ href: `/${slug}/business/money`, label: sm('portal.money.link') }];
}
