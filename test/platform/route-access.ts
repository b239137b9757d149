/**
 * Who may call each registered route. The route-walk test fails for a route that is missing here,
 * and proves each class by calling the route as every role.
 *
 * - public: anyone, signed in or not.
 * - session: any signed-in user (account pages).
 * - staff: a staff role (admin, operator, agent, city) in some program; businesses get 403.
 * - audit: admin or city; others 403.
 * - installation-admin: the installation-wide admin only; everyone else 403.
 * - program-staff:ROLES: staff of the program named by :slug (or owning the record :id);
 *   staff of other programs get 404, businesses 403.
 *
 * The walk calls every route on real records of program A: each `:param` is resolved by a rule in
 * ./route-seeds.ts (a new kind of record needs a seeder there, or the walk fails). Roles a class
 * admits must get past the permission check on those records (not 401/403/404).
 */
export type Access = 'public' | 'session' | 'staff' | 'audit' | 'installation-admin' | `program-staff:${string}`;

import { CAMPAIGN_ROUTE_ACCESS } from '../route-access/campaign.js';
import { EVENTS_ROUTE_ACCESS } from '../route-access/events.js';
import { SETTLEMENT_ROUTE_ACCESS } from '../route-access/settlement.js';
import { SITE_ROUTE_ACCESS } from '../route-access/site.js';

export const ROUTE_ACCESS: Record<string, Access> = {
  ...CAMPAIGN_ROUTE_ACCESS,
  ...EVENTS_ROUTE_ACCESS,
  ...SETTLEMENT_ROUTE_ACCESS,
  ...SITE_ROUTE_ACCESS,
  'GET /healthz': 'public',
  'GET /static/:file': 'public',
  'GET /': 'public',
  'GET /:slug': 'public',
  'GET /en': 'public',
  'GET /en/:slug': 'public',
  'GET /login': 'public',
  'POST /login': 'public',
  'POST /logout': 'public',
  'GET /password/forgot': 'public',
  'POST /password/forgot': 'public',
  'GET /password/reset': 'public',
  'POST /password/reset': 'public',
  'POST /api/v1/login': 'public',
  'GET /api/v1/openapi.json': 'public',
  'GET /mfa': 'session',
  'POST /mfa': 'session',
  'POST /mfa/setup': 'session',
  'GET /account': 'session',
  'GET /account/reauth': 'session',
  'POST /account/reauth': 'session',
  'POST /account/mfa/reset': 'session',
  'POST /account/mfa/disable': 'session',
  'GET /account/password': 'session',
  'POST /account/password': 'session',
  'GET /api/v1/me': 'session',
  'GET /admin': 'staff',
  'GET /admin/programs/:slug/settings': 'program-staff:admin,operator',
  'POST /admin/programs/:slug/settings': 'program-staff:admin,operator',
  'GET /admin/audit': 'audit',
  'GET /admin/audit/export.xlsx': 'audit',
  'GET /admin/audit/export.csv': 'audit',
  'GET /admin/users': 'installation-admin',
  'POST /admin/users': 'installation-admin',
  'POST /admin/users/:id/roles': 'installation-admin',
  'POST /admin/users/:id/roles/revoke': 'installation-admin',
  'POST /admin/users/:id/disable': 'installation-admin',
  'POST /admin/users/:id/enable': 'installation-admin',
  'GET /admin/mail': 'installation-admin',
  'GET /admin/mail/:id{[0-9]+}': 'installation-admin',
};
