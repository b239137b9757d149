import type { Role } from '../auth/schema.js';
import { runCommand, type CommandContext } from '../command.js';
import { actorOf } from './actor.js';
import type { AppContext } from './env.js';

/**
 * Runs a command — or a read of personal data that must be audited — as the request's actor, in one
 * transaction with its audit entries. Form posts go through `submitForm`, which uses this.
 */
export function runAs<T>(c: AppContext, role: Role | string | null, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  return runCommand(c.get('deps'), actorOf(c, role), fn);
}
