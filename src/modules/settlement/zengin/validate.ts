import iconv from 'iconv-lite';

/**
 * Checks a 総合振込 file against the format, independently of the writer: record length and
 * order, numeric fields, the permitted character set, counts and sums. Returns every problem.
 */
const PERMITTED_BYTE = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0xb1 && b <= 0xdf) || [0x20, 0x28, 0x29, 0x2d, 0x2e, 0x2f, 0xa2, 0xa3, 0x5c, 0x2c].includes(b);

export function validateZenginFile(file: Buffer): string[] {
  const problems: string[] = [];
  if (file.length % 122 !== 0) problems.push(`file length ${file.length} is not a multiple of 122 (120 bytes + CRLF)`);
  const records: Buffer[] = [];
  for (let at = 0; at + 122 <= file.length; at += 122) {
    const rec = file.subarray(at, at + 120);
    if (file[at + 120] !== 0x0d || file[at + 121] !== 0x0a) problems.push(`record ${records.length + 1}: not followed by CRLF`);
    records.push(rec);
  }
  const kinds = records.map((r) => String.fromCharCode(r[0]!)).join('');
  if (!/^12+89$/.test(kinds)) problems.push(`record kinds "${kinds}" are not header, data…, trailer, end`);
  const ascii = (r: Buffer, from: number, len: number) => iconv.decode(r.subarray(from, from + len), 'Shift_JIS');
  const digits = (r: Buffer, i: number, from: number, len: number, name: string) => {
    const v = ascii(r, from, len);
    if (!/^\d+$/.test(v)) problems.push(`record ${i + 1}: ${name} "${v}" is not ${len} digits`);
    return Number(v);
  };
  records.forEach((r, i) => {
    r.forEach((b, pos) => {
      if (!PERMITTED_BYTE(b)) problems.push(`record ${i + 1} byte ${pos + 1}: 0x${b.toString(16)} is not a permitted character`);
    });
  });
  let count = 0;
  let total = 0;
  records.forEach((r, i) => {
    const kind = String.fromCharCode(r[0]!);
    if (kind === '1') {
      if (ascii(r, 1, 2) !== '21') problems.push('header: 種別コード is not 21');
      digits(r, i, 4, 10, '振込依頼人コード');
      const mm = digits(r, i, 54, 2, '振込月');
      const dd = digits(r, i, 56, 2, '振込日');
      if (mm < 1 || mm > 12 || dd < 1 || dd > 31) problems.push('header: 振込指定日 is not a date');
      digits(r, i, 58, 4, '仕向銀行番号');
      digits(r, i, 77, 3, '仕向支店番号');
      if (!['1', '2'].includes(ascii(r, 95, 1))) problems.push('header: 預金種目 is not 1 or 2');
      digits(r, i, 96, 7, '口座番号');
    } else if (kind === '2') {
      digits(r, i, 1, 4, '被仕向銀行番号');
      digits(r, i, 20, 3, '被仕向支店番号');
      if (!['1', '2', '4', '9'].includes(ascii(r, 42, 1))) problems.push(`record ${i + 1}: 預金種目 is not valid`);
      digits(r, i, 43, 7, '口座番号');
      if (ascii(r, 50, 30).trim() === '') problems.push(`record ${i + 1}: 受取人名 is empty`);
      total += digits(r, i, 80, 10, '振込金額');
      count++;
    } else if (kind === '8') {
      const n = digits(r, i, 1, 6, '合計件数');
      const sum = digits(r, i, 7, 12, '合計金額');
      if (n !== count) problems.push(`trailer: count ${n} but ${count} data records`);
      if (sum !== total) problems.push(`trailer: total ${sum} but data records sum to ${total}`);
    }
  });
  return problems;
}
