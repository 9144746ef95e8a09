import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppFile } from './protocol.js';

let root: string;
let outside: string;

/** What net.fetch does for file:// URLs, read from disk. */
async function fetchFile(fileUrl: string): Promise<Response> {
  return new Response(await readFile(fileURLToPath(fileUrl)));
}

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'deskops-protocol-'));
  root = join(outside, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>DeskOps</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'export {};');
  await writeFile(join(outside, 'secret.txt'), 'do not serve');
});
afterAll(() => rm(outside, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is registered as a standard, secure scheme with fetch support', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });

  it('maps app URLs into the renderer folder, routes to index.html', () => {
    expect(resolveAppFile(root, 'app://deskops/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppFile(root, 'app://deskops/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://deskops/tickets/42?tab=log#top')).toBe(join(root, 'index.html'));
  });

  it.each([
    'app://deskops/../secret.txt',
    'app://deskops/%2e%2e/secret.txt',
    'app://deskops/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://deskops/..%5csecret.txt',
    'app://deskops/a%00.js',
    'app://deskops/%E0%A4%A.js',
    'app://other/index.html',
    'https://deskops/index.html',
  ])('refuses %s', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(join(root, '/'))).toBe(true);
    expect(file).not.toBe(join(outside, 'secret.txt'));
  });

  it('serves files with their type, the CSP and nosniff; refuses the rest', async () => {
    const handler = createAppProtocolHandler({ rootDir: root, csp: "default-src 'self'", fetchFile });
    const page = await handler(new Request('app://deskops/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>DeskOps</title>');

    const script = await handler(new Request('app://deskops/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    expect((await handler(new Request('app://deskops/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://deskops/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://deskops/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
