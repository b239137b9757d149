/**
 * Conversion to the character set a 全銀 transfer record accepts: half-width katakana, digits,
 * upper-case letters, space and ( ) - . / ｢ ｣ ¥ ,. Small kana are folded to full size, as banks
 * require; anything else is reported, never silently dropped.
 *
 * The banks' character set, not a module's: campaign checks account holder names with it when an
 * application is submitted, settlement writes the 全銀 transfer file with it.
 */
const FULL = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const HALF = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｵﾝ';
const VOICED = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
const VOICED_BASE = 'カキクケコサシスセソタチツテトハヒフヘホ';
const SEMI = 'パピプペポ';
const SEMI_BASE = 'ハヒフヘホ';
const SMALL = 'ァィゥェォャュョッヮヵヶ';
const SMALL_LARGE = 'アイウエオヤユヨツワカケ';

const MAP = new Map<string, string>();
for (let i = 0; i < FULL.length; i++) MAP.set(FULL[i]!, HALF[i]!);
for (let i = 0; i < VOICED.length; i++) MAP.set(VOICED[i]!, MAP.get(VOICED_BASE[i]!)! + 'ﾞ');
for (let i = 0; i < SEMI.length; i++) MAP.set(SEMI[i]!, MAP.get(SEMI_BASE[i]!)! + 'ﾟ');
for (let i = 0; i < SMALL.length; i++) MAP.set(SMALL[i]!, MAP.get(SMALL_LARGE[i]!)!);
MAP.set('ヴ', 'ｳﾞ');
MAP.set('ヰ', 'ｲ');
MAP.set('ヱ', 'ｴ');
MAP.set('ー', '-');
MAP.set('－', '-');
MAP.set('゛', 'ﾞ');
MAP.set('゜', 'ﾟ');
MAP.set('　', ' ');
MAP.set('「', '｢');
MAP.set('」', '｣');
MAP.set('￥', '¥');

export const ZENGIN_ALLOWED = /^[0-9A-Zｱ-ﾝﾞﾟ ().\-/｢｣¥,]*$/;

export class ZenginCharacterError extends Error {
  constructor(
    readonly text: string,
    readonly char: string,
  ) {
    super(`全銀の振込データに使えない文字「${char}」が含まれています: ${text}`);
  }
}

export function toZenginKana(text: string): string {
  // NFKC first turns half-width kana into full-width (so both spellings meet the same map) and
  // full-width letters and digits into ASCII.
  const normal = text.normalize('NFKC').replace(/[\u3041-\u3096]/g, (h) => String.fromCharCode(h.charCodeAt(0) + 0x60));
  let out = '';
  for (const ch of normal) {
    if (MAP.has(ch)) out += MAP.get(ch);
    else if (/[a-z]/.test(ch)) out += ch.toUpperCase();
    else out += ch;
  }
  // NFKC leaves combining sound marks after a full-width kana as separate characters.
  out = out.replace(/\u3099/g, 'ﾞ').replace(/\u309a/g, 'ﾟ');
  for (const ch of out) if (!ZENGIN_ALLOWED.test(ch)) throw new ZenginCharacterError(text, ch);
  return out;
}
