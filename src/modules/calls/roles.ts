import type { Role } from '../../platform/auth/schema.js';

/** Who takes calls: agents and the secretariat. */
export const DESK_ROLES: Role[] = ['admin', 'operator', 'agent'];
/** Who runs the call center (reports, FAQ editing, settings). */
export const RUN_ROLES: Role[] = ['admin', 'operator'];
/** Who reads the tallies: the secretariat, agents and the City. */
export const READ_ROLES: Role[] = ['admin', 'operator', 'agent', 'city'];
/** Who approves FAQ entries. */
export const CITY_ROLES: Role[] = ['city'];
