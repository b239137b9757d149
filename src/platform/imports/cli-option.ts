import { optionalString } from '../cli/args.js';
import type { CliRunContext } from '../cli/command.js';
import { CliUsageError } from '../cli/io.js';
import { CSV_ENCODINGS, csvEncodingOf, type CsvEncoding } from './encoding.js';

/** The help line every CSV import command shows about `--encoding`. */
export const CSV_ENCODING_HELP =
  'Encoding: decided on the whole file (UTF-8, or Shift_JIS/CP932 as Excel writes it); --encoding utf-8|shift_jis states it. A row that does not decode cleanly is refused by its line.';

/** The `--encoding` option of a CSV import command; undefined when not given (decided from the file). */
export function csvEncodingOption(ctx: CliRunContext): CsvEncoding | undefined {
  const name = optionalString(ctx, 'encoding');
  if (name === undefined) return undefined;
  const encoding = csvEncodingOf(name);
  if (!encoding) throw new CliUsageError(`--encoding must be ${CSV_ENCODINGS.join(' or ')}`);
  return encoding;
}
