import type { Role } from '../../../platform/auth/schema.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { exportResponse, type ExportKind } from '../../../platform/exports/index.js';
import type { AppContext } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import type { Program } from '../../../platform/programs/schema.js';
import { cm } from '../messages.js';
import { BANK_DATA_ROLES, readRegistry, registryColumns, type RegistryVariant } from '../registry.js';
import { runAs } from '../../../platform/http/run-as.js';

/** The registry download (API and back office): read and audited in one transaction. */
export async function registryResponse(c: AppContext, program: Program, roles: Role[], kind: ExportKind, variant: RegistryVariant): Promise<Response> {
  const withBank = roles.some((r) => BANK_DATA_ROLES.includes(r));
  const deps = c.get('deps');
  const rows = await runAs(c, primaryRole(roles), async (ctx) => {
    const rows = await readRegistry(ctx, program, variant);
    ctx.audit({ action: 'campaign.registry.exported', programId: program.id, targetType: 'program', targetId: program.id, diff: { variant, format: kind, withBank, rows: rows.length } });
    return rows;
  });
  const base = `${cm(variant === 'final' ? 'registry.fileFinal' : 'registry.file')}_${program.slug}_${tokyoDate(deps.clock.now())}`;
  return exportResponse(kind, base, rows, registryColumns(withBank, variant), cm('registry.sheet'));
}

export function variantOf(c: AppContext): RegistryVariant {
  return c.req.query('variant') === 'final' ? 'final' : 'registry';
}
