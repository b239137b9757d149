import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { privacyAdmin } from './admin.js';
import { privacyApi } from './api.js';
import { privacyIncidentsAdmin } from './incidents.js';
import { privacyErasureAdmin } from './erasure.js';
import { privacyHandoversAdmin } from './handovers.js';
import { privacyPledgeAdmin } from './pledge.js';

const admin = new Hono<AppEnv>();
admin.route('/', privacyAdmin);
admin.route('/', privacyIncidentsAdmin);
admin.route('/', privacyErasureAdmin);
admin.route('/', privacyHandoversAdmin);
admin.route('/', privacyPledgeAdmin);
const api = new Hono<AppEnv>();
api.route('/', privacyApi);

export const privacyRoutes: ModuleRoutes = { admin, api };
