import { ConfigError, loadConfig } from './config.js';
import { runServer } from './start.js';

/**
 * Entry point (`npm run server`). Logs go to stderr as JSON; stdout gets exactly one line with
 * the URL, so people and launch scripts can both read it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const server = await runServer(config);
  const extras = [`data: ${config.dataDir}`, config.rendererDir ? 'web app at /' : 'API only'];
  process.stdout.write(`DeskOps sync server listening on ${server.url} (${extras.join(', ')})\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`DeskOps sync server could not start: ${message}\n`);
  process.exit(1);
});
