import type { Access } from '../platform/route-access.js';

/** Access classes of the events module's routes (see test/platform/route-access.ts). */
export const EVENTS_ROUTE_ACCESS: Record<string, Access> = {};
