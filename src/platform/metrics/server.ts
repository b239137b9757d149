import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Deps } from '../deps.js';
import { log } from '../log/index.js';
import { metricsFor, renderMetrics } from './index.js';

/**
 * `/metrics` on its own port (METRICS_PORT, bound to METRICS_HOST, loopback by default) for a
 * Prometheus on the same host or network: no token, and nothing else served there.
 */
export function startMetricsServer(deps: Pick<Deps, 'database' | 'db'>, publicCache: { hits: number; misses: number; size: number; bytes: number }, port: number, host: string): http.Server {
  metricsFor(deps).watchPublicCache(publicCache);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    renderMetrics(deps).then(
      ({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(503, { 'Content-Type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  server.on('error', (e) => log.error('metrics port failed', { port, message: e.message }));
  server.listen(port, host, () => log.info('metrics listening', { url: `http://${host}:${(server.address() as AddressInfo).port}/metrics` }));
  return server;
}
