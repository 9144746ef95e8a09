// electron-builder's `beforeBuild` hook (see electron-builder.yml). Answering false means "node_modules
// are handled outside electron-builder": it neither rebuilds native modules for Electron nor copies
// the project's production dependencies (the sync server's) into the app. The app needs neither:
// main and preload are esbuild bundles, and the one runtime package is listed under `files`.
/** @returns {Promise<boolean>} */
export function beforeBuild() {
  return Promise.resolve(false);
}
