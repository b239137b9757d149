import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { eventsAdminCheckin } from './admin-checkin.js';
import { eventsAdminEntry } from './admin-entry.js';
import { eventsAdminGroups } from './admin-groups.js';
import { eventsAdminRegistration } from './admin-registration.js';
import { eventsAdminRoster } from './admin-roster.js';
import { eventsAdminSetup } from './admin-setup.js';
import { eventsApi } from './api.js';
import { eventsPublic } from './public.js';

const publicRoutes = new Hono<AppEnv>();
publicRoutes.route('/', eventsPublic);
const admin = new Hono<AppEnv>();
for (const part of [eventsAdminRoster, eventsAdminEntry, eventsAdminRegistration, eventsAdminGroups, eventsAdminCheckin, eventsAdminSetup]) admin.route('/', part);
const api = new Hono<AppEnv>();
api.route('/', eventsApi);

export const eventsRoutes: ModuleRoutes = { public: publicRoutes, admin, api };
