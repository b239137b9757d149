import { eq } from 'drizzle-orm';
import { AppError, type FieldError } from '../../../platform/errors/index.js';
import type { CommandContext } from '../../../platform/command.js';
import { findProgramBySlug } from '../queries.js';
import { programs, type Program } from '../schema.js';
import { COLUMN_SETTINGS, findSetting } from '../settings.js';
import { slugSchema } from '../validators.js';

/**
 * Applies `KEY=VALUE` pairs (already split) to a program. All pairs are validated first; one bad
 * pair changes nothing. Keys are those of SETTINGS for the program's kind, plus `name`.
 */
export async function setProgramSettings(ctx: CommandContext, slug: string, pairs: Array<[string, string]>): Promise<Program> {
  const program = await findProgramBySlug(ctx.tx, slugSchema.parse(slug));
  if (!program) throw new AppError('not-found', `事業「${slug}」が見つかりません`);
  const errors: FieldError[] = [];
  const settings: Record<string, unknown> = { ...program.settings };
  const columns: Partial<Pick<Program, 'name' | 'startsOn' | 'endsOn' | 'client' | 'contractor'>> = {};
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [key, text] of pairs) {
    if (key === 'name') {
      const name = text.trim();
      if (!name || name.length > 200) errors.push({ field: key, message: '事業名は1〜200文字で指定してください' });
      else {
        diff[key] = [program.name, name];
        columns.name = name;
      }
      continue;
    }
    const def = findSetting(key, program.kind);
    if (!def) {
      errors.push({ field: key, message: `「${key}」はこの事業 (${program.kind}) の設定項目ではありません` });
      continue;
    }
    const r = def.schema.safeParse(text);
    if (!r.success) {
      errors.push({ field: key, message: r.error.issues[0]?.message ?? '値が正しくありません' });
      continue;
    }
    diff[key] = [settings[key] ?? null, r.data];
    settings[key] = r.data;
    if ((COLUMN_SETTINGS as readonly string[]).includes(key)) (columns as Record<string, unknown>)[key] = r.data;
  }
  if (errors.length) throw new AppError('validation-failed', '設定値に誤りがあります', { fieldErrors: errors });
  const [updated] = await ctx.tx
    .update(programs)
    .set({ ...columns, settings, updatedAt: ctx.now })
    .where(eq(programs.id, program.id))
    .returning();
  ctx.audit({ action: 'platform.program.settings_changed', programId: program.id, targetType: 'program', targetId: program.id, diff });
  for (const [key] of pairs) await findSetting(key, program.kind)?.afterChange?.(ctx, updated!);
  return updated!;
}
