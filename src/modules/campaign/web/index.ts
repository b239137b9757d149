import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../platform/module/manifest.js';
import { adminQueue } from './admin-queue.js';
import { adminNotices } from './admin-notices.js';
import { adminProfiles } from './admin-profiles.js';
import { adminReview } from './admin-review.js';
import { adminSettings } from './admin-settings.js';
import { campaignApi } from './api.js';
import { businessApply } from './business-apply.js';
import { businessDocuments } from './business-documents.js';
import { businessPortal } from './business-portal.js';
import { businessProfile } from './business-profile.js';

const publicRoutes = new Hono<AppEnv>();
/** Business pages are Japanese only, so they live at `/` and not again under `/en`. */
const root = new Hono<AppEnv>();
for (const part of [businessPortal, businessApply, businessDocuments, businessProfile]) root.route('/', part);
const admin = new Hono<AppEnv>();
for (const part of [adminQueue, adminReview, adminSettings, adminProfiles, adminNotices]) admin.route('/', part);
const api = new Hono<AppEnv>();
api.route('/', campaignApi);

export const campaignRoutes: ModuleRoutes = { public: publicRoutes, root, admin, api };
