import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { AppPage } from './pages/app-page.js';
import { installDesktopBridge } from './support/desktop-bridge.js';
import { expect, test } from './support/fixtures.js';

/**
 * SLA warnings on the technician's own tickets, with the device clock driven by Playwright
 * (`page.clock.setFixedTime`: Date is fixed, timers run, so the app's 15 s look still happens).
 * Day D is a Tuesday three weeks back, 10:00 İstanbul, a working day in the BOGAZ calendar
 * (Mon–Fri 08:30–18:00, P1 response 30 min, warning at 75 % = 22.5 min).
 */

const HOLIDAYS = new Set(['2026-01-01', '2026-04-23', '2026-05-01', '2026-05-19', '2026-07-15', '2026-08-30', '2026-10-29']);
const SHOTS = 'test-results/sla-alert-screens';

function pickDay(): string {
  let ms = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 21 * 86_400_000;
  while (new Date(ms).getUTCDay() !== 2) ms -= 86_400_000;
  while (HOLIDAYS.has(new Date(ms).toISOString().slice(0, 10))) ms -= 7 * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
const D = pickDay();
const at = (time: string) => new Date(`${D}T${time}:00+03:00`);

test.use({ timezoneId: 'Europe/Istanbul', locale: 'en-GB', viewport: { width: 1400, height: 900 } });

async function createOwnP1(page: Page, app: AppPage, title: string): Promise<string> {
  await page.evaluate(() => (window.location.hash = '#/tickets'));
  await page.getByTestId('ticket-new').click();
  await expect(page.getByTestId('ticket-create-form')).toBeVisible();
  await app.tickets.pick('Contract', /BOGAZ/);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await app.tickets.pick('Category', 'Hardware');
  await app.tickets.pick('Urgency', 'High');
  await app.tickets.pick('Impact', 'High');
  await app.tickets.pick('Assignee', 'Emre Yılmaz');
  await page.getByTestId('ticket-save').click();
  await expect(page.getByTestId('ticket-ref')).toBeVisible();
  return (await page.getByTestId('ticket-ref').innerText()).trim();
}

test('the desktop app notifies through the OS once at the warning and once at the breach', async ({ app, page, context, serverUrl }) => {
  test.setTimeout(240_000);
  const desktop = await installDesktopBridge(context, new URL(serverUrl).origin);
  await page.clock.setFixedTime(at('10:00'));
  await app.signIn('tech');
  await app.waitUntilSynced();
  // What was already past when the app opened comes at most as one summary, never one by one.
  const opening = desktop.notifications.filter((entry) => entry.title.startsWith('SLA'));
  expect(opening.filter((entry) => !entry.title.startsWith('SLA:'))).toEqual([]);
  expect(opening.length).toBeLessThanOrEqual(1);

  const ref = await createOwnP1(page, app, `Trading floor PCs frozen ${Date.now()}`);
  const about = () => desktop.notifications.filter((entry) => entry.title.endsWith(ref)).map((entry) => entry.title);

  await page.clock.setFixedTime(at('10:15'));
  await page.waitForTimeout(20_000);
  expect(about()).toEqual([]);

  await page.clock.setFixedTime(at('10:24'));
  await expect.poll(about, { timeout: 40_000 }).toEqual([`SLA at risk: ${ref}`]);
  const warning = desktop.notifications.find((entry) => entry.title === `SLA at risk: ${ref}`);
  expect(warning?.body).toContain('Response');
  // The OS showed it: no in-app copy on top.
  await expect(page.getByTestId('sla-alert')).toHaveCount(0);

  await page.clock.setFixedTime(at('10:31'));
  await expect.poll(about, { timeout: 40_000 }).toEqual([`SLA at risk: ${ref}`, `SLA breached: ${ref}`]);

  // Later looks and a reload announce nothing again.
  await page.reload();
  await expect(app.syncStatus).toBeVisible();
  await page.waitForTimeout(20_000);
  expect(about()).toEqual([`SLA at risk: ${ref}`, `SLA breached: ${ref}`]);
});

test('in a plain browser the warning shows once as an in-app notification', async ({ app, page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(at('11:00'));
  await app.signIn('tech');
  await app.waitUntilSynced();
  // At most the summary of what was already past at sign-in; dismissed like a person would.
  const opening = page.getByTestId('sla-alert');
  await page.waitForTimeout(2_000);
  expect(await opening.count()).toBeLessThanOrEqual(1);
  if ((await opening.count()) === 1) {
    await expect(opening).toContainText('of your tickets need attention');
    await opening.getByRole('button').click();
    await expect(opening).toHaveCount(0);
  }
  const ref = await createOwnP1(page, app, `Branch printer queue stuck ${Date.now()}`);
  const alerts = page.getByTestId('sla-alert').filter({ hasText: ref });

  await page.clock.setFixedTime(at('11:23'));
  await expect(alerts).toHaveCount(1, { timeout: 40_000 });
  await expect(alerts).toContainText(`SLA at risk: ${ref}`);
  await expect(alerts).toContainText('Response');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/01-in-app-warning.png` });
  await page.waitForTimeout(20_000);
  await expect(alerts).toHaveCount(1);
});
