import { ERASED, type Box } from '../../platform/vault/index.js';
import type { EventRegistration } from './schema.js';

/** The personal fields of a registration, opened; 消去済み where the program's key was destroyed. */
export interface Person {
  name: string;
  nameKana: string;
  organization: string;
  orgRole: string;
  email: string;
  phone: string;
  fax: string;
  accommodationNote: string;
  question: string;
}

export const ERASED_TEXT = '消去済み';

function open(box: Box, sealed: string | null): string {
  if (sealed == null) return '';
  const v = box.open(sealed);
  return v === ERASED ? ERASED_TEXT : v;
}

export function openPerson(box: Box, r: EventRegistration): Person {
  return {
    name: open(box, r.nameSealed),
    nameKana: open(box, r.nameKanaSealed),
    organization: open(box, r.organizationSealed),
    orgRole: open(box, r.orgRoleSealed),
    email: open(box, r.emailSealed),
    phone: open(box, r.phoneSealed),
    fax: open(box, r.faxSealed),
    accommodationNote: open(box, r.accommodationNoteSealed),
    question: open(box, r.questionSealed),
  };
}

/** Kana folded to katakana without spaces, for blind indexes and search. */
export function foldKana(v: string): string {
  return v
    .normalize('NFKC')
    .replace(/[\s　]/g, '')
    .replace(/[ぁ-ゖ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** Organisation names folded so that 「○○町内会」 and 「○○ 町内会」 match. */
export function foldOrganization(v: string): string {
  return v.normalize('NFKC').replace(/[\s　]/g, '').toLowerCase();
}
