import { defineModule } from '../../platform/module/manifest.js';

/** Placeholder manifest, registered early so the module's own work never edits the shared list. */
export const surveysModule = defineModule({ name: 'surveys' });
