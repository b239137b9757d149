import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Deps } from '../platform/deps.js';
import { errorFields, log } from '../platform/log/index.js';
import { cm } from '../platform/cli/messages.js';
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

/**
 * Sends a command to the running server; resolves with the exit code. When the server cannot be
 * reached, or goes away before it has sent the exit code (stopped, crashed), says so on `err` and
 * resolves 1: the command may or may not have been carried out.
 */
export function sendToServer(dataDir: string, argv: string[], stdin: string, osUser: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.createConnection(controlSocketPath(dataDir));
    let buf = '';
    let exit: number | null = null;
    let connected = false;
    let failure: (Error & { code?: string }) | undefined;
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      socket.write(JSON.stringify({ argv, stdin, osUser }) + '\n');
    });
    socket.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        let msg: { out?: string; err?: string; exit?: number };
        try {
          msg = JSON.parse(buf.slice(0, nl));
        } catch {
          // Not the server's protocol (a line cut off as it went away): the answer cannot be trusted.
          failure = new Error('malformed answer');
          socket.destroy();
          return;
        }
        buf = buf.slice(nl + 1);
        if (msg.out) out.write(msg.out);
        if (msg.err) err.write(msg.err);
        if (msg.exit !== undefined) exit = msg.exit;
      }
    });
    socket.on('error', (e) => (failure = e));
    socket.on('close', () => {
      if (exit !== null) return resolve(exit);
      const reason = failure?.code ?? failure?.message ?? 'connection closed';
      err.write(cm(connected ? 'errServerLost' : 'errServerUnreachable', { reason }) + '\n');
      resolve(1);
    });
  });
}
