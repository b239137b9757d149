import { createCatalog } from '../i18n/index.js';

/**
 * Texts of the CSV reader (csv.ts, encoding.ts): refusals of a file or of one of its rows. The
 * imports run in the back office, the business portal and the CLI, which answer in Japanese.
 */
export const csvMessages = createCatalog(
  {
    headerMissing: 'CSV の見出し行に必要な列がありません: {missing}（見出し: {found}）',
    unreadableRow: '{encoding} として正しく読めない文字（文字化け、外字、制御文字）があるため、この行は取り込みません。ファイルの文字コードと内容を確認してください',
    foreignRow: 'この行はファイルのほかの行と文字コードが違う（{encoding} ではない）ため、文字化けを防ぐために取り込みません。ファイル全体を一つの文字コードで保存し直してください',
    unreadableHeader: '1行目（見出し行）に {encoding} として正しく読めない文字があります。ファイルの文字コードを確認してください',
    ambiguousEncoding:
      'ファイルの文字コードを判定できません。UTF-8 として読める行と読めない行（{lines}行目）が混在しています。ファイル全体を UTF-8 か Shift_JIS のどちらか一方で保存し直すか、文字コードを指定してください',
    declaredShiftJisIsUtf8: 'ファイルは UTF-8 で書かれていますが、文字コードに Shift_JIS が指定されています（{line}行目など）。文字コードの指定を確認してください',
    quoteNotClosed: '{line}行目で始まる引用符（"）が閉じられていません',
    recordTooLong: '{line}行目が長すぎます（1行 {max} 文字まで）',
    malformed: '{line}行目を CSV として読めません（{code}）',
  },
  {
    headerMissing: 'The CSV header lacks required columns: {missing} (header: {found})',
    unreadableRow: 'This row holds characters that are not valid {encoding} (garbled text, private-use or control characters) and was not imported. Check the file’s encoding and content',
    foreignRow: 'This row is in another encoding than the rest of the file (not {encoding}) and was not imported, so that it is not garbled. Save the whole file in one encoding',
    unreadableHeader: 'Line 1 (the header) holds characters that are not valid {encoding}. Check the file’s encoding',
    ambiguousEncoding: 'The file’s encoding cannot be decided: some lines are UTF-8 and others (line {lines}) are not. Save the whole file as UTF-8 or as Shift_JIS, or state the encoding',
    declaredShiftJisIsUtf8: 'The file is written in UTF-8 but Shift_JIS was stated (line {line} and others). Check the stated encoding',
    quoteNotClosed: 'The quote (") opened on line {line} is never closed',
    recordTooLong: 'Line {line} is too long (at most {max} characters per row)',
    malformed: 'Line {line} is not valid CSV ({code})',
  },
);
