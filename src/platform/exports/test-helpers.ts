/** Shared by this folder's tests only. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

/** Runs a writer against a PassThrough while reading it, as an HTTP response would. */
export async function captureStream(write: (stream: PassThrough) => Promise<void>): Promise<Buffer> {
  const stream = new PassThrough();
  const [, buf] = await Promise.all([write(stream), collect(stream)]);
  return buf;
}

export async function readWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs' typings predate the generic Buffer of current @types/node.
  await wb.xlsx.load(buf as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}
