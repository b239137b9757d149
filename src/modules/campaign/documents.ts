import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import type { FieldError } from '../../platform/errors/index.js';
import type { Box } from '../../platform/vault/index.js';
import { cm } from './messages.js';
import { campaignDocuments, type CampaignDocument } from './schema.js';

/** Per-file limit (the whole request is also bounded by MAX_UPLOAD_BYTES). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type DocumentKind = CampaignDocument['kind'];

export interface Upload {
  kind: DocumentKind;
  filename: string;
  bytes: Buffer;
}

export interface CheckedUpload extends Upload {
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
}

/** The type by content (magic bytes), never by the name or the browser's label. */
export function sniffType(bytes: Buffer): CheckedUpload['contentType'] | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

const FIELD: Record<DocumentKind, 'licenseFile' | 'photoFile'> = { license: 'licenseFile', photo: 'photoFile' };

export function documentField(kind: DocumentKind): 'licenseFile' | 'photoFile' {
  return FIELD[kind];
}

/** Checks size and content type; returns the accepted files and one error per refused file. */
export function checkUploads(uploads: Upload[]): { accepted: CheckedUpload[]; errors: FieldError[] } {
  const accepted: CheckedUpload[] = [];
  const errors: FieldError[] = [];
  for (const u of uploads) {
    const field = FIELD[u.kind];
    const label = cm(field);
    if (u.bytes.length === 0) errors.push({ field, message: cm('errFileEmpty', { label }) });
    else if (u.bytes.length > MAX_DOCUMENT_BYTES) errors.push({ field, message: cm('errFileSize', { label, max: MAX_DOCUMENT_BYTES / 1024 / 1024 }) });
    else {
      const contentType = sniffType(u.bytes);
      if (!contentType) errors.push({ field, message: cm('errFileType', { label }) });
      else accepted.push({ ...u, contentType, filename: safeFilename(u.filename, contentType) });
    }
  }
  return { accepted, errors };
}

function safeFilename(name: string, type: CheckedUpload['contentType']): string {
  const base = name.normalize('NFKC').replace(/[\\/\x00-\x1f"<>|:*?]/g, '_').slice(-100) || 'document';
  const ext = type === 'application/pdf' ? '.pdf' : type === 'image/png' ? '.png' : '.jpg';
  return /\.(pdf|png|jpe?g)$/i.test(base) ? base : base + ext;
}

/** Stores a checked file sealed with the program's key. A new licence copy replaces the old one. */
export async function storeDocument(conn: Conn, box: Box, applicationId: number, u: CheckedUpload): Promise<number> {
  if (u.kind === 'license') await conn.delete(campaignDocuments).where(and(eq(campaignDocuments.applicationId, applicationId), eq(campaignDocuments.kind, 'license')));
  const [row] = await conn
    .insert(campaignDocuments)
    .values({
      applicationId,
      kind: u.kind,
      filename: u.filename,
      contentType: u.contentType,
      size: u.bytes.length,
      sha256: crypto.createHash('sha256').update(u.bytes).digest('hex'),
      data: box.seal(u.bytes.toString('base64')),
    })
    .returning({ id: campaignDocuments.id });
  return row!.id;
}

/** The documents' metadata (never their content). */
export async function listDocuments(conn: Conn, applicationId: number) {
  return conn
    .select({ id: campaignDocuments.id, kind: campaignDocuments.kind, filename: campaignDocuments.filename, contentType: campaignDocuments.contentType, size: campaignDocuments.size, createdAt: campaignDocuments.createdAt })
    .from(campaignDocuments)
    .where(eq(campaignDocuments.applicationId, applicationId))
    .orderBy(campaignDocuments.id);
}

export async function findDocument(conn: Conn, applicationId: number, documentId: number): Promise<CampaignDocument | undefined> {
  const [row] = await conn.select().from(campaignDocuments).where(and(eq(campaignDocuments.id, documentId), eq(campaignDocuments.applicationId, applicationId)));
  return row;
}
