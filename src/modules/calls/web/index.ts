import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { callsApi } from './api.js';
import { callsDesk } from './desk.js';
import { faqApi } from './faq-api.js';
import { ctiApi } from './cti-api.js';
import { callsFaqAdmin } from './faq-admin.js';
import { callsReports } from './reports.js';

const api = new Hono<AppEnv>();
api.route('/', callsApi);
api.route('/', faqApi);
api.route('/', ctiApi);

const admin = new Hono<AppEnv>();
admin.route('/', callsDesk);
admin.route('/', callsFaqAdmin);
admin.route('/', callsReports);

export const callsRoutes: ModuleRoutes = { admin, api };
