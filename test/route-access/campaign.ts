import type { Access } from '../platform/route-access.js';

/** Access classes of the campaign module's routes (see test/platform/route-access.ts). */
export const CAMPAIGN_ROUTE_ACCESS: Record<string, Access> = {};
