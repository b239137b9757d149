import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free loopback port, runs `run` with it, then closes the server and the connections it still has. */
export async function withListening(server: http.Server, run: (port: number) => Promise<void>): Promise<void> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    await run((server.address() as AddressInfo).port);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}
