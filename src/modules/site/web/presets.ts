import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import type { AppContext } from '../../../platform/http/env.js';
import type { Program } from '../../../platform/programs/schema.js';
import { presetBanners } from '../commands/preset-banners.js';
import { DEFAULT_BANNERS } from '../defaults.js';
import { presentContentKeys } from '../queries.js';

/** Programs whose preset banners this instance has seen (one read per program and instance). */
const done = new Set<string>();

/**
 * Makes sure the campaign has its three preset tourism banners (created on first use of its site or
 * its back office, audited as `site.content.preset` by the system). After the first check an
 * instance never asks again, so the public pages do not pay for it.
 */
export async function ensurePresetBanners(c: AppContext, program: Program): Promise<void> {
  // Keyed with the creation time too, so a fresh database in the same process is never mistaken.
  const id = `${program.id}:${program.createdAt.getTime()}`;
  if (done.has(id)) return;
  const deps = c.get('deps');
  const keys = DEFAULT_BANNERS.map((b) => b.key);
  const present = await presentContentKeys(deps.db, program.id, keys);
  if (present.length < keys.length) await runCommand(deps, systemActor('site'), (ctx) => presetBanners(ctx, program));
  done.add(id);
}
