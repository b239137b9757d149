import iconv from 'iconv-lite';
import { toZenginKana } from '../../../platform/text/zengin-kana.js';
import { sm } from '../messages.js';

/** 全銀協 総合振込 (種別コード 21), fixed 120-byte records in Shift_JIS with CRLF. */
export const RECORD_BYTES = 120;

export interface Remitter {
  /** 振込依頼人コード, 10 digits, assigned by the bank. */
  code: string;
  name: string;
  bankCode: string;
  bankName?: string;
  branchCode: string;
  branchName?: string;
  accountType: 'ordinary' | 'checking';
  accountNumber: string;
}

export interface Transfer {
  bankCode: string;
  bankName?: string;
  branchCode: string;
  branchName?: string;
  accountType: 'ordinary' | 'checking';
  accountNumber: string;
  holderKana: string;
  amount: number;
  /** 顧客コード1: our reference for the payee (e.g. the facility id). */
  customerCode?: string;
}

const num = (value: string | number, width: number): string => {
  const s = String(value);
  if (!/^\d+$/.test(s) || s.length > width) throw new Error(sm('zengin.digits', { value: s, width }));
  return s.padStart(width, '0');
};
/** Alphanumeric field: converted, then cut or padded with spaces to its width. */
const text = (value: string | undefined, width: number): string => toZenginKana(value ?? '').slice(0, width).padEnd(width, ' ');
const accountType = (t: 'ordinary' | 'checking') => (t === 'ordinary' ? '1' : '2');

export function headerRecord(r: Remitter, transferDate: string): string {
  const mmdd = transferDate.slice(5, 7) + transferDate.slice(8, 10);
  return (
    '1' + '21' + '0' + num(r.code, 10) + text(r.name, 40) + mmdd + num(r.bankCode, 4) + text(r.bankName, 15) + num(r.branchCode, 3) + text(r.branchName, 15) + accountType(r.accountType) + num(r.accountNumber, 7) + ' '.repeat(17)
  );
}

export function dataRecord(t: Transfer): string {
  if (!Number.isSafeInteger(t.amount) || t.amount <= 0) throw new Error(sm('zengin.amount', { amount: t.amount }));
  return (
    '2' +
    num(t.bankCode, 4) +
    text(t.bankName, 15) +
    num(t.branchCode, 3) +
    text(t.branchName, 15) +
    '    ' +
    accountType(t.accountType) +
    num(t.accountNumber, 7) +
    text(t.holderKana, 30) +
    num(t.amount, 10) +
    '0' +
    num(t.customerCode ?? '0', 10) +
    '0'.repeat(10) +
    '7' +
    ' ' +
    ' '.repeat(7)
  );
}

export function trailerRecord(count: number, total: number): string {
  return '8' + num(count, 6) + num(total, 12) + ' '.repeat(101);
}

export const endRecord = (): string => '9' + ' '.repeat(119);

/** The whole file as Shift_JIS bytes; every record is checked to be exactly 120 bytes. */
export function buildZenginFile(remitter: Remitter, transferDate: string, transfers: Transfer[]): Buffer {
  const records = [headerRecord(remitter, transferDate), ...transfers.map(dataRecord), trailerRecord(transfers.length, transfers.reduce((a, t) => a + t.amount, 0)), endRecord()];
  const encoded = records.map((r) => iconv.encode(r, 'Shift_JIS'));
  for (const [i, b] of encoded.entries()) if (b.length !== RECORD_BYTES) throw new Error(`record ${i + 1} is ${b.length} bytes`);
  return Buffer.concat(encoded.flatMap((b) => [b, Buffer.from('\r\n')]));
}
