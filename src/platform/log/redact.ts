/**
 * Removes personal data that third-party error text tends to carry before it is logged or stored:
 * SMTP servers echo the recipient (`550 5.1.1 <taro@example.jp>: Recipient address rejected`),
 * database errors echo the offending value. E-mail addresses become `[email]`, phone-like numbers
 * (10 to 13 digits, with or without separators, full-width too) become `[phone]`. Short numbers
 * (SMTP codes, ports, ids, dates, IPv4 addresses) are kept: they are what makes an error useful.
 */
const EMAIL = /[^\s<>"'(),;:@[\]]+@[^\s<>"'(),;:@[\]]+/g;
/** A run of digits and separators that starts and ends with a digit (optionally a leading +). */
const NUMBER_RUN = /\+?\d[\d\s().-]*\d/g;

export function redactPersonal(text: string): string {
  return text
    .normalize('NFKC')
    .replace(EMAIL, '[email]')
    .replace(NUMBER_RUN, (run) => {
      const digits = run.replace(/\D/g, '').length;
      if (digits < 10 || digits > 13) return run;
      // Dotted runs are versions or addresses (1.2.3.4), not phone numbers.
      if (/\d\.\d/.test(run) && !/[-\s()]/.test(run)) return run;
      return '[phone]';
    });
}
