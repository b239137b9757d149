import type { CliCommand } from '../../cli/registry.js';

/** The events module's CLI commands. */
export const eventsCommands: CliCommand[] = [];
