import type { ParseArgsConfig } from 'node:util';
import type { Deps } from '../platform/deps.js';
import type { CliIo } from './io.js';
import { platformCommands } from './platform-commands.js';
import { programCommands } from '../modules/programs/cli.js';
import { campaignCommands } from '../modules/campaign/cli.js';
import { eventsCommands } from '../modules/events/cli.js';
import { settlementCommands } from '../modules/settlement/cli.js';
import { siteCommands } from '../modules/site/cli.js';

export interface CliRunContext {
  /** Null only for commands marked `noDatabase`. */
  deps: Deps;
  io: CliIo;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface CliCommand {
  /** Space-separated words, e.g. `program create`. */
  name: string;
  /**
   * `name --option VALUE POSITIONAL…`. A placeholder starting with FILE (`--out FILE`, `FILE.csv`)
   * names a file path: the CLI makes it absolute in the caller's directory before a running server
   * carries the command out (src/cli/paths.ts).
   */
  usage: string;
  summary: string;
  help?: string;
  options?: ParseArgsConfig['options'];
  /** The command opens no database itself (e.g. restore, which writes one). */
  noDatabase?: boolean;
  run(ctx: CliRunContext): Promise<number | void>;
}

/** Every CLI command. Modules add their list here. */
export const COMMANDS: CliCommand[] = [...platformCommands, ...programCommands, ...campaignCommands, ...eventsCommands, ...settlementCommands, ...siteCommands];
