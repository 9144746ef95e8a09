import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The origin the packaged Electron app loads its renderer from (custom protocol). */
export const ELECTRON_ORIGIN = 'app://deskops';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL connection string (`DATABASE_URL`): use the PostgreSQL store; null = SQLite under dataDir. */
  readonly databaseUrl: string | null;
  readonly logLevel: LogLevel;
  readonly jwtSecret: string;
  readonly seedDemo: boolean;
  /** Built web app to serve at `/` (same origin as the API), or null for API only. */
  readonly rendererDir: string | null;
  readonly corsOrigins: readonly string[];
  /** Sign-in attempts per client address per window (rate limit on the login route). */
  readonly loginRateLimit: { readonly max: number; readonly windowMs: number };
  /** Consecutive failed sign-ins for one user name before it is locked for `lockMs`. */
  readonly lockout: { readonly maxFailures: number; readonly lockMs: number };
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly heartbeatMs: number;
  /** How long close() lets in-flight requests finish before cutting the remaining connections. */
  readonly shutdownGraceMs: number;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(`Invalid sync server configuration: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function parsePort(text: string | undefined): number {
  if (text === undefined || text === '') return 8787;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${text}"`);
  }
  return port;
}

function parseLogLevel(text: string | undefined): LogLevel {
  const level = (text ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${text}"`);
  }
  return level as LogLevel;
}

function parseFlag(name: string, text: string | undefined, fallback: boolean): boolean {
  if (text === undefined || text === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(text.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(text.toLowerCase())) return false;
  throw new ConfigError(`${name} must be 1 or 0, got "${text}"`);
}

function parseOrigins(text: string | undefined): string[] {
  const origins = (text ?? '')
    .split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entries must look like https://host[:port], got "${origin}"`);
    }
  }
  return [...new Set([ELECTRON_ORIGIN, ...origins])];
}

function parseDatabaseUrl(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL like postgres://user:password@host:5432/deskops');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return text;
}

function parseRendererDir(text: string | undefined, cwd: string): string | null {
  if (text === undefined || text === '') return null;
  const dir = resolve(cwd, text);
  if (!existsSync(join(dir, 'index.html'))) {
    throw new ConfigError(`RENDERER_DIR "${dir}" has no index.html (build the renderer first)`);
  }
  return dir;
}

/**
 * The signing secret survives restarts (otherwise every restart signs everybody out), so when
 * none is given it is generated once and kept next to the data, readable by the owner only.
 */
export function resolveJwtSecret(given: string | undefined, dataDir: string): string {
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
    return given;
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length < 32) throw new ConfigError(`${file} is shorter than 32 characters; delete it to regenerate`);
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return stored;
  }
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export function ensureDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ConfigError(`DATA_DIR "${dataDir}" cannot be created: ${(error as Error).message}`);
  }
}

/** Defaults for everything that is not read from the environment. */
export const TUNING_DEFAULTS = {
  loginRateLimit: { max: 20, windowMs: 60_000 },
  lockout: { maxFailures: 5, lockMs: 15 * 60_000 },
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlDays: 30,
  heartbeatMs: 15_000,
  shutdownGraceMs: 5_000,
} as const;

/** Reads the configuration from environment variables; throws ConfigError with a clear message. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const dataDir = resolve(cwd, env['DATA_DIR'] || '.data');
  const host = env['HOST'] || '127.0.0.1';
  const port = parsePort(env['PORT']);
  const logLevel = parseLogLevel(env['LOG_LEVEL']);
  const seedDemo = parseFlag('SEED_DEMO', env['SEED_DEMO'], true);
  const rendererDir = parseRendererDir(env['RENDERER_DIR'], cwd);
  const corsOrigins = parseOrigins(env['CORS_ORIGINS']);
  const databaseUrl = parseDatabaseUrl(env['DATABASE_URL']);
  ensureDataDir(dataDir);
  const jwtSecret = resolveJwtSecret(env['JWT_SECRET'], dataDir);
  return { port, host, dataDir, databaseUrl, logLevel, jwtSecret, seedDemo, rendererDir, corsOrigins, ...TUNING_DEFAULTS };
}
