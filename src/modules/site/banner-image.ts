/**
 * Banner images are uploaded, checked by their bytes (never the file name or the browser's
 * label), stored with the version and served from this site: the CSP (`img-src 'self' data:`)
 * would block an image on another host. SVG is refused (it can carry script).
 */
export const BANNER_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type BannerImageType = (typeof BANNER_IMAGE_TYPES)[number];
export const MAX_BANNER_IMAGE_BYTES = 1024 * 1024;

export function sniffImageType(b: Buffer): BannerImageType | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && (b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a')) return 'image/gif';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

/** What a new banner draft does with the image: keep the previous version's, replace or remove it. */
export type ImageChange = { kind: 'keep' } | { kind: 'remove' } | { kind: 'upload'; bytes: Buffer } | { kind: 'copy'; type: string; data: string | null };

/** The public address of a version's image (versions never change, so it can be cached for long). */
export const bannerImagePath = (slug: string, versionId: number) => `/${slug}/banners/${versionId}/image`;
