import { toRomaji } from 'wanakana';

/**
 * A facility's kana reading in Hepburn (wanakana), each word capitalised: アキウオンセン デモカン →
 * "Akiuonsen Demokan". Half-width kana are widened first (wanakana reads full-width only). For
 * English pages (beside the Japanese name, when the facility gave no English name) and English
 * search ("akiu" finds 秋保). Text that is not kana passes through.
 */
export function readingRomaji(kana: string): string {
  return toRomaji(kana.normalize('NFKC'))
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** How an English page names a facility beside its Japanese name: its English name, else its reading in Hepburn. */
export function englishName(f: { nameKana: string; nameEn?: string }): string {
  return f.nameEn?.trim() || readingRomaji(f.nameKana);
}
