import type { CommandContext } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { findProgramById } from '../../../platform/programs/queries.js';
import { storeGeneratedBytes } from '../files/store-bytes.js';
import { dm } from '../messages.js';
import { EXTRA_PRESETS } from '../presets.js';
import { ensureDeliverable, findDeliverableIdByKey } from './ensure-deliverable.js';
import { recordVersion } from './record-version.js';
import { seedRegister } from './seed-register.js';

export interface GeneratedVersion {
  programId: number;
  /** The deliverable's key in the register (`schedule`, `notice-of-commencement`, `monthly-report`, …). */
  key: string;
  filename: string;
  bytes: Buffer;
  note: string;
  /** The title of a deliverable the register does not hold yet (default: the known title of `key`). */
  title?: string;
}

/**
 * For other modules (records: notices, the schedule, the monthly report): records a PDF the system
 * made as the next version of the program's deliverable `key`, inside the caller's transaction,
 * so it runs through the same proof rounds. The register is seeded first; a key it does not hold
 * (`structure-change` 業務履行体制変更届, …) is added at the end of it. The bytes are stored
 * encrypted like any upload and removed again if the caller's transaction does not commit.
 */
export async function attachGeneratedVersion(ctx: CommandContext, input: GeneratedVersion): Promise<{ deliverableId: number; version: number }> {
  const program = await findProgramById(ctx.tx, input.programId);
  if (!program) throw new AppError('not-found');
  await seedRegister(ctx, program);
  const deliverableId = (await findDeliverableIdByKey(ctx, program.id, input.key)) ?? (await addToRegister(ctx, program.id, input));
  const stored = await storeGeneratedBytes(ctx, program.id, input.bytes);
  const version = await recordVersion(ctx, deliverableId, { ...stored, filename: input.filename, note: input.note.slice(0, 1000) });
  return { deliverableId, version: version.number };
}

async function addToRegister(ctx: CommandContext, programId: number, input: GeneratedVersion): Promise<number> {
  const known = EXTRA_PRESETS.find((p) => p.key === input.key);
  const title = input.title ?? known?.title;
  if (!title || !/^[a-z][a-z0-9-]{1,40}$/.test(input.key)) throw new AppError('validation-failed', dm('err.unknownKey', { key: input.key.slice(0, 40) }));
  return ensureDeliverable(ctx, programId, { key: input.key, title, note: known?.note ?? '', requiredRounds: known?.requiredRounds ?? 0 });
}
