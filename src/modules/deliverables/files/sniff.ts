/** The types a deliverable version may have, recognised from the file's first bytes (never its name). */
export const FILE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
} as const;

export type FileType = keyof typeof FILE_TYPES;

/** How many first bytes `sniffType` needs (an OOXML zip names its parts near the start). */
export const SNIFF_BYTES = 64 * 1024;

const starts = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/** The file's type from its content, or null when it is none of FILE_TYPES. */
export function sniffType(head: Buffer): FileType | null {
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(head, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (starts(head, [0x52, 0x49, 0x46, 0x46]) && starts(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (starts(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (starts(head, [0x66, 0x74, 0x79, 0x70], 4)) return head.toString('latin1', 8, 10) === 'qt' ? 'mov' : 'mp4';
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) {
    // An OOXML package: its part names (in the local file headers) say which kind.
    const text = head.toString('latin1');
    if (!text.includes('[Content_Types].xml')) return null;
    if (text.includes('word/')) return 'docx';
    if (text.includes('xl/')) return 'xlsx';
    if (text.includes('ppt/')) return 'pptx';
  }
  return null;
}
