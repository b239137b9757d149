import type { CommandContext } from '../../platform/command.js';
import type { Role } from '../../platform/auth/schema.js';
import type { Column } from '../../platform/exports/index.js';
import { ERASED, programScope } from '../../platform/vault/index.js';
import { facilityBalances } from '../settlement/index.js';
import type { Program } from '../../platform/programs/schema.js';
import { cm } from './messages.js';
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

const STATUS: Record<Facility['status'], string> = { registered: '登録', suspended: '停止', withdrawn: '辞退' };

/**
 * The registry (参加事業者データ) with every registration field; bank columns only when
 * `withBank`; the final variant adds each facility's allocation and paid totals (zero until
 * settlement has any).
 */
export function registryColumns(withBank: boolean, variant: RegistryVariant): Column<RegistryRow>[] {
  const p = (group: 'operator' | 'bankAccount', key: string) => (r: RegistryRow) => (r.erased ? '消去済み' : str(r.personal?.[group]?.[key]));
  const cols: Column<RegistryRow>[] = [
    { header: '登録番号', value: (r) => r.facility.registrationNumber ?? '', width: 12 },
    { header: '登録日', value: (r) => r.facility.registeredOn ?? '', kind: 'date' },
    { header: '状態', value: (r) => STATUS[r.facility.status] },
    { header: '施設名', value: (r) => r.facility.name, width: 30 },
    { header: '施設名（フリガナ）', value: (r) => r.facility.nameKana, width: 30 },
    { header: '種別', value: (r) => cm(`type.${r.facility.type}`) },
    { header: '郵便番号', value: (r) => r.facility.postalCode },
    { header: '区', value: (r) => r.facility.ward },
    { header: '所在地', value: (r) => r.facility.address, width: 40 },
    { header: '電話番号', value: (r) => r.facility.phone },
    { header: 'URL', value: (r) => r.facility.url, width: 30 },
    { header: '客室数', value: (r) => r.facility.rooms, kind: 'int' },
    { header: '特色', value: (r) => r.facility.features.join('、'), width: 30 },
    { header: '申請番号', value: (r) => r.applicationNumber },
    { header: '旅館業許可番号', value: (r) => r.licenseNumber },
    { header: '旅館業許可年月日', value: (r) => r.licenseIssuedOn, kind: 'date' },
    { header: '事業者名', value: p('operator', 'corporateName'), width: 30 },
    { header: '代表者氏名', value: p('operator', 'representativeName') },
    { header: '担当者氏名', value: p('operator', 'contactName') },
    { header: '担当者メールアドレス', value: p('operator', 'contactEmail'), width: 30 },
    { header: '担当者電話番号', value: p('operator', 'contactPhone') },
  ];
  if (withBank) {
    cols.push(
      { header: '金融機関コード', value: p('bankAccount', 'bankCode') },
      { header: '支店コード', value: p('bankAccount', 'branchCode') },
      { header: '口座種別', value: (r) => (r.erased ? '消去済み' : r.personal?.bankAccount.accountType === 'checking' ? '当座' : r.personal?.bankAccount.accountType ? '普通' : '') },
      { header: '口座番号', value: p('bankAccount', 'accountNumber') },
      { header: '口座名義（カナ）', value: p('bankAccount', 'accountHolderKana'), width: 30 },
    );
  }
  if (variant === 'final') {
    cols.push({ header: '配分額（円）', value: (r) => r.allocation, kind: 'yen' }, { header: '支払額（円）', value: (r) => r.paid, kind: 'yen' });
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
    const balances = variant === 'final' ? await facilityBalances(ctx.tx, program.id, facility.id) : null;
    rows.push({
      facility,
      applicationNumber: app?.number ?? '',
      licenseNumber: app?.licenseNumber ?? '',
      licenseIssuedOn: app?.licenseIssuedOn ?? '',
      personal: opened === ERASED ? null : opened,
      erased: opened === ERASED,
      allocation: balances?.allocation ?? 0,
      paid: balances?.paid ?? 0,
    });
  }
  return rows;
}
