// Offline app shell for the browser build (served by the sync server). Electron loads the same
// files from app://, where this worker is never registered. Data never passes through here: the
// replica lives in IndexedDB and /api/ requests always go to the network.
const CACHE = 'deskops-shell-v2';
const SHELL = ['./', './index.html'];

/** Asset URLs referenced by the shell page, so the first visit already works offline afterwards. */
async function shellAssets(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\.\/assets\/[^"]+)"/g)) urls.add(match[1]);
  return [...urls];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch('./index.html', { cache: 'no-store' });
      const html = await response.clone().text();
      await cache.put('./index.html', response.clone());
      await cache.put('./', response);
      await cache.addAll(await shellAssets(html));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.includes('/api/')) return;
  if (request.mode === 'navigate') {
    // Network first, so a new version shows as soon as the server is reachable.
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          if (response.ok) {
            const cache = await caches.open(CACHE);
            await cache.put('./index.html', response.clone());
            for (const asset of await shellAssets(await response.clone().text())) {
              if (!(await cache.match(asset, { ignoreVary: true }))) await cache.add(asset).catch(() => undefined);
            }
          }
          return response;
        } catch {
          return (await caches.match('./index.html', { ignoreVary: true })) ?? Response.error();
        }
      })(),
    );
    return;
  }
  if (url.pathname.includes('/assets/')) {
    // Hashed file names never change content: cache first.
    event.respondWith(
      (async () => {
        // The server sends `Vary: Origin`; module scripts carry an Origin header, cached copies were fetched without.
        const cached = await caches.match(request, { ignoreVary: true });
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) await (await caches.open(CACHE)).put(request, response.clone());
        return response;
      })(),
    );
  }
});
