// Boots the service: build the app, listen, and shut down gracefully on SIGTERM/SIGINT — stop
// accepting connections, let requests in flight finish, then resolve `closed`. Nothing else here.

import type { AppOptions, ServiceApp } from './app.js';
import { buildApp } from './app.js';

export interface ServerOptions extends AppOptions {
  host?: string;
  port?: number;
  /** Signals that trigger a graceful shutdown (default SIGTERM and SIGINT). */
  signals?: NodeJS.Signals[];
}

export interface RunningServer {
  app: ServiceApp;
  /** e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  /** Resolves once the server has shut down (after a signal or close()). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const app = await buildApp(opts);
  const host = opts.host ?? DEFAULT_HOST;
  await app.listen({ host, port: opts.port ?? DEFAULT_PORT });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : (opts.port ?? DEFAULT_PORT);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | null = null;
  const signals = opts.signals ?? ['SIGTERM', 'SIGINT'];
  const onSignal = (sig: NodeJS.Signals): void => {
    app.log.info(`${sig}: finishing requests in flight, then stopping`);
    void close();
  };
  function close(): Promise<void> {
    closing ??= (async () => {
      for (const s of signals) process.off(s, onSignal);
      await app.close(); // stops accepting; waits for in-flight requests (fastify + http.Server.close)
      resolveClosed();
    })();
    return closing;
  }
  for (const s of signals) process.on(s, onSignal);
  return { app, url, port, closed, close };
}
