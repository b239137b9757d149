import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  to: string[];
  raw: string;
  messageId: string | null;
  subject: string | null;
}

/**
 * A real SMTP server on loopback that keeps what it accepts. `beforeAccept` runs while a message
 * is still in flight (before the 250 reply), which lets a test crash the sender at that moment.
 */
export async function startSmtpSink(
  opts: {
    beforeAccept?: (m: SinkMessage) => Promise<void> | void;
    acceptDelayMs?: number;
    /** Refuses these recipients at RCPT TO, echoing the address as real servers do. */
    rejectRecipient?: (address: string) => boolean;
  } = {},
) {
  const messages: SinkMessage[] = [];
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.rejectRecipient?.(address.address)) {
        const err = new Error(`<${address.address}>: Recipient address rejected: User unknown`) as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      callback();
    },
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const msg: SinkMessage = {
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
          subject: /^Subject:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
        };
        try {
          await opts.beforeAccept?.(msg);
        } catch {
          return callback(new Error('rejected by test'));
        }
        // Give a crash of the sender time to show as a closed connection: a sender that died
        // before our 250 reply never had its message accepted.
        await new Promise((r) => setTimeout(r, opts.acceptDelayMs ?? 0));
        if (closed.has(session.id)) return;
        messages.push(msg);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
