import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { installDesktopBridge } from './support/desktop-bridge.js';
import { expect, test } from './support/fixtures.js';
import { pullAll, signInApi } from './support/server-api.js';

test('collect this computer, review the diff, apply as a new ANKA asset; asset and event reach the server', async ({ app, context, page, serverUrl }) => {
  // The real main-process collector (systeminformation + dpkg) behind the preload's own bridge builder.
  await installDesktopBridge(context, new URL(serverUrl).origin);
  await app.signIn('tech');
  await app.navigate('Assets');
  await page.getByTestId('assets-collect').click();
  await page.getByTestId('collect-run').click();
  await expect(page.getByTestId('collect-diff')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('collect-match-rule')).toHaveAttribute('data-rule', 'none');
  await expect(page.getByTestId('diff-hostname')).toContainText(hostname());
  await expect(page.getByTestId('diff-software')).toContainText(/\d+ programs/);

  const tag = `ANKA-E2E-${Date.now() % 100000}`;
  await page.getByTestId('collect-tag').fill(tag);
  await expect(page.getByTestId('collect-contract')).toHaveValue('ANKA');
  // One row left unticked: it must be recorded as kept, not applied.
  await page.getByTestId('diff-hardware.memoryGb').getByRole('checkbox').uncheck();
  await page.screenshot({ path: 'test-results/inventory-collect-diff.png', fullPage: true });
  await page.getByTestId('collect-apply').click();
  await expect(page.getByTestId('collect-done')).toContainText(tag);
  await app.waitUntilSynced();

  const { accessToken } = await signInApi(serverUrl, 'sup');
  let assetId = '';
  await expect
    .poll(async () => {
      const found = (await pullAll(serverUrl, accessToken, 'assets')).find((asset) => asset.tag === tag);
      assetId = found?.id ?? '';
      return found && { contractId: found.contractId, hostname: found.hostname, memory: 'memoryGb' in found.hardware };
    })
    .toEqual({ contractId: 'c-anka', hostname: hostname(), memory: false });
  const events = (await pullAll(serverUrl, accessToken, 'events')).filter((event) => event.subjectId === assetId && event.type === 'asset.collected');
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ type: 'asset.collected', subjectType: 'asset', contractId: 'c-anka', data: { created: true, source: 'bridge', kept: ['hardware.memoryGb'] } });
  expect((events[0]?.data as { softwareCount: number }).softwareCount).toBeGreaterThan(50);

  // The asset page shows the record and its history.
  await page.getByTestId('collect-done').getByRole('link').click();
  await expect(page.getByTestId('asset-title')).toHaveText(tag);
  await expect(page.getByTestId('asset-history')).toContainText(/Created from an inventory collection/);
  // The installed software is stored (a snapshot event) and searchable on the asset page.
  const snapshot = (await pullAll(serverUrl, accessToken, 'events')).find((event) => event.subjectId === assetId && event.type === 'asset.software');
  const names = (snapshot?.data as { names: string[] } | undefined)?.names ?? [];
  expect(names.length).toBeGreaterThan(50);
  await expect(page.getByTestId('asset-software-row').first()).toBeVisible();
  const probe = names.find((name) => name.startsWith('lib')) ?? names[0] ?? '';
  await page.getByTestId('asset-software-search').fill(probe);
  await expect(page.getByTestId('asset-software-row').first()).toContainText(probe);
  await page.screenshot({ path: 'test-results/asset-software.png', fullPage: true });
});

test('without the desktop bridge the screen says so and imports a file written by npm run collect', async ({ app, page }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'deskops-e2e-collect-')), 'pc.json');
  execFileSync('node', ['build/scripts/collect.mjs', '--out', file]);
  await app.signIn('tech');
  await app.navigate('Assets');
  await page.getByTestId('assets-collect').click();
  await expect(page.getByTestId('collect-no-bridge')).toBeVisible();
  await expect(page.getByTestId('collect-run')).toHaveCount(0);
  await page.locator('input[type=file]').setInputFiles(file);
  // The file read back names this machine. The spec above may have stored it already (then the
  // collection matches that asset and the hostname is no longer a change): both are right.
  await expect(page.getByTestId('collect-machine')).toContainText(hostname());
  if ((await page.getByTestId('collect-match-rule').getAttribute('data-rule')) === 'none') {
    await expect(page.getByTestId('diff-hostname')).toContainText(hostname());
  }
});
