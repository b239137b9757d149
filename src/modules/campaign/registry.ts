import type { CommandContext } from '../../platform/command.js';
import type { Role } from '../../platform/auth/schema.js';
import type { Column } from '../../platform/exports/index.js';
import { ERASED, programScope } from '../../platform/vault/index.js';
import { facilityBalances } from '../settlement/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { cm } from './messages.js';
import { payoutAccountOf } from './payout-account.js';
import { openPersonal, str, type StoredPersonal } from './personal.js';
import { findApplication } from './queries.js';
import { facilities, type Facility } from './schema.js';
import { asc, eq } from 'drizzle-orm';

/** Roles that may see bank data in the registry: the secretariat pays, the City does not need it. */
export const BANK_DATA_ROLES: readonly Role[] = ['admin', 'operator'];

export type RegistryVariant = 'registry' | 'final';

export interface RegistryRow {
  facility: Facility;
  applicationNumber: string;
  licenseNumber: string;
  licenseIssuedOn: string;
  personal: StoredPersonal | null;
  erased: boolean;
  allocation: number;
  paid: number;
}


/**
 * The registry (参加事業者データ) with every registration field; bank columns only when
 * `withBank`; the final variant adds each facility's allocation and paid totals (zero until
 * settlement has any).
 */
export function registryColumns(withBank: boolean, variant: RegistryVariant): Column<RegistryRow>[] {
  const erased = cm('registry.erased');
  const p = (group: 'operator' | 'bankAccount', key: string) => (r: RegistryRow) => (r.erased ? erased : str(r.personal?.[group]?.[key]));
  const cols: Column<RegistryRow>[] = [
    { header: cm('col.registrationNumber'), value: (r) => r.facility.registrationNumber ?? '', width: 12 },
    { header: cm('col.registeredOn'), value: (r) => r.facility.registeredOn ?? '', kind: 'date' },
    { header: cm('col.status'), value: (r) => cm(`facilityStatus.${r.facility.status}`) },
    { header: cm('col.name'), value: (r) => r.facility.name, width: 30 },
    { header: cm('col.nameKana'), value: (r) => r.facility.nameKana, width: 30 },
    { header: cm('col.type'), value: (r) => cm(`type.${r.facility.type}`) },
    { header: cm('col.postalCode'), value: (r) => r.facility.postalCode },
    { header: cm('col.ward'), value: (r) => r.facility.ward },
    { header: cm('col.address'), value: (r) => r.facility.address, width: 40 },
    { header: cm('col.phone'), value: (r) => r.facility.phone },
    { header: cm('col.url'), value: (r) => r.facility.url, width: 30 },
    { header: cm('col.rooms'), value: (r) => r.facility.rooms, kind: 'int' },
    { header: cm('col.features'), value: (r) => r.facility.features.join('、'), width: 30 },
    { header: cm('col.applicationNumber'), value: (r) => r.applicationNumber },
    { header: cm('col.licenseNumber'), value: (r) => r.licenseNumber },
    { header: cm('col.licenseIssuedOn'), value: (r) => r.licenseIssuedOn, kind: 'date' },
    { header: cm('col.corporateName'), value: p('operator', 'corporateName'), width: 30 },
    { header: cm('col.representativeName'), value: p('operator', 'representativeName') },
    { header: cm('col.contactName'), value: p('operator', 'contactName') },
    { header: cm('col.contactEmail'), value: p('operator', 'contactEmail'), width: 30 },
    { header: cm('col.contactPhone'), value: p('operator', 'contactPhone') },
  ];
  if (withBank) {
    const accountType = (r: RegistryRow) => r.personal?.bankAccount.accountType;
    cols.push(
      { header: cm('col.bankCode'), value: p('bankAccount', 'bankCode') },
      { header: cm('col.branchCode'), value: p('bankAccount', 'branchCode') },
      { header: cm('col.accountType'), value: (r) => (r.erased ? erased : accountType(r) === 'checking' ? cm('accountType.checking') : accountType(r) ? cm('accountType.ordinary') : '') },
      { header: cm('col.accountNumber'), value: p('bankAccount', 'accountNumber') },
      { header: cm('col.accountHolderKana'), value: p('bankAccount', 'accountHolderKana'), width: 30 },
    );
  }
  if (variant === 'final') {
    cols.push({ header: cm('col.allocation'), value: (r) => r.allocation, kind: 'yen' }, { header: cm('col.paid'), value: (r) => r.paid, kind: 'yen' });
  }
  return cols;
}

/**
 * Reads the registry inside the export's own command, so the audit entry and the read are one
 * transaction. Personal data is opened only here.
 */
export async function readRegistry(ctx: CommandContext, program: Program, variant: RegistryVariant): Promise<RegistryRow[]> {
  const box = await ctx.deps.vault.box(ctx.tx, programScope(program.id));
  const list = await ctx.tx.select().from(facilities).where(eq(facilities.programId, program.id)).orderBy(asc(facilities.registrationNumber), asc(facilities.id));
  const rows: RegistryRow[] = [];
  for (const facility of list) {
    const app = facility.applicationId ? await findApplication(ctx.tx, facility.applicationId) : undefined;
    const opened = app ? openPersonal(box, app.personal) : null;
    // The account the facility is paid to now (import or approved profile change), else the application's.
    const account = opened === ERASED ? null : await payoutAccountOf(ctx.tx, box, facility.id);
    const personal: StoredPersonal | null =
      opened === ERASED
        ? null
        : {
            ...(opened ?? { operator: {} }),
            bankAccount: account ? { bankCode: account.bankCode, branchCode: account.branchCode, accountType: account.accountType, accountNumber: account.accountNumber, accountHolderKana: account.holderKana } : {},
          };
    const balances = variant === 'final' ? await facilityBalances(ctx.tx, program.id, facility.id) : null;
    rows.push({
      facility,
      applicationNumber: app?.number ?? '',
      licenseNumber: app?.licenseNumber ?? '',
      licenseIssuedOn: app?.licenseIssuedOn ?? '',
      personal,
      erased: opened === ERASED,
      allocation: balances?.allocation ?? 0,
      paid: balances?.paid ?? 0,
    });
  }
  return rows;
}
