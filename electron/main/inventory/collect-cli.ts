import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as systeminformation from 'systeminformation';
import { collectInventory } from './collect-inventory.js';
import { runCommand } from './list-software.js';

const USAGE = 'Usage: npm run collect -- --out <file.json> [--no-software]';

/**
 * `npm run collect`: the app's own collector under plain Node, for a machine where the app is not
 * signed in. The file imports on the "Collect this computer" screen through the same diff path.
 * Returns the process exit code; prints one line of outcome.
 */
export async function runCollectCli(argv: readonly string[], log: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  if (!out || out.startsWith('--')) {
    log(USAGE);
    return 2;
  }
  const result = await collectInventory(
    { systemInformation: systeminformation, run: runCommand, platform: process.platform },
    { includeSoftware: !argv.includes('--no-software') },
  );
  if (!result.ok) {
    log(`Collection failed: ${result.error.message}`);
    return 1;
  }
  const path = resolve(out);
  await writeFile(path, `${JSON.stringify(result.value, null, 2)}\n`, 'utf8');
  const { summary, software, softwareGap } = result.value;
  log(`Wrote ${path}: ${summary.hostname}, ${software.length} installed programs${softwareGap ? ` (${softwareGap})` : ''}, ${summary.gaps.length} gaps.`);
  return 0;
}
