import { Hono } from 'hono';
import type { ModuleRoutes } from '../../index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { auditAdmin } from '../../../platform/audit/web.js';
import { mailAdmin } from '../../../platform/mail/web.js';
import { programsAdmin } from './admin.js';
import { programsPublic } from './public.js';
import { programsApi } from './api.js';

const admin = new Hono<AppEnv>();
admin.route('/', programsAdmin);
admin.route('/', auditAdmin);
admin.route('/', mailAdmin);

export const programsModule: ModuleRoutes = { name: 'programs', public: programsPublic, admin, api: programsApi };
