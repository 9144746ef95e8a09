import { installDesktopBridge } from './support/desktop-bridge.js';
import { expect, test } from './support/fixtures.js';
import { pullAll, signInApi } from './support/server-api.js';

test('inventory reports: charts per dimension from the local replica, a contract filter, and software versions from a collected list', async ({ app, context, page, serverUrl }, testInfo) => {
  test.setTimeout(180_000);
  // One real software list: this machine collected through the desktop bridge as a new asset.
  await installDesktopBridge(context, new URL(serverUrl).origin);
  await app.signIn('sup');
  await app.waitUntilSynced();
  // The match needs the assets here: wait for the first pull, not only an empty queue.
  await expect(page.getByTestId('sync-last')).not.toHaveText(/Not synced yet/);
  await app.navigate('Assets');
  await page.getByTestId('assets-collect').click();
  await page.getByTestId('collect-run').click();
  await expect(page.getByTestId('collect-diff')).toBeVisible({ timeout: 60_000 });
  // Another spec may have stored this machine already: then the collection applies to that asset.
  if ((await page.getByTestId('collect-match-rule').getAttribute('data-rule')) === 'none') {
    await page.getByTestId('collect-tag').fill(`RPT-${Date.now() % 100000}`);
  }
  await page.getByTestId('collect-apply').click();
  await expect(page.getByTestId('collect-done')).toBeVisible();

  const witness = await signInApi(serverUrl, 'sup');
  await app.waitUntilSynced();
  const assets = (await pullAll(serverUrl, witness.accessToken, 'assets')).filter((asset) => !asset._deleted);
  const withSoftware = assets.filter((asset) => asset.software).length;
  expect(withSoftware).toBeGreaterThanOrEqual(1);

  await app.navigate('Inventory reports');
  await expect(page.getByTestId('reports-total')).toHaveAttribute('data-total', String(assets.length));
  for (const id of ['report-state', 'report-type', 'report-contract', 'report-site', 'report-model', 'report-os']) {
    await expect(page.getByTestId(id)).toHaveAttribute('data-total', String(assets.length));
    await expect(page.getByTestId(id).locator('.recharts-surface').first()).toBeVisible();
  }
  // Software versions: the products of the collected lists; the top one is on every listed asset at most.
  await expect(page.getByTestId('report-software-row').first()).toBeVisible({ timeout: 30_000 });
  const topCount = Number(await page.getByTestId('report-software-row').first().getAttribute('data-count'));
  expect(topCount).toBeGreaterThanOrEqual(1);
  expect(topCount).toBeLessThanOrEqual(withSoftware);
  await page.screenshot({ path: testInfo.outputPath('reports.png'), fullPage: true });

  // The software search narrows the table; the CSV carries the rows.
  const first = (await page.getByTestId('report-software-row').first().getAttribute('data-product')) ?? '';
  await page.getByTestId('report-software-search').fill(first);
  await expect(page.getByTestId('report-software-row').first()).toHaveAttribute('data-product', first);
  const download = page.waitForEvent('download');
  await page.getByTestId('report-software-csv').click();
  const csv = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(csv, 'utf8')).toContain(first);

  // A contract filter: every chart counts only that contract's assets.
  const anka = assets.filter((asset) => asset.contractId === 'c-anka');
  await page.getByTestId('reports-contract').click();
  await page.getByRole('option', { name: 'ANKA' }).click();
  await expect(page.getByTestId('reports-total')).toHaveAttribute('data-total', String(anka.length));
  await expect(page.getByTestId('report-contract')).toHaveAttribute('data-rows', '1');
  const stateDownload = page.waitForEvent('download');
  await page.getByTestId('report-state-csv').click();
  const stateCsv = await readFile(await (await stateDownload).path(), 'utf8');
  const inUse = anka.filter((asset) => asset.state === 'in_use').length;
  expect(stateCsv).toContain(`In use,${inUse},`);
  await page.screenshot({ path: testInfo.outputPath('reports-anka.png'), fullPage: true });
});
