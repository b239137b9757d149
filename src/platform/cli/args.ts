import { CliUsageError } from './io.js';
import type { CliRunContext } from './command.js';
import { systemActor, type Actor } from '../audit/index.js';

export function requiredString(ctx: CliRunContext, name: string): string {
  const v = ctx.values[name];
  if (typeof v !== 'string' || v === '') throw new CliUsageError(`--${name} is required`);
  return v;
}

export function optionalString(ctx: CliRunContext, name: string): string | undefined {
  const v = ctx.values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function positiveInt(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) <= 0) throw new CliUsageError(`${name} must be a positive whole number`);
  return Number(text);
}

export function cliActor(ctx: CliRunContext): Actor {
  return systemActor(`cli:${ctx.io.osUser}`);
}
