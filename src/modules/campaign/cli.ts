import type { CliCommand } from '../../cli/registry.js';

/** The campaign module's CLI commands. */
export const campaignCommands: CliCommand[] = [];
