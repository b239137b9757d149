import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Deps } from '../platform/deps.js';
import { errorFields, log } from '../platform/log/index.js';
import { runCli } from './commands.js';

/**
 * A Unix socket in DATA_DIR (mode 0600) through which the CLI asks the running server to carry out
 * a command, because only one process may open an embedded database. One JSON line in
 * (`{argv, stdin, osUser}`), JSON lines out (`{out}`, `{err}`, then `{exit}`).
 */
export function controlSocketPath(dataDir: string): string {
  return path.join(dataDir, 'control.sock');
}

export async function startControlSocket(deps: Deps): Promise<{ close(): Promise<void> } | null> {
  const file = controlSocketPath(deps.config.dataDir);
  if (Buffer.byteLength(file) > 100) {
    log.warn('DATA_DIR path too long for the control socket; the CLI cannot reach this server', {});
    return null;
  }
  try {
    fs.unlinkSync(file);
  } catch {
    /* none left over */
  }
  const server = net.createServer((socket) => {
    let buf = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      socket.removeAllListeners('data');
      let req: { argv: string[]; stdin: string; osUser: string };
      try {
        req = JSON.parse(line);
      } catch {
        socket.end(JSON.stringify({ exit: 2 }) + '\n');
        return;
      }
      const send = (o: object) => socket.write(JSON.stringify(o) + '\n');
      runCli(deps.modules, deps, req.argv, {
        out: (text) => send({ out: text }),
        err: (text) => send({ err: text }),
        stdin: async () => req.stdin,
        osUser: String(req.osUser || 'unknown').slice(0, 64),
      })
        .then((code) => socket.end(JSON.stringify({ exit: code }) + '\n'))
        .catch((e) => {
          log.error('control command failed', errorFields(e));
          socket.end(JSON.stringify({ err: 'internal error\n', exit: 1 }) + '\n');
        });
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  fs.chmodSync(file, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        try {
          fs.unlinkSync(file);
        } catch {
          /* gone */
        }
      }),
  };
}

/** Sends a command to the running server; resolves with the exit code. */
export function sendToServer(dataDir: string, argv: string[], stdin: string, osUser: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(controlSocketPath(dataDir));
    let buf = '';
    let exit: number | null = null;
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(JSON.stringify({ argv, stdin, osUser }) + '\n'));
    socket.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buf.slice(0, nl)) as { out?: string; err?: string; exit?: number };
        buf = buf.slice(nl + 1);
        if (msg.out) out.write(msg.out);
        if (msg.err) err.write(msg.err);
        if (msg.exit !== undefined) exit = msg.exit;
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(exit ?? 1));
  });
}
