import { eq } from 'drizzle-orm';
import { AppError, type FieldError } from '../../errors/index.js';
import type { CommandContext } from '../../command.js';
import { programSettingMessages as m } from '../messages.js';
import { findProgramBySlug, lockProgram } from '../queries.js';
import { programs, type Program } from '../schema.js';
import { COLUMN_SETTINGS, findSetting } from '../settings.js';
import { slugSchema } from '../validators.js';

/**
 * Applies `KEY=VALUE` pairs (already split) to a program. All pairs are validated first; one bad
 * pair changes nothing. Keys are the installed modules' settings for the program's kind, plus `name`.
 */
export async function setProgramSettings(ctx: CommandContext, slug: string, pairs: Array<[string, string]>): Promise<Program> {
  const found = await findProgramBySlug(ctx.tx, slugSchema.parse(slug));
  // Re-read under the lock: a concurrent change of other keys is kept, never overwritten.
  const program = found && (await lockProgram(ctx.tx, found.id));
  if (!program) throw new AppError('not-found', m('ja', 'errNotFound', { slug }));
  const errors: FieldError[] = [];
  const settings: Record<string, unknown> = { ...program.settings };
  const columns: Partial<Pick<Program, 'name' | 'startsOn' | 'endsOn' | 'client' | 'contractor'>> = {};
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [key, text] of pairs) {
    if (key === 'name') {
      const name = text.trim();
      if (!name || name.length > 200) errors.push({ field: key, message: m('ja', 'errName') });
      else {
        diff[key] = [program.name, name];
        columns.name = name;
      }
      continue;
    }
    const def = findSetting(ctx.deps.modules.settings, key, program.kind);
    if (!def) {
      errors.push({ field: key, message: m('ja', 'errUnknownKey', { key, kind: program.kind }) });
      continue;
    }
    const r = def.schema.safeParse(text);
    if (!r.success) {
      errors.push({ field: key, message: r.error.issues[0]?.message ?? m('ja', 'errInvalid') });
      continue;
    }
    diff[key] = [settings[key] ?? null, r.data];
    settings[key] = r.data;
    if ((COLUMN_SETTINGS as readonly string[]).includes(key)) (columns as Record<string, unknown>)[key] = r.data;
  }
  // The contract period must stay a period, whichever of its ends this change touches.
  const startsOn = columns.startsOn ?? program.startsOn;
  const endsOn = columns.endsOn ?? program.endsOn;
  if (startsOn && endsOn && endsOn < startsOn && !errors.some((e) => e.field === 'startsOn' || e.field === 'endsOn')) {
    errors.push({ field: 'startsOn' in columns && !('endsOn' in columns) ? 'startsOn' : 'endsOn', message: m('ja', 'errEndsBeforeStarts') });
  }
  if (errors.length) throw new AppError('validation-failed', m('ja', 'errSummary'), { fieldErrors: errors });
  const [updated] = await ctx.tx
    .update(programs)
    .set({ ...columns, settings, updatedAt: ctx.now })
    .where(eq(programs.id, program.id))
    .returning();
  ctx.audit({ action: 'platform.program.settings_changed', programId: program.id, targetType: 'program', targetId: program.id, diff });
  // Each setting's hook once, in the order given, even when several keys share it (capacity and onlineCapacity).
  const hooks = new Set(pairs.map(([key]) => findSetting(ctx.deps.modules.settings, key, program.kind)?.afterChange).filter((h) => h !== undefined));
  for (const hook of hooks) await hook(ctx, updated!);
  return updated!;
}
