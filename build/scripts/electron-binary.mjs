// Finds the Electron binary without triggering a download. Electron 45's npm package has no
// install script: it fetches the binary from GitHub on first `require('electron')`, which cannot
// work on machines that only reach the npm registry. Everything that wants to launch Electron
// (npm start, the _electron Playwright specs) asks here first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The path of an installed Electron executable, or null. Never downloads. */
export function findElectronBinary() {
  const dir = electronPackageDir();
  if (!dir) return null;
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const full = join(base, relative);
  return existsSync(full) ? full : null;
}

/** Tries Electron's own installer once (fails fast where GitHub is unreachable). */
export function tryInstallElectronBinary(timeoutMs = 120_000) {
  const dir = electronPackageDir();
  if (!dir) return { binary: null, reason: 'the electron package is not installed' };
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { timeout: timeoutMs, encoding: 'utf8' });
  const binary = findElectronBinary();
  if (binary) return { binary, reason: null };
  const lastLine = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').find((l) => /error/i.test(l)) ?? '';
  return { binary: null, reason: `its download failed${lastLine ? ` (${lastLine.trim().slice(0, 120)})` : ''}` };
}
