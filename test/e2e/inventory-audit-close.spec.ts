import { AppPage } from './pages/app-page.js';
import { installDesktopBridge } from './support/desktop-bridge.js';
import { expect, test } from './support/fixtures.js';
import { pdfPages } from './support/pdf-text.js';
import { pullAll, signInApi } from './support/server-api.js';

const SITE_ID = 's-bogaz-maslak';

async function waitForFirstSync(app: AppPage): Promise<void> {
  await app.waitUntilSynced();
  await expect(app.page.getByTestId('sync-last')).not.toHaveText(/Not synced yet/);
}

test('an offline audit closed with missing assets: after sync the supervisor sees them missing with the audit in their history, and saves the audit PDF', async ({ app, page, context, browser, serverUrl }, testInfo) => {
  test.setTimeout(180_000);
  const witness = await signInApi(serverUrl, 'sup');
  const assets = (await pullAll(serverUrl, witness.accessToken, 'assets')).filter((asset) => !asset._deleted && asset.contractId === 'c-bogaz');
  const atSite = assets.filter((asset) => asset.siteId === SITE_ID && asset.state !== 'missing' && !asset.state.startsWith('retired')).sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const elsewhere = assets.filter((asset) => asset.siteId !== SITE_ID && asset.siteId !== '').sort((a, b) => (a.tag < b.tag ? -1 : 1));
  expect(atSite.length).toBeGreaterThanOrEqual(3);
  expect(elsewhere.length).toBeGreaterThanOrEqual(2);
  const missing = atSite.slice(-2);
  const found = atSite.slice(0, -2);
  const [moved, notMoved] = elsewhere as [(typeof elsewhere)[number], (typeof elsewhere)[number]];

  await app.signIn('tech');
  await waitForFirstSync(app);
  await context.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');
  await app.navigate('Audits');
  await page.getByTestId('audit-contract').click();
  await page.getByRole('option', { name: /BOGAZ/ }).click();
  await page.getByTestId('audit-site').click();
  await page.getByRole('option', { name: 'Maslak Genel Müdürlük' }).click();
  await page.getByTestId('audit-start').click();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  for (const tag of [...found.map((asset) => asset.tag), moved.tag, notMoved.tag]) await page.keyboard.type(`${tag}\n`, { delay: 0 });
  await expect(page.getByTestId('audit-count-missing')).toHaveAttribute('data-count', String(missing.length));

  await page.getByTestId('audit-close').click();
  // Found elsewhere: the location is corrected only for what the person ticks.
  await expect(page.getByTestId('audit-move-asset')).toHaveCount(2);
  await page.getByTestId('audit-move-asset').filter({ hasText: moved.tag }).getByRole('checkbox').check();
  await page.screenshot({ path: testInfo.outputPath('audit-close-dialog.png') });
  await page.getByTestId('audit-close-confirm').click();
  await expect(page.getByTestId('audit-page')).toHaveAttribute('data-state', 'closed');
  // This laptop is a plain browser (no desktop bridge): no PDF here, printing remains.
  await expect(page.getByTestId('audit-pdf')).toBeDisabled();
  await expect(page.getByTestId('audit-print')).toBeEnabled();
  // Offline, at once: the missing asset's own page says missing.
  await page.goto(`${serverUrl}/#/assets/${missing[0]?.id ?? ''}`);
  await expect(page.getByTestId('asset-state')).toHaveAttribute('data-value', 'missing');

  await context.setOffline(false);
  await app.waitUntilSynced();
  const serverAssets = await pullAll(serverUrl, witness.accessToken, 'assets');
  for (const asset of missing) expect(serverAssets.find((doc) => doc.id === asset.id)?.state).toBe('missing');
  expect(serverAssets.find((doc) => doc.id === moved.id)?.siteId).toBe(SITE_ID);
  expect(serverAssets.find((doc) => doc.id === notMoved.id)?.siteId).toBe(notMoved.siteId);
  const events = await pullAll(serverUrl, witness.accessToken, 'events');
  const auditId = events.find((event) => event.type === 'audit.closed' && (event.data as { missingAssetIds: string[] }).missingAssetIds.includes(missing[0]?.id ?? ''))?.subjectId;
  expect(auditId).toBeDefined();
  for (const asset of missing) {
    expect(events.filter((event) => event.subjectId === asset.id && event.type === 'asset.state').map((event) => event.data)).toContainEqual(
      expect.objectContaining({ to: 'missing', cause: expect.objectContaining({ kind: 'audit', refId: auditId }) }),
    );
  }

  // The supervisor's laptop (with the desktop bridge): the asset and its history, then the PDF.
  const supContext = await browser.newContext();
  try {
    await installDesktopBridge(supContext, new URL(serverUrl).origin);
    const supPage = await supContext.newPage();
    const sup = new AppPage(supPage, serverUrl);
    await sup.signIn('sup');
    await waitForFirstSync(sup);
    await supPage.goto(`${serverUrl}/#/assets/${missing[1]?.id ?? ''}`);
    await expect(supPage.getByTestId('asset-state')).toHaveAttribute('data-value', 'missing');
    const history = supPage.getByTestId('asset-history-item').and(supPage.locator('[data-type="asset.state"]'));
    await expect(history).toContainText(/State .* → Missing, by audit BOGAZ · Maslak Genel Müdürlük/);
    await supPage.screenshot({ path: testInfo.outputPath('asset-missing-history.png'), fullPage: true });

    await supPage.goto(`${serverUrl}/#/audits/${auditId ?? ''}`);
    await expect(supPage.getByTestId('audit-page')).toHaveAttribute('data-state', 'closed');
    await supPage.getByTestId('audit-pdf').click();
    const result = supPage.getByTestId('audit-pdf-result');
    await expect(result).toContainText('PDF saved');
    const path = (await result.getAttribute('data-path')) ?? '';
    const text = (await pdfPages(path)).join('\n');
    for (const asset of missing) expect(text).toContain(asset.tag);
    expect(text).toContain('Boğaziçi Sigorta');
    expect(text).toContain('Maslak Genel Müdürlük');
    expect(text).toMatch(/Missing \(2\)/);
    testInfo.annotations.push({ type: 'pdf', description: path });
  } finally {
    await supContext.close();
  }
});
