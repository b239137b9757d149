/** Where a CLI command writes, and how it reads standard input; the same for a local run and over the control socket. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  stdin(): Promise<string>;
  /** The operating-system user, recorded as the audit actor `cli:<user>`. */
  osUser: string;
}

export class CliUsageError extends Error {}
