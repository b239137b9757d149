/**
 * Removes personal data that third-party error text tends to carry before it is logged or stored:
 * SMTP servers echo the recipient (`550 5.1.1 <taro@example.jp>: Recipient address rejected`),
 * database errors echo the offending value. E-mail addresses become `[email]`, phone-like numbers
 * (10 to 13 digits, with or without separators, full-width too) become `[phone]`. Short numbers
 * (SMTP codes, ports, ids, dates, IPv4 addresses), UUIDs (request ids) and digits inside a word of
 * letters and digits (hex key ids, hashes) are kept: they are what makes an error useful.
 */
const EMAIL = /[^\s<>"'(),;:@[\]]+@[^\s<>"'(),;:@[\]]+/g;
/**
 * A UUID (a request id), kept whole; otherwise a run of digits and separators that starts and ends
 * with a digit (optionally a leading +) and is not part of a longer word of letters and digits (a
 * hex key id or hash such as `1ecd0123456789ab`). The UUID comes first so that its digit groups
 * (`…-9012-345678ab…`) are never read as a phone number.
 */
const UUID_OR_NUMBER_RUN = /(\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)|(?<![0-9A-Za-z])\+?\d[\d\s().-]*\d(?![0-9A-Za-z])/gi;

export function redactPersonal(text: string): string {
  return text
    .normalize('NFKC')
    .replace(EMAIL, '[email]')
    .replace(UUID_OR_NUMBER_RUN, (run, uuid: string | undefined) => {
      if (uuid) return run;
      const digits = run.replace(/\D/g, '').length;
      if (digits < 10 || digits > 13) return run;
      // Dotted runs are versions or addresses (1.2.3.4), not phone numbers.
      if (/\d\.\d/.test(run) && !/[-\s()]/.test(run)) return run;
      return '[phone]';
    });
}
