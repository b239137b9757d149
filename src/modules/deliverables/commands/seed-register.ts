import type { CommandContext } from '../../../platform/command.js';
import type { Program } from '../../../platform/programs/schema.js';
import { presetsFor } from '../presets.js';
import { deliverableRegisters, deliverables } from '../schema.js';

/**
 * Fills a program's register with its seed's deliverables, once: the register row makes a second
 * call (another request at the same moment, or after an operator changed the list) do nothing.
 */
export async function seedRegister(ctx: CommandContext, program: Pick<Program, 'id' | 'kind'>): Promise<boolean> {
  const claimed = await ctx.tx.insert(deliverableRegisters).values({ programId: program.id, seededAt: ctx.now }).onConflictDoNothing().returning();
  if (!claimed.length) return false;
  const presets = presetsFor(program.kind);
  await ctx.tx
    .insert(deliverables)
    .values(presets.map((p, i) => ({ programId: program.id, key: p.key, title: p.title, note: p.note, requiredRounds: p.requiredRounds, position: i + 1, createdAt: ctx.now, updatedAt: ctx.now })))
    .onConflictDoNothing();
  ctx.audit({ action: 'deliverables.register.seeded', programId: program.id, targetType: 'program', targetId: String(program.id), diff: { kind: program.kind, keys: presets.map((p) => p.key) } });
  return true;
}
