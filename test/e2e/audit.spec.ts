import { AppPage } from './pages/app-page.js';
import { pullAll, signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

const SITE_ID = 's-anka-tuzla';
const UNKNOWN_TAG = 'ANKA-ZZ-9999';

/** Nothing waiting is not enough right after sign-in: the first pull must have landed too. */
async function waitForFirstSync(app: AppPage): Promise<void> {
  await app.waitUntilSynced();
  await expect(app.page.getByTestId('sync-last')).not.toHaveText(/Not synced yet/);
}

test('audit a site offline with a scanner burst; a supervisor sees the result after sync', async ({ app, page, context, browser, serverUrl }, testInfo) => {
  test.setTimeout(120_000);
  // The expected values come from the server's own data, not from constants copied out of the seed.
  const witness = await signInApi(serverUrl, 'sup');
  const assets = (await pullAll(serverUrl, witness.accessToken, 'assets')).filter(
    (asset) => !asset._deleted && asset.contractId === 'c-anka' && !asset.state.startsWith('retired'),
  );
  const atSite = assets.filter((asset) => asset.siteId === SITE_ID).map((asset) => asset.tag).sort();
  const elsewhere = assets.filter((asset) => asset.siteId !== SITE_ID).map((asset) => asset.tag).sort();
  expect(atSite.length).toBeGreaterThanOrEqual(3);
  expect(elsewhere.length).toBeGreaterThanOrEqual(3);
  const missingTag = atSite[atSite.length - 1] as string;
  const foundTags = atSite.slice(0, -1);
  // Found tags, then tags recorded at other sites, a duplicate (typed in lower case) and an unknown tag.
  const burst = [...foundTags, ...elsewhere, (foundTags[0] as string).toLowerCase(), UNKNOWN_TAG];

  await app.signIn('tech');
  await waitForFirstSync(app);
  await context.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');

  await app.navigate('Audits');
  await page.getByTestId('audit-contract').click();
  await page.getByRole('option', { name: /ANKA/ }).click();
  await page.getByTestId('audit-site').click();
  await page.getByRole('option', { name: 'Tuzla Depo' }).click();
  await expect(page.getByTestId('audit-expected-count')).toContainText(`${atSite.length}`);
  await page.getByTestId('audit-start').click();
  await expect(page.getByTestId('audit-page')).toHaveAttribute('data-state', 'open');

  // A keyboard-wedge scanner: every tag as keystrokes with no delay, each ended by Enter.
  const input = page.getByTestId('scan-input');
  await expect(input).toBeFocused();
  const started = Date.now();
  for (const tag of burst) await page.keyboard.type(`${tag}\n`, { delay: 0 });
  const typedMs = Date.now() - started;
  await expect(page.getByTestId('audit-scan-row')).toHaveCount(burst.length);
  const keystrokes = burst.reduce((sum, tag) => sum + tag.length + 1, 0);
  testInfo.annotations.push({ type: 'burst', description: `${burst.length} tags, ${keystrokes} keystrokes typed in ${typedMs} ms` });

  const count = (key: string) => page.getByTestId(`audit-count-${key}`);
  await expect(count('expected')).toHaveAttribute('data-count', String(atSite.length));
  await expect(count('found')).toHaveAttribute('data-count', String(foundTags.length));
  await expect(count('foundElsewhere')).toHaveAttribute('data-count', String(elsewhere.length));
  await expect(count('unknown')).toHaveAttribute('data-count', '1');
  await expect(count('duplicate')).toHaveAttribute('data-count', '1');
  await expect(count('missing')).toHaveAttribute('data-count', '1');
  // Every character arrived: the scanned tags are exactly the burst, in order, normalised.
  await expect(page.getByTestId('audit-scan-row').locator('td:first-child')).toHaveText(burst.map((tag) => tag.toUpperCase()));
  await page.screenshot({ path: testInfo.outputPath('audit-scanning.png'), fullPage: true });

  await page.getByTestId('audit-close').click();
  await page.getByTestId('audit-close-confirm').click();
  await expect(page.getByTestId('audit-page')).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('audit-missing-row')).toHaveCount(1);
  await expect(page.getByTestId('audit-missing-row')).toHaveAttribute('data-tag', missingTag);
  await page.screenshot({ path: testInfo.outputPath('audit-report.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: testInfo.outputPath('audit-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // started + scans + closed wait to go up, and the missing asset's new state and its event.
  await expect(app.pending).toHaveText(String(burst.length + 4));
  await context.setOffline(false);
  await app.waitUntilSynced();

  const events = (await pullAll(serverUrl, witness.accessToken, 'events')).filter((event) => event.type.startsWith('audit.'));
  const start = events.find((event) => event.type === 'audit.started' && event.authorId === 'u-tech');
  expect(start).toBeDefined();
  const ofAudit = events.filter((event) => event.subjectId === start?.subjectId);
  expect(ofAudit.filter((event) => event.type === 'audit.scan')).toHaveLength(burst.length);
  expect(ofAudit.find((event) => event.type === 'audit.closed')?.data).toMatchObject({
    counts: { expected: atSite.length, found: foundTags.length, foundElsewhere: elsewhere.length, unknown: 1, duplicate: 1, missing: 1 },
  });

  // The supervisor, on another laptop, opens the audit after sync.
  const supContext = await browser.newContext();
  try {
    const supPage = await supContext.newPage();
    const sup = new AppPage(supPage, serverUrl);
    await sup.signIn('sup');
    await waitForFirstSync(sup);
    await sup.navigate('Audits');
    await supPage.locator(`[data-audit-id="${start?.subjectId ?? ''}"]`).click();
    await expect(supPage.getByTestId('audit-page')).toHaveAttribute('data-state', 'closed');
    const supCount = (key: string) => supPage.getByTestId(`audit-count-${key}`);
    await expect(supCount('found')).toHaveAttribute('data-count', String(foundTags.length));
    await expect(supCount('foundElsewhere')).toHaveAttribute('data-count', String(elsewhere.length));
    await expect(supCount('unknown')).toHaveAttribute('data-count', '1');
    await expect(supCount('duplicate')).toHaveAttribute('data-count', '1');
    await expect(supPage.getByTestId('audit-missing-row')).toHaveCount(1);
    await expect(supPage.getByTestId('audit-missing-row')).toHaveAttribute('data-tag', missingTag);
    await expect(supPage.getByTestId('audit-scan-row').filter({ hasText: UNKNOWN_TAG })).toHaveAttribute('data-result', 'unknown');
    await supPage.screenshot({ path: testInfo.outputPath('audit-supervisor.png'), fullPage: true });
  } finally {
    await supContext.close();
  }
});

test('an asset CSV with bad rows is refused row by row and nothing is imported', async ({ app, page, serverUrl }, testInfo) => {
  await app.signIn('tech');
  await waitForFirstSync(app);
  await app.navigate('Asset import / export');
  await page.getByRole('combobox', { name: 'Contract' }).click();
  await page.getByRole('option', { name: /ANKA/ }).click();
  const witness = await signInApi(serverUrl, 'tech');
  const before = (await pullAll(serverUrl, witness.accessToken, 'assets')).filter((asset) => !asset._deleted && asset.contractId === 'c-anka').length;
  await expect(page.getByTestId('assets-export-count')).toHaveText(`${before} assets match`);

  // Excel in a Turkish locale: BOM, semicolons, Turkish headers, a quoted field with a newline.
  const csv = '\uFEFFEtiket;Tür;Sözleşme;Lokasyon;Oda\r\nANKA-E2E-1;notebook;ANKA;Tuzla Depo;"Kat 1\r\nA3"\r\nANKA-E2E-2;toaster;ANKA;;\r\nANKA-E2E-3;monitor;NOPE;;\r\nanka-e2e-1;dock;ANKA;;\r\n';
  await page.getByTestId('assets-import-choose').click();
  await page.locator('input[type="file"]').setInputFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const issues = page.getByTestId('assets-import-issues').locator('tbody tr');
  await expect(issues).toHaveCount(3);
  // Row numbers are file lines: the quoted newline makes the second asset start on line 4.
  await expect(issues.nth(0)).toHaveAttribute('data-row', '4');
  await expect(issues.nth(0)).toHaveAttribute('data-field', 'type');
  await expect(issues.nth(1)).toHaveAttribute('data-row', '5');
  await expect(issues.nth(1)).toHaveAttribute('data-field', 'contract');
  await expect(issues.nth(2)).toHaveAttribute('data-row', '6');
  await expect(issues.nth(2)).toHaveAttribute('data-field', 'tag');
  await expect(page.getByTestId('assets-import-all')).toBeDisabled();
  await expect(page.getByTestId('assets-import-valid')).toContainText('1');
  await page.screenshot({ path: testInfo.outputPath('assets-import-report.png'), fullPage: true });
  // Nothing was written by reading the file.
  await expect(page.getByTestId('assets-export-count')).toHaveText(`${before} assets match`);
});

test('a real 0 ms burst: 40 tags × 12 characters dispatched as keydown events in one task, none dropped', async ({ app, page }, testInfo) => {
  await app.signIn('tech');
  await waitForFirstSync(app);
  await app.navigate('Audits');
  await page.getByTestId('audit-contract').click();
  await page.getByRole('option', { name: /ANKA/ }).click();
  await page.getByTestId('audit-site').click();
  await page.getByRole('option', { name: 'Hamburg Aktarma' }).click();
  await page.getByTestId('audit-start').click();
  await expect(page.getByTestId('scan-input')).toBeFocused();

  const tags = Array.from({ length: 40 }, (_, i) => `BURST-${String(i).padStart(6, '0')}`);
  // Playwright's keyboard goes through the browser protocol one key at a time (tens of ms each);
  // a scanner is faster, so the keydown events are dispatched here back to back, as a wedge does.
  const started = Date.now();
  await page.getByTestId('scan-input').evaluate((input, list) => {
    for (const tag of list) {
      for (const key of [...tag, 'Enter']) input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    }
  }, tags);
  await expect(page.getByTestId('audit-scan-row')).toHaveCount(tags.length);
  const elapsed = Date.now() - started;
  await expect(page.getByTestId('audit-scan-row').locator('td:first-child')).toHaveText(tags);
  await expect(page.getByTestId('audit-count-unknown')).toHaveAttribute('data-count', String(tags.length));
  testInfo.annotations.push({ type: 'burst', description: `40 tags × 12 chars dispatched in one task; all 40 scans stored and shown after ${elapsed} ms` });
});
