import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths } from '../../common/sync/protocol.js';
import type { RunningServer } from '../start.js';
import { API_CSP, RENDERER_CSP } from './security-headers.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let rendererDir: string;
  beforeAll(async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'deskops-renderer-'));
    await mkdir(join(rendererDir, 'assets'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>DeskOps</title><div id="root"></div>');
    await writeFile(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    server = await startServerOn(kind, { rendererDir, corsOrigins: ['app://deskops', 'http://localhost:5173'], loginRateLimit: { max: 3, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await server.close();
    await rm(rendererDir, { recursive: true, force: true });
  });

  describe('API responses', () => {
    it('carry security headers and no-store', async () => {
      const response = await fetch(`${server.url}${syncPaths.health}`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', apiVersion: 1 });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toBe(API_CSP);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('answer unknown API routes with a JSON 404', async () => {
      const response = await fetch(`${server.url}/api/v1/nothing-here`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ code: 'NOT_FOUND', message: 'No route for GET /api/v1/nothing-here.' });
    });

    it('refuse broken JSON with 400 and never show a stack', async () => {
      const response = await fetch(`${server.url}${syncPaths.refresh}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"refreshToken":' });
      expect(response.status).toBe(400);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body['code']).toBe('BAD_REQUEST');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
    });
  });

  describe('CORS', () => {
    it('allows the Electron origin and configured origins, nobody else', async () => {
      const preflight = (origin: string) =>
        fetch(`${server.url}${syncPaths.login}`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
        });
      expect((await preflight('app://deskops')).headers.get('access-control-allow-origin')).toBe('app://deskops');
      expect((await preflight('http://localhost:5173')).headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('renderer', () => {
    it('serves the built app with its CSP and falls back to index.html for client routes', async () => {
      const root = await fetch(`${server.url}/`);
      expect(root.status).toBe(200);
      expect(await root.text()).toContain('<div id="root">');
      expect(root.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      const route = await fetch(`${server.url}/tickets/t-anka-001`);
      expect(route.status).toBe(200);
      expect(route.headers.get('content-type')).toMatch(/^text\/html/);
      const asset = await fetch(`${server.url}/assets/app-1a2b.js`);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    });
  });

  describe('login rate limit', () => {
    it('answers 429 RATE_LIMITED once an address exceeds its sign-in attempts', async () => {
      const attempt = () =>
        fetch(`${server.url}${syncPaths.login}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: `nobody`, password: 'x', deviceId: 'd' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await attempt();
      expect(((await limited.json()) as { code: string }).code).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
