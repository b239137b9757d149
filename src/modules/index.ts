import { assembleInstallation } from '../platform/module/installation.js';
import type { ModuleManifest } from '../platform/module/manifest.js';
import { PLATFORM_MODULES } from '../platform/modules.js';
import { callsModule } from './calls/index.js';
import { campaignModule } from './campaign/index.js';
import { deliverablesModule } from './deliverables/index.js';
import { eventsModule } from './events/index.js';
import { privacyModule } from './privacy/index.js';
import { recordsModule } from './records/index.js';
import { settlementModule } from './settlement/index.js';
import { siteModule } from './site/index.js';
import { surveysModule } from './surveys/index.js';

/**
 * The installed modules, in order: adding a module is its folder plus one line here. Routes,
 * CLI commands, jobs and schedules, settings keys, the OpenAPI document, program home pages,
 * back-office links, audit labels and the route-access walk are all derived from this list.
 */
export const MODULES: ModuleManifest[] = [
  campaignModule,
  settlementModule,
  siteModule,
  eventsModule,
  callsModule,
  surveysModule,
  deliverablesModule,
  privacyModule,
  recordsModule,
];

/** The platform's parts and the modules, assembled once. */
export const INSTALLATION = assembleInstallation([...PLATFORM_MODULES, ...MODULES]);
