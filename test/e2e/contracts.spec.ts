import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Contract } from '../../common/schemas/contracts.js';
import { AppPage } from './pages/app-page.js';
import { ContractEditor } from './pages/contract-editor.js';
import { pullAll, signInApi } from './support/server-api.js';
import { expect, test } from './support/fixtures.js';

const SHOTS = 'test-results/contracts-screens';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.use({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });

/**
 * A supervisor edits the ANKA contract offline: a tighter P1 response target (a new policy
 * revision) and the public holidays of a year. It syncs when back online; a technician sees the
 * new terms read-only, and a ticket opened before keeps the revision it was opened under.
 */
test('a supervisor edits SLA targets and holidays offline; it syncs and technicians see it', async ({ app, page, context, browser, serverUrl }) => {
  test.setTimeout(240_000);
  const year = 2031;
  const editor = new ContractEditor(page);

  await app.signIn('sup');
  await app.navigate('Contracts');
  await expect(page.getByTestId('contract-row')).toHaveCount(3);
  await shot(page, '01-contracts-list');
  await page.getByTestId('contract-row').filter({ hasText: 'ANKA' }).click();
  await expect(editor.root).toHaveAttribute('data-editable', 'true');
  await app.waitUntilSynced();

  await context.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');

  // SLA policy: a response target above the resolution target is refused inline, then fixed.
  await editor.tab('SLA policy');
  await expect(editor.revision).toBeVisible();
  const revision = Number(await editor.revision.getAttribute('data-revision'));
  expect(revision).toBeGreaterThanOrEqual(1);
  await editor.target('p1', 'response').fill('300');
  await expect(editor.problemUnder(editor.target('p1', 'response'))).toHaveText('The response target cannot be longer than the resolution target.');
  await expect(editor.save).toBeDisabled();
  await editor.target('p1', 'response').fill('20');
  await expect(page.getByTestId('contract-problems')).toHaveCount(0);
  await shot(page, '02-contract-policy-edited');

  // Holidays: a year of Turkish public holidays, and one of the customer's own with a name.
  await editor.tab('Holidays');
  const before = await page.getByTestId('contract-holiday').count();
  await page.getByTestId('contract-holiday-year').fill(String(year));
  await page.getByTestId('contract-holiday-import').click();
  await expect(page.getByTestId('contract-holiday-note')).toContainText(`holidays added for ${year}`);
  const imported = (await page.getByTestId('contract-holiday').count()) - before;
  expect(imported).toBeGreaterThanOrEqual(14);
  await page.getByTestId('contract-holiday-add').click();
  const last = page.getByTestId('contract-holiday').last();
  await last.getByTestId('contract-holiday-date').fill(`${year}-12-31`);
  await expect(editor.problemUnder(last.getByTestId('contract-holiday-name'))).toHaveText('Required.');
  await last.getByTestId('contract-holiday-name').fill('Yıl sonu envanter günü');
  await expect(page.getByTestId('contract-unsaved')).toHaveText('Unsaved changes: SLA policy, Holidays');
  await shot(page, '03-contract-holidays-offline');

  await editor.save.click();
  await expect(page.getByTestId('contract-saved')).toBeVisible();
  await expect(page.getByTestId('contract-unsaved')).toHaveCount(0);
  await editor.tab('SLA policy');
  await expect(editor.revision).toHaveAttribute('data-revision', String(revision + 1));
  await expect(page.getByTestId('contract-policy-history')).toContainText(`Revision ${revision}`);
  await expect(app.pending).not.toHaveText('0');
  await shot(page, '04-contract-saved-offline');

  // Back online: the change goes up and the server took it, checked by its own rules.
  await context.setOffline(false);
  await app.waitUntilSynced();
  const { accessToken } = await signInApi(serverUrl, 'sup');
  const anka = (await pullAll(serverUrl, accessToken, 'contracts')).find((doc) => doc.id === 'c-anka') as Contract | undefined;
  expect(anka?.slaPolicy).toMatchObject({ revision: revision + 1, targets: { p1: { responseMinutes: 20, resolutionMinutes: 240 } } });
  expect(anka?.calendar.holidays).toContainEqual({ date: `${year}-12-31`, name: 'Yıl sonu envanter günü' });
  expect(anka?.calendar.holidays.filter((holiday) => holiday.date.startsWith(String(year))).length).toBe(imported + 1);

  // A technician on another laptop: read-only, with the new terms.
  const otherContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB' });
  const tech = new AppPage(await otherContext.newPage(), serverUrl);
  await tech.signIn('tech');
  await tech.waitUntilSynced();
  await tech.navigate('Contracts');
  await tech.page.getByTestId('contract-row').filter({ hasText: 'ANKA' }).click();
  const theirs = new ContractEditor(tech.page);
  await expect(theirs.root).toHaveAttribute('data-editable', 'false');
  await expect(tech.page.getByTestId('contract-read-only')).toBeVisible();
  await expect(tech.page.getByTestId('contract-save')).toHaveCount(0);
  await theirs.tab('SLA policy');
  await expect(theirs.target('p1', 'response')).toHaveValue('20');
  await expect(theirs.target('p1', 'response')).toHaveAttribute('readonly', '');
  await shot(tech.page, '05-contract-read-only');

  // A ticket opened before the change keeps its revision; the SLA timeline says so.
  await tech.page.goto(`${serverUrl}/#/tickets/t-anka-001`);
  await expect(tech.page.getByTestId('sla-policy-note')).toHaveAttribute('data-revision', String(revision));
  await expect(tech.page.getByTestId('sla-policy-note')).toHaveAttribute('data-latest', String(revision + 1));
  await expect(tech.page.getByTestId('sla-policy-newer')).toContainText(`revision ${revision + 1}`);
  await otherContext.close();
});
