// Checks electron-builder.yml offline, where packing for real is impossible (the Electron zip
// cannot be downloaded here).
//   node build/scripts/check-builder-config.mjs          validate with electron-builder's own schema
//                                                        and check what DeskOps requires of the config
//   node build/scripts/check-builder-config.mjs --pack   also pack dist/ with a stand-in Electron binary
//                                                        (needs `npm run build`) and inspect app.asar and
//                                                        the fuses electron-builder flipped
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The part of electron-builder's resolved configuration this script reads.
 * @typedef {{ from?: string, to?: string, filter?: string | string[] }} FileSet
 * @typedef {{ target?: (string | { target: string })[], icon?: string }} PlatformConfig
 * @typedef {{
 *   appId?: string, productName?: string, asar?: boolean, npmRebuild?: boolean, beforeBuild?: unknown,
 *   files: (string | FileSet)[], electronFuses?: Record<string, boolean>,
 *   linux?: PlatformConfig, win?: PlatformConfig, mac?: PlatformConfig,
 * }} BuilderConfig
 * @typedef {{ main?: string, dependencies?: Record<string, string> }} PackageJson
 */

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
/** @type {string[]} */
const problems = [];
/** @param {boolean} condition @param {string} message */
const check = (condition, message) => {
  if (!condition) problems.push(message);
};

/** The only package the main bundle may load from node_modules at run time. */
const RUNTIME_PACKAGES = ['systeminformation'];
/** electron-builder option → @electron/fuses name → wanted state. */
const FUSES = /** @type {const} */ ([
  ['runAsNode', 'RunAsNode', false],
  ['enableCookieEncryption', 'EnableCookieEncryption', true],
  ['enableNodeOptionsEnvironmentVariable', 'EnableNodeOptionsEnvironmentVariable', false],
  ['enableNodeCliInspectArguments', 'EnableNodeCliInspectArguments', false],
  ['enableEmbeddedAsarIntegrityValidation', 'EnableEmbeddedAsarIntegrityValidation', true],
  ['onlyLoadAppFromAsar', 'OnlyLoadAppFromAsar', true],
]);

/** @param {string} file @returns {PackageJson} */
function readPackage(file) {
  /** @type {PackageJson} */
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  return pkg;
}

/** Loads the YAML the way electron-builder does and validates it against electron-builder's schema. */
async function loadConfig() {
  const configModule = /** @type {typeof import('app-builder-lib/out/util/config/config')} */ (require('app-builder-lib/out/util/config/config'));
  const { DebugLogger } = /** @type {typeof import('builder-util')} */ (require('builder-util'));
  const config = await configModule.getConfig(root, join(root, 'electron-builder.yml'), null);
  await configModule.validateConfiguration(config, new DebugLogger(false));
  return /** @type {BuilderConfig} */ (/** @type {unknown} */ (config));
}

/** @param {string} file */
function pngSize(file) {
  const bytes = readFileSync(file);
  const signature = bytes.subarray(0, 8).toString('hex') === '89504e470d0a1a0a';
  return signature ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
}

/** @param {string} dir @returns {boolean} */
function hasNativeCode(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'node_modules' && hasNativeCode(join(dir, entry.name))) return true;
    if (entry.isFile() && (entry.name.endsWith('.node') || entry.name === 'binding.gyp')) return true;
  }
  return false;
}

