// The benchmark's static server: the built app at `/` (with the strict CSP it ships under), the
// comparison pages at /bench/, synthetic datasets at /bench-data/. Compresses with gzip as a real
// deployment would, so "bytes transferred" means what a reader downloads.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types svelte-trusted-html default";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.csv', '.svg']);
const gzipCache = new Map<string, Buffer>();

const ROUTES: [string, string, boolean][] = [
  ['/bench-data/', join(ROOT, 'bench', 'data'), false],
  ['/bench/', join(ROOT, 'bench', 'dist'), false],
  // The app built unminified, for readable profiles (npm run bench:build-profiled).
  ['/profiled/', join(ROOT, 'bench', 'dist-profiled'), true],
  ['/', join(ROOT, 'dist'), true],
];

export function startServer(port: number): Promise<import('node:http').Server> {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const route = ROUTES.find(([prefix]) => pathname.startsWith(prefix));
    if (!route) return void response.writeHead(404).end();
    const [prefix, dir, strict] = route;
    let file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const extension = extname(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[extension] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (strict) headers['content-security-policy'] = STRICT_CSP;
      let body: Buffer = await readFile(file);
      if (COMPRESSIBLE.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(body, { level: 6 }));
        body = gzipCache.get(file)!;
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
