import { test as base, expect } from '@playwright/test';
import { AppPage } from '../pages/app-page.js';

/** The sync server started by global-setup, which also serves the built renderer. */
function serverUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set: the Playwright global setup did not start the sync server');
  return url;
}

export const test = base.extend<{ serverUrl: string; app: AppPage }>({
  // Every test gets a fresh browser context (fresh IndexedDB, storage): a new laptop.
  // eslint-disable-next-line no-empty-pattern
  serverUrl: async ({}, use) => {
    await use(serverUrl());
  },
  app: async ({ page, serverUrl }, use) => {
    await use(new AppPage(page, serverUrl));
  },
});

export { expect };
