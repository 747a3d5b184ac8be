// The end-to-end test server: serves the built app (dist/) at `/` and under a sub-path, the test
// fixtures at /fixtures/, generated datasets at /generated/, and a second origin for host pages, all with the strict Content
// Security Policy the app promises to run under. No framework, so what it sends is plain to see.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const APP_PORT = Number(process.env.E2E_PORT ?? 4173);
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? APP_PORT + 1);
export const SUB_PATH = '/nested/atlas/';
/** The app as served by a deployment that lets `?data=` reach the second origin (CONTRACTS §7). */
export const OPEN_DATA_PATH = '/open-data/';

export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  // Trusted Types: Svelte's policy for its templates, ours for the rest (src/lib/trusted-types.ts).
  "require-trusted-types-for 'script'",
  'trusted-types svelte-trusted-html default',
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The policy of the host pages on the second origin (e2e/fixtures/hosts/): as strict as a careful
 * newsroom's, allowing only our origin for what embedding needs. The web component's map worker
 * needs `worker-src blob: <our origin>`: a worker must be same-origin with the page, so MapLibre
 * starts a blob: module worker, which imports ours (module imports in a worker count as workers).
 */
export function hostCsp(appOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${appOrigin}`,
    `style-src 'self' ${appOrigin}`,
    `connect-src 'self' ${appOrigin}`,
    `img-src 'self' data: blob: ${appOrigin}`,
    `font-src 'self' ${appOrigin}`,
    `worker-src blob: ${appOrigin}`,
    `frame-src 'self' ${appOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

/** Host pages name the app's origin as `{{APP_ORIGIN}}` and the host's as `{{HOST_ORIGIN}}`. */
const HOST_TEMPLATE = { appOrigin: '', hostOrigin: '' };

async function sendFile(response, path, headers, hostPages = false) {
  try {
    let file = path;
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    if (hostPages && extname(file) === '.html') {
      body = body
        .toString('utf8')
        .replaceAll('{{APP_ORIGIN}}', HOST_TEMPLATE.appOrigin)
        .replaceAll('{{HOST_ORIGIN}}', HOST_TEMPLATE.hostOrigin);
      headers = { ...headers, 'content-security-policy': hostCsp(HOST_TEMPLATE.appOrigin) };
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain', ...headers });
    response.end('not found');
  }
}

/** Maps a URL path under `prefix` to a file under `dir`, refusing anything that climbs out. */
function within(dir, prefix, pathname) {
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return null; // malformed percent-encoding (fuzzed addresses): not found, never a crashed server
  }
  const target = normalize(join(dir, relative));
  return target.startsWith(dir) ? target : null;
}

/** `baseHeaders`: an object, or a function of the path giving one. */
function serve(routes, port, baseHeaders) {
  createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const base = typeof baseHeaders === 'function' ? baseHeaders(pathname) : baseHeaders;
    const headers = { ...base, 'cache-control': 'no-store' };
    for (const [prefix, dir, hostPages] of routes) {
      if (pathname === prefix.slice(0, -1)) {
        response.writeHead(301, { location: prefix });
        response.end();
        return;
      }
      if (pathname.startsWith(prefix)) {
        const file = within(dir, prefix, pathname);
        if (file) return void sendFile(response, file, headers, hostPages);
      }
    }
    response.writeHead(404, headers);
    response.end('not found');
  }).listen(port, '127.0.0.1', () => console.log(`e2e server on http://127.0.0.1:${port}/`));
}

const dist = join(ROOT, 'dist');
const fixtures = join(ROOT, 'e2e', 'fixtures');
// Large synthetic datasets are generated at test time (`npm run synth`), never committed.
const generated = join(ROOT, 'test-results', 'generated');
serve(
  [
    ['/fixtures/', fixtures],
    ['/generated/', generated],
    [SUB_PATH, dist],
    [OPEN_DATA_PATH, dist],
    ['/', dist],
  ],
  APP_PORT,
  (pathname) => ({
    // Only this path widens connect-src, deliberately, as a deployment allowing other hosts would.
    'content-security-policy': pathname.startsWith(OPEN_DATA_PATH)
      ? STRICT_CSP.replace("connect-src 'self'", `connect-src 'self' http://127.0.0.1:${HOST_PORT}`)
      : STRICT_CSP,
    'access-control-allow-origin': '*',
  }),
);
// A second origin: host pages that embed the atlas (under their own strict policy), and datasets
// served from "another site".
HOST_TEMPLATE.appOrigin = `http://127.0.0.1:${APP_PORT}`;
HOST_TEMPLATE.hostOrigin = `http://127.0.0.1:${HOST_PORT}`;
serve(
  [
    ['/hosts/', join(fixtures, 'hosts'), true],
    ['/', fixtures],
  ],
  HOST_PORT,
  { 'access-control-allow-origin': '*' },
);
