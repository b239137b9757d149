import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../index.js';
import { siteAdmin } from './admin.js';
import { siteApi } from './api.js';
import { sitePublic } from './public.js';

const publicRoutes = new Hono<AppEnv>();
publicRoutes.route('/', sitePublic);
const admin = new Hono<AppEnv>();
admin.route('/', siteAdmin);
const api = new Hono<AppEnv>();
api.route('/', siteApi);

export const siteModule: ModuleRoutes = { name: 'site', public: publicRoutes, admin, api };
