import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The renderer is served from `app://deskops/` in Electron and from the sync server in a browser,
 * so every asset URL is relative (`base: './'`) and nothing is inlined as script (CSP `script-src 'self'`).
 */
const here = import.meta.dirname;
const devProxy = globalThis.process?.env.DESKOPS_DEV_PROXY;

/**
 * Dev server only: React Fast Refresh injects an inline preamble and HMR talks over ws://, both of
 * which the production CSP forbids. The built index.html keeps the strict policy untouched.
 */
const relaxCspForDev: Plugin = {
  name: 'deskops-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
};

/**
 * The replica's storage worker is started from script (`new Worker(new URL(...))`), so index.html
 * does not name it and the offline shell (public/sw.js caches what index.html links) would miss it:
 * a browser reloaded offline could not open its replica. A prefetch link names it.
 */
const linkStorageWorker: Plugin = {
  name: 'deskops-link-storage-worker',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, ctx) => {
      const files = Object.keys(ctx.bundle ?? {}).filter((file) => /(^|\/)storage\.worker-[^/]+\.js$/.test(file));
      if (files.length !== 1) throw new Error(`expected one storage worker in the bundle, found ${files.length}`);
      return [{ tag: 'link', attrs: { rel: 'prefetch', href: `./${files[0] ?? ''}` }, injectTo: 'head' }];
    },
  },
};

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), relaxCspForDev, linkStorageWorker],
  build: {
    outDir: `${here}/../dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Keep tiny assets as files too: `data:` is allowed for images/fonts only, never scripts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui|@tabler)[\\/]/, priority: 20 },
            { name: 'rxdb', test: /node_modules[\\/](rxdb|rxjs|dexie|mingo|@cfworker)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: false,
    // `npm run dev`: same-origin calls to the sync server, like production.
    proxy: devProxy ? { '/api': { target: devProxy, changeOrigin: false } } : undefined,
  },
  preview: { port: 4173 },
});
