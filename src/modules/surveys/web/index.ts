import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { surveysAdmin } from './admin.js';
import { surveysAdminReport } from './admin-report.js';
import { surveysAdminPaper } from './admin-paper.js';
import { surveysAdminLottery } from './admin-lottery.js';
import { surveysAdminFacilities } from './admin-facilities.js';
import { surveysApi } from './api.js';
import { surveysPublic } from './public.js';

const publicRoutes = new Hono<AppEnv>();
publicRoutes.route('/', surveysPublic);
const admin = new Hono<AppEnv>();
admin.route('/', surveysAdmin);
admin.route('/', surveysAdminReport);
admin.route('/', surveysAdminPaper);
admin.route('/', surveysAdminLottery);
admin.route('/', surveysAdminFacilities);
const api = new Hono<AppEnv>();
api.route('/', surveysApi);

export const surveysRoutes: ModuleRoutes = { public: publicRoutes, admin, api };