/** @param {BuilderConfig} config */
async function checkConfig(config) {
  check(config.appId === 'com.deskops.app', `appId is ${config.appId}, expected com.deskops.app`);
  check(config.productName === 'DeskOps', `productName is ${config.productName}, expected DeskOps`);
  check(config.asar === true, 'asar must be true');
  // electron-builder normalises plain patterns into one file set without `from`.
  const patterns = config.files.flatMap((set) =>
    typeof set === 'string' ? [set] : [set.filter ?? []].flat().map((f) => (set.from ? `${set.from}:${f}` : f)),
  );
  for (const needed of ['dist/electron/**', 'dist/renderer/**', 'package.json']) {
    check(patterns.includes(needed), `files must include ${needed}`);
  }
  check(!patterns.some((p) => /^node_modules\/?\*\*/.test(p)), 'files must not pull in all of node_modules');

  // Server dependencies (better-sqlite3 …) must neither be rebuilt for Electron nor packed.
  check(config.npmRebuild !== false, 'npmRebuild: false still packs every production dependency; use the beforeBuild hook instead');
  const hookFile = typeof config.beforeBuild === 'string' ? join(root, config.beforeBuild) : null;
  check(hookFile !== null && existsSync(hookFile), 'beforeBuild must name an existing hook file');
  if (hookFile !== null && existsSync(hookFile)) {
    const hook = /** @type {{ beforeBuild: (context: object) => Promise<boolean> }} */ (await import(pathToFileURL(hookFile).href));
    check((await hook.beforeBuild({})) === false, 'the beforeBuild hook must answer false (node_modules handled outside electron-builder)');
  }
  for (const name of RUNTIME_PACKAGES) {
    const dir = join(root, 'node_modules', name);
    check(
      config.files.some((set) => typeof set === 'object' && set.from === `node_modules/${name}`),
      `files must copy node_modules/${name}`,
    );
    if (existsSync(dir)) {
      check(Object.keys(readPackage(join(dir, 'package.json')).dependencies ?? {}).length === 0, `${name} has dependencies; they would be missing from the app`);
      check(!hasNativeCode(dir), `${name} contains native code; it would need a rebuild for Electron`);
    }
  }

  /** @param {PlatformConfig | undefined} platform */
  const targets = (platform) => (platform?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
  check(['AppImage', 'deb'].every((t) => targets(config.linux).includes(t)), 'linux targets must be AppImage and deb');
  check(targets(config.win).includes('nsis'), 'win target must be nsis');
  check(targets(config.mac).includes('dmg'), 'mac target must be dmg');

  for (const [option, , wanted] of FUSES) {
    check(config.electronFuses?.[option] === wanted, `electronFuses.${option} must be ${wanted}`);
  }

  for (const [name, platform] of /** @type {const} */ ([['linux', config.linux], ['win', config.win], ['mac', config.mac]])) {
    const icon = platform?.icon;
    const size = icon && existsSync(join(root, icon)) ? pngSize(join(root, icon)) : null;
    check(size !== null && size.width === size.height && size.width >= 512, `${name}.icon must be a square PNG of at least 512 px (is ${icon})`);
  }

  const main = readPackage(join(root, 'package.json')).main;
  check(main === 'dist/electron/main.cjs', `package.json main is ${main}, expected dist/electron/main.cjs`);
}

/** Every require() in the built main bundle is electron, a Node built-in or a packed runtime package. */
function checkBundle() {
  const main = join(root, 'dist/electron/main.cjs');
  if (!existsSync(main)) return false;
  const allowed = new Set(['electron', ...RUNTIME_PACKAGES, ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const code = readFileSync(main, 'utf8');
  const pattern = /require\(["']([^"']+)["']\)/g;
  /** @type {string[]} */
  const required = [];
  for (let match = pattern.exec(code); match; match = pattern.exec(code)) required.push(match[1] ?? '');
  for (const name of new Set(required)) check(allowed.has(String(name)), `dist/electron/main.cjs requires "${name}", which the packed app does not contain`);
  return true;
}

/** @param {string} dir A folder that passes for an Electron build: the fuse sentinel and Electron's default fuse wire. */
function fakeElectron(dir) {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001')]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 1\n'), wire]));
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), '');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '');
}

/** @param {BuilderConfig} config */
async function pack(config) {
  for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(root, built))) {
      problems.push(`--pack needs ${built}: run npm run build first`);
      return;
    }
  }
  const work = mkdtempSync(join(tmpdir(), 'deskops-pack-'));
  try {
    const project = join(work, 'project');
    const hook = typeof config.beforeBuild === 'string' ? [config.beforeBuild] : [];
    for (const path of ['package.json', 'electron-builder.yml', 'build/icons', ...hook, 'dist/electron', 'dist/renderer']) {
      cpSync(join(root, path), join(project, path), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
    fakeElectron(join(work, 'electron'));
    const cli = require.resolve('electron-builder/cli.js');
    const args = [cli, '--linux', '--dir', `-c.electronDist=${join(work, 'electron')}`, '-c.electronVersion=45.5.0'];
    const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', timeout: 300_000 });
    if (run.status !== 0) {
      problems.push(`electron-builder --dir failed:\n${`${run.stdout}${run.stderr}`.trim().split('\n').slice(-15).join('\n')}`);
      return;
    }
    const unpacked = join(project, 'release', 'linux-unpacked');
    /** @type {{ listPackage(archive: string, options: { isPack: boolean }): string[] }} */
    const asar = require('@electron/asar');
    const entries = asar.listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((e) => e.split('\\').join('/'));
    for (const needed of ['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/node_modules/systeminformation/package.json']) {
      check(entries.includes(needed), `app.asar lacks ${needed}`);
    }
    const foreign = entries.filter((e) => e.startsWith('/node_modules/') && !RUNTIME_PACKAGES.some((p) => e.startsWith(`/node_modules/${p}`)));
    check(foreign.length === 0, `app.asar contains server or dev packages: ${foreign.slice(0, 5).join(', ')}`);
    check(!entries.some((e) => e.endsWith('.node')), 'app.asar contains a native .node module');
    check(!entries.some((e) => e.endsWith('.map')), 'app.asar contains source maps');

    const fuses = /** @type {typeof import('@electron/fuses')} */ (require('@electron/fuses'));
    const wire = await fuses.getCurrentFuseWire(join(unpacked, 'deskops'));
    for (const [option, name, wanted] of FUSES) {
      const state = /** @type {number | undefined} */ (wire[fuses.FuseV1Options[name]]);
      check(state === (wanted ? 0x31 : 0x30), `the packed binary's ${name} fuse (${option}) is not ${wanted ? 'enabled' : 'disabled'}`);
    }
    console.log(`pack: app.asar has ${entries.length} entries; fuses read back from the packed binary`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const config = await loadConfig();
await checkConfig(config);
const bundleChecked = checkBundle();
if (process.argv.includes('--pack')) await pack(config);

if (problems.length > 0) {
  console.error(`electron-builder.yml: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `electron-builder.yml: valid for electron-builder and DeskOps's requirements${bundleChecked ? '; main bundle loads only packed modules' : ' (dist/electron not built: bundle not checked)'}`,
);
