import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchPage } from '../browser/page.js';
import { createGenerator } from '../generate.js';
import { CHROMIUM_PATH, result, round, type Machine, type ScenarioResult, type Size } from '../report.js';
import { benchServer, seed, storeKind, token } from '../server-fixture.js';

type Bench = { bench: BenchPage };

/** Bundles test/bench/browser/page.ts for the browser into a folder the sync server serves as its renderer. */
async function buildPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'deskops-bench-page-'));
  await build({
    // The page, and the app's storage worker (renderer/db/storage.worker.ts) as its own file like Vite emits it.
    entryPoints: [
      { in: resolve('test/bench/browser/page.ts'), out: 'bench' },
      { in: resolve('renderer/db/storage.worker.ts'), out: 'storage-worker' },
    ],
    outdir: dir,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    // BENCH_PROFILE keeps names readable in the CPU profiles it writes.
    minify: !process.env['BENCH_PROFILE'],
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: {
      'deskops-renderer-db': resolve('renderer/db/database.ts'),
      'deskops-renderer-replication': resolve('renderer/sync/collection-replication.ts'),
      'deskops-renderer-server-states': resolve('renderer/sync/server-state-requests.ts'),
      'deskops-renderer-worker-storage': resolve('renderer/db/worker-storage.ts'),
      'deskops-renderer-ordered-storage': resolve('renderer/db/ordered-dexie-storage.ts'),
    },
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script></head><body></body></html>');
  return dir;
}

/**
 * B1, B4 and B5 in one Chromium session (they share the replica B1 fills): real IndexedDB, the
 * app's openDatabase (RxDB + Dexie), the real sync server serving the bench page same-origin.
 */
export async function runBrowser(size: Size, host: Machine): Promise<ScenarioResult[]> {
  const total = size === 'small' ? 10_000 : 100_000;
  const generator = createGenerator({ seed: 1 });
  const pageDir = await buildPage();
  const server = await benchServer({ rendererDir: pageDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    for (let i = 0; i < total / 2; i += 5000) {
      const count = Math.min(5000, total / 2 - i);
      await seed(server, 'assets', Array.from({ length: count }, (_, k) => generator.asset(i + k)));
      await seed(server, 'tickets', Array.from({ length: count }, (_, k) => generator.ticket(i + k)));
    }
    const accessToken = await token(server);
    const context = await browser.newContext();
    const page = await context.newPage();
    const ready = async () => {
      // BENCH_STORAGE=page: the replica's Dexie storage in the page instead of the app's worker (to compare).
      await page.goto(`${server.url}/${process.env['BENCH_STORAGE'] === 'page' ? '?storage=page' : ''}`);
      await page.waitForFunction(() => document.title === 'bench ready');
    };
    await ready();
    const profileDir = process.env['BENCH_PROFILE'];
    const cdp = profileDir ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    // BENCH_PULL_BATCH overrides the app's pull page size (to compare sizes); unset = the app's default.
    const batch = process.env['BENCH_PULL_BATCH'] ? Number(process.env['BENCH_PULL_BATCH']) : undefined;
    const b1 = await page.evaluate(([t, size]) => (window as unknown as Bench).bench.b1(t, size), [accessToken, batch] as const);
    if (cdp && profileDir) {
      // BENCH_PROFILE=<dir>: the page's CPU profile of B1 (raw writes, then the sync), for Chrome DevTools.
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(join(profileDir, 'b1.cpuprofile'), JSON.stringify(profile));
    }
    const b4 = await page.evaluate(() => (window as unknown as Bench).bench.b4());
    // B5: a reload per measurement; times are from navigation start (page and bundle load included on both sides).
    const cold = { rxdb: [] as number[], raw: [] as number[] };
    const opened: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (const kind of ['raw', 'rxdb'] as const) {
        await ready();
        const run = await page.evaluate((k) => (window as unknown as Bench).bench.b5(k), kind);
        cold[kind].push(run.ms);
        if (kind === 'rxdb') opened.push(run.openedAtMs);
      }
    }
    await context.close();
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    const b5Rx = median(cold.rxdb);
    const b5Raw = median(cold.raw);
    const b1Ratio = b1.syncMs / b1.rawMs;
    return [
      result(
        {
          id: 'B1',
          what: `initial sync of ${b1.docs} docs (half assets, half tickets) into an empty RxDB+Dexie client in Chromium via the real pull endpoint (${storeKind()})`,
          value: round(b1.syncMs),
          baseline: round(b1.rawMs),
          target: '≤ 2× raw IndexedDB; aim ≤ 1.25×',
          unit: 'ms',
          docs: b1.docs,
          meetsTarget: b1.stored === b1.docs && b1Ratio <= 2,
          notes:
            `value: openDatabase and the app's replicateCollection (renderer/sync, live, RxDB + Dexie) pulling both collections in parallel, batch ${b1.pullBatchSize}, until caught up; ` +
            `Dexie storage ${b1.storage === 'worker' ? 'in the app\'s dedicated worker (renderer/db/storage.worker.ts), RxDB in the page' : 'in the page (BENCH_STORAGE=page)'}. ` +
            'baseline: the same documents (fetched beforehand, not timed) put into raw IndexedDB stores with 2 indexes each, 1,000 per transaction.',
          details: {
            stored: b1.stored,
            storage: b1.storage,
            syncDocsPerSec: round(b1.docs / (b1.syncMs / 1000), 0),
            rawDocsPerSec: round(b1.docs / (b1.rawMs / 1000), 0),
            longestMainThreadTaskMs: round(b1.longestTaskMs),
            longTasks: b1.longTasks,
            pullBatchSize: b1.pullBatchSize,
            pages: b1.pages,
            requestMsSummed: round(b1.requestMs),
          },
        },
        host,
      ),
      result(
        {
          id: 'B4',
          what: `list view over ${total / 2} assets in Chromium (RxDB+Dexie): state filter + updatedAt sort + first 50`,
          value: round(b4.firstPageP95Ms),
          baseline: round(b4.rawPageP95Ms),
          target: 'first page p95 ≤ 50 ms, live update ≤ 16 ms',
          unit: 'ms',
          docs: total / 2,
          meetsTarget: b4.firstPageP95Ms <= 50 && b4.liveP95Ms <= 16,
          notes:
            'value: p95 of 20 first-page queries (4 states, index [state, updatedAt] read newest first), each dropped from RxDB\'s query cache after it ran so every sample reads IndexedDB; ' +
            'the collection is opened before (openMs). baseline: p95 of the same page by a raw IndexedDB index cursor. Live update: write → subscribed query emits.',
          details: { openMs: round(b4.openMs), firstPageMedianMs: round(b4.firstPageMedianMs), firstQueryMs: round(b4.firstQueryMs), countMs: round(b4.countMs), countInUse: b4.inUse, liveUpdateP95Ms: round(b4.liveP95Ms), liveSamples: b4.liveSamples },
        },
        host,
      ),
      result(
        {
          id: 'B5',
          what: `cold start (page reload) to first screen (50 newest tickets) with ${b1.docs} documents stored`,
          value: round(b5Rx),
          baseline: round(b5Raw),
          target: '≤ 1.5× raw, ≤ 1.5 s',
          unit: 'ms',
          docs: b1.docs,
          meetsTarget: b5Rx <= 1500 && b5Rx / b5Raw <= 1.5,
          notes:
            'median of 3 reloads, from navigation start (same bundle loads on both sides): openDatabase + first page query vs raw IndexedDB open + index cursor. ' +
            'Same browser process (OS and HTTP caches warm): a warm-process reload, not a first launch of the app.',
          details: { openDatabaseDoneAtMs: opened.map((v) => round(v)).join(' '), rxdbRunsMs: cold.rxdb.map((v) => round(v)).join(' '), rawRunsMs: cold.raw.map((v) => round(v)).join(' ') },
        },
        host,
      ),
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(pageDir, { recursive: true, force: true });
  }
}
