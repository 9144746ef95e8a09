import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { bundle, ROOT } from './bundle.js';

/**
 * The sync server as a child process (`sync-server/main.ts`, bundled with esbuild the way
 * `npm run build:node` does, plus the test-only crash-preload.ts), so it can be killed with
 * SIGKILL and started again on the same data.
 */
export interface ServerProcessOptions {
  readonly dataDir: string;
  readonly databaseUrl?: string | null;
  readonly jwtSecret: string;
  /** File whose content (`before-commit` / `after-commit`) arms a crash, see crash-preload.ts. */
  readonly crashTrigger?: string;
  readonly clockOffsetMs?: number;
}

let built: Promise<{ main: string; preload: string; remove: () => Promise<void> }> | null = null;

/** Builds the two bundles once per test process. */
export function serverBundles(): Promise<{ main: string; preload: string; remove: () => Promise<void> }> {
  built ??= (async () => {
    const [main, preload] = await Promise.all([bundle('sync-server/main.ts', 'sync-server'), bundle('test/integration/support/crash-preload.ts', 'crash-preload')]);
    return {
      main: main.file,
      preload: preload.file,
      remove: async () => {
        await Promise.all([main.remove(), preload.remove()]);
        built = null;
      },
    };
  })();
  return built;
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;
  private log = '';
  url = '';
  starts = 0;

  constructor(private readonly options: ServerProcessOptions) {}

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts (again) on the same data; resolves with the URL once it listens. */
  async start(): Promise<string> {
    const { main, preload } = await serverBundles();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: this.options.dataDir,
      DATABASE_URL: this.options.databaseUrl ?? '',
      JWT_SECRET: this.options.jwtSecret,
      LOG_LEVEL: 'error',
      SEED_DEMO: '1',
      DESKOPS_CRASH_TRIGGER: this.options.crashTrigger ?? '',
      DESKOPS_CLOCK_OFFSET_MS: String(this.options.clockOffsetMs ?? 0),
    };
    const child = spawn(process.execPath, ['--enable-source-maps', '--import', pathToFileURL(preload).href, main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.starts++;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.log = (this.log + chunk.toString('utf8')).slice(-8000);
    });
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${this.log}`)), 60_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      void this.exited?.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code ?? signal}) before listening:\n${this.log}`));
      });
    });
    return this.url;
  }

  /** kill -9. */
  async kill(): Promise<void> {
    if (this.running) this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** Resolves true when the process is (or within `ms` becomes) dead. */
  async diesWithin(ms: number): Promise<boolean> {
    if (!this.running) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const dead = await Promise.race([this.exited?.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
    clearTimeout(timer);
    return dead ?? true;
  }

  /** How the last process ended (SIGKILL for a crash). */
  async exitSignal(): Promise<NodeJS.Signals | null> {
    return (await this.exited)?.signal ?? null;
  }

  /** Graceful stop (SIGTERM). */
  async stop(): Promise<void> {
    if (this.running) this.child?.kill('SIGTERM');
    await this.exited;
  }

  get stderr(): string {
    return this.log;
  }
}
