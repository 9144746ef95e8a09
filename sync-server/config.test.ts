import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, ELECTRON_ORIGIN, loadConfig } from './config.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'deskops-config-'));
});
afterAll(async () => rm(cwd, { recursive: true, force: true }));

describe('loadConfig', () => {
  it('has safe defaults and generates a persistent, owner-only JWT secret', async () => {
    const config = loadConfig({}, cwd);
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      dataDir: join(cwd, '.data'),
      logLevel: 'info',
      seedDemo: true,
      rendererDir: null,
      corsOrigins: [ELECTRON_ORIGIN],
    });
    const file = join(cwd, '.data', 'jwt-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(config.jwtSecret);
    expect(loadConfig({}, cwd).jwtSecret).toBe(config.jwtSecret);
  });

  it('reads every variable', async () => {
    await writeFile(join(cwd, 'index.html'), '<!doctype html>');
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: 'srv-data',
        LOG_LEVEL: 'WARN',
        JWT_SECRET: 's'.repeat(40),
        SEED_DEMO: '0',
        RENDERER_DIR: '.',
        CORS_ORIGINS: 'http://localhost:5173, https://desk.example.com/',
      },
      cwd,
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: join(cwd, 'srv-data'),
      logLevel: 'warn',
      jwtSecret: 's'.repeat(40),
      seedDemo: false,
      rendererDir: cwd,
      corsOrigins: [ELECTRON_ORIGIN, 'http://localhost:5173', 'https://desk.example.com'],
    });
  });

  it('fails with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, cwd)).toThrow(/PORT must be an integer/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' }, cwd)).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ JWT_SECRET: 'short' }, cwd)).toThrow(/JWT_SECRET must be at least 32/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' }, cwd)).toThrow(/SEED_DEMO/);
    expect(() => loadConfig({ RENDERER_DIR: 'nowhere' }, cwd)).toThrow(/RENDERER_DIR .* has no index.html/);
    expect(() => loadConfig({ CORS_ORIGINS: 'not a url' }, cwd)).toThrow(ConfigError);
  });
});
