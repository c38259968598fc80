/**
 * What every browser suite needs besides a browser: where the checkout is, and a web server on
 * 127.0.0.1 whose pages the test sets (the only origin tests let a browser reach).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A local web server whose pages are set by the test. */
export interface PageServer {
  origin: string;
  /** Serves `html` at `path` (e.g. "/article.html") until the server closes. */
  route(path: string, html: string): string;
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 with a random port. */
export async function startServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const body = pages.get((req.url ?? '/').split('?')[0] ?? '/');
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    route(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
