import { extname, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './security.js';

/**
 * `app://deskops/…` serves the built renderer from disk. A standard, secure scheme gives the page a
 * real origin (for IndexedDB, fetch and the CSP's 'self') without file:// and its extra powers.
 * Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The file under `rootDir` that an app URL names, or null when the URL is not ours or tries to
 * leave the folder. Paths without a file extension are client-side routes: they get index.html.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rootDir);
  const relative = pathname.replace(/^\/+/, '');
  const file = extname(relative) === '' ? resolve(root, 'index.html') : resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

export interface AppProtocolOptions {
  /** The built renderer, `dist/renderer`. */
  readonly rootDir: string;
  readonly csp: string;
  /** `net.fetch` in the app (it reads file:// URLs); tests read the disk directly. */
  readonly fetchFile: (fileUrl: string) => Promise<Response>;
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** The `protocol.handle` callback for `app://`. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const file = resolveAppFile(options.rootDir, request.url);
    if (!file) return refuse(404, 'Not found');
    let found: Response;
    try {
      found = await options.fetchFile(pathToFileURL(file).href);
    } catch {
      return refuse(404, 'Not found');
    }
    if (!found.ok) return refuse(404, 'Not found');
    const headers = new Headers(found.headers);
    const type = CONTENT_TYPES[extname(file).toLowerCase()];
    if (type) headers.set('content-type', type);
    headers.set('content-security-policy', options.csp);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(request.method === 'HEAD' ? null : found.body, { status: 200, headers });
  };
}
