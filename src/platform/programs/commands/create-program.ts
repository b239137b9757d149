import { AppError } from '../../errors/index.js';
import type { CommandContext } from '../../command.js';
import { parseOrThrow } from '../../validation.js';
import { programScope } from '../../vault/index.js';
import { findProgramBySlug } from '../queries.js';
import { programs, type Program } from '../schema.js';
import { programCommandMessages as m } from '../messages.js';
import { createProgramSchema } from '../validators.js';

export async function createProgram(
  ctx: CommandContext,
  input: unknown,
  extra: { isDemo?: boolean; settings?: Record<string, unknown>; startsOn?: string; endsOn?: string } = {},
): Promise<Program> {
  const data = parseOrThrow(createProgramSchema, input);
  if (await findProgramBySlug(ctx.tx, data.slug)) {
    throw new AppError('conflict', m('ja', 'errSlugTaken', { slug: data.slug }), {
      fieldErrors: [{ field: 'slug', message: m('ja', 'errSlugTakenField') }],
    });
  }
  const [program] = await ctx.tx
    .insert(programs)
    .values({
      slug: data.slug,
      name: data.name,
      kind: data.kind,
      isDemo: extra.isDemo ?? false,
      settings: extra.settings ?? {},
      startsOn: extra.startsOn,
      endsOn: extra.endsOn,
    })
    .returning();
  // Each program gets its own personal-data key from the start.
  await ctx.deps.vault.ensureKey(ctx.tx, programScope(program!.id));
  ctx.audit({ action: 'platform.program.created', programId: program!.id, targetType: 'program', targetId: program!.id, diff: data });
  return program!;
}
