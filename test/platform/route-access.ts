import { INSTALLATION } from '../../src/modules/index.js';
export type { Access } from '../../src/platform/module/manifest.js';

/**
 * Who may call each registered route, from the installed modules' manifests (`routeAccess`; the
 * classes are documented with the Access type). The route-walk test fails for a route that is
 * missing, and proves each class by calling the route as every role.
 *
 * The walk calls every route on real records of program A: each `:param` is resolved by a rule in
 * ./route-seeds.ts (a new kind of record needs a seeder there, or the walk fails). Roles a class
 * admits must get past the permission check on those records (not 401/403/404).
 */
export const ROUTE_ACCESS = INSTALLATION.routeAccess;
