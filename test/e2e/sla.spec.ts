import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';

/**
 * SLA worked offline across a business night, judged on the supervisor's screen.
 *
 * The technician's device clock is driven with Playwright's `page.clock.setFixedTime`: each step
 * happens at a chosen İstanbul wall time and the app writes that device time into its events, as a
 * laptop at a customer desk would. Timers keep running (only Date is fixed), so sync, React and
 * Mantine behave normally. The day D is a Tuesday about ten weeks before the run — older than every
 * seeded ticket (≤ 25 days), so the custom period D…D+1 holds exactly the two tickets made here,
 * and the expected numbers below are computed by hand from the ANKA contract:
 * Mon–Fri 08:30–18:00 Europe/Istanbul; P1 response 30 / resolution 240 min; P3 240 / 1440 min.
 *
 *   Ticket A (P3): created D 16:00, started 16:30 (response 30 of 240: met), waiting for the user
 *   D+1 09:00 (resolution 120 + 30 = 150), resumed 14:00 (paused 5 h: not counted), resolved 15:00
 *   → resolution 150 + 60 = 210 of 1440 min: met.
 *   Ticket B (P1): created D 15:00, started 15:10 (response 10 of 30: met), resolved D+1 10:30
 *   → resolution 180 + 120 = 300 of 240 min: breached, at D+1 09:30 (180 + 60).
 *   Both resolution verdicts in the period: 1 of 2 met = 50 %; response 2 of 2 = 100 %.
 */

const HOLIDAYS_2026 = new Set(['2026-01-01', '2026-04-23', '2026-05-01', '2026-05-19', '2026-07-15', '2026-08-30', '2026-10-29']);
const SHOTS = 'test-results/sla-screens';

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A Tuesday ~10 weeks back whose Tuesday and Wednesday are working days in the ANKA calendar. */
function pickDay(): { d: string; d1: string } {
  let ms = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) - 70 * 86_400_000;
  while (new Date(ms).getUTCDay() !== 2) ms -= 86_400_000;
  while (HOLIDAYS_2026.has(isoDay(ms)) || HOLIDAYS_2026.has(isoDay(ms + 86_400_000))) ms -= 7 * 86_400_000;
  return { d: isoDay(ms), d1: isoDay(ms + 86_400_000) };
}

const { d, d1 } = pickDay();
/** An İstanbul wall time (UTC+3 all year since 2016) on D or D+1. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+03:00`);

test.use({ timezoneId: 'Europe/Istanbul', locale: 'en-GB', viewport: { width: 1400, height: 900 } });

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function createTicket(page: Page, app: { tickets: { pick: (label: string, option: string | RegExp) => Promise<void> } }, title: string, priority: 'P1' | 'P3'): Promise<string> {
  await page.getByTestId('ticket-new').click();
  await expect(page.getByTestId('ticket-create-form')).toBeVisible();
  await app.tickets.pick('Contract', /ANKA/);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await app.tickets.pick('Category', 'Hardware');
  if (priority === 'P1') {
    await app.tickets.pick('Urgency', 'High');
    await app.tickets.pick('Impact', 'High');
  }
  // "Take" the ticket: the technician assigns it to themself.
  await app.tickets.pick('Assignee', 'Emre Yılmaz');
  await page.getByTestId('ticket-save').click();
  await expect(page.getByTestId('ticket-ref')).toBeVisible();
  return (await page.getByTestId('ticket-ref').innerText()).trim();
}

test('SLA worked offline across a business night shows the right verdicts to the supervisor', async ({ app, page, context, browser, serverUrl }) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const titleA = `Docking station flickers ${stamp}`;
  const titleB = `Whole floor cannot print ${stamp}`;

  await app.signIn('tech');
  await app.navigate('Tickets');
  await expect(app.tickets.rows().first()).toBeVisible();
  await app.waitUntilSynced();
  await shot(page, '01-ticket-list');

  await context.setOffline(true);
  await expect(app.online).toHaveAttribute('data-state', 'offline');
  const clock = page.clock;
  const goTo = async (hash: string) => page.evaluate((target) => (window.location.hash = target), hash);

  // D 15:00 — B (P1) comes in; 15:10 work starts.
  await clock.setFixedTime(at(d, '15:00'));
  await goTo('#/tickets');
  const refB = await createTicket(page, app, titleB, 'P1');
  await clock.setFixedTime(at(d, '15:10'));
  await app.tickets.setStatus('in_progress');
  const urlB = page.url();

  // D 16:00 — A (P3) comes in; 16:30 work starts.
  await clock.setFixedTime(at(d, '16:00'));
  await goTo('#/tickets');
  const refA = await createTicket(page, app, titleA, 'P3');
  await clock.setFixedTime(at(d, '16:30'));
  await app.tickets.setStatus('in_progress');
  const urlA = page.url();

  // Night. D+1 09:00 — A waits for the user.
  await clock.setFixedTime(at(d1, '09:00'));
  await page.getByTestId('ticket-status-action-waiting').click();
  await page.getByTestId('ticket-waiting-reason').click();
  await page.getByRole('option', { name: 'User' }).click();
  await page.getByTestId('ticket-waiting-confirm').click();
  await expect(page.getByTestId('ticket-status')).toHaveAttribute('data-status', 'waiting');

  // D+1 09:05 — My day, offline: B is at risk (215 of 240 min = 89.6 %), A paused (150 of 1440).
  await clock.setFixedTime(at(d1, '09:05'));
  await app.navigate('My day');
  const myRows = page.getByTestId('my-day-row');
  await expect(myRows.filter({ hasText: titleB })).toHaveAttribute('data-level', 'warning');
  await expect(myRows.filter({ hasText: titleB }).getByTestId('ticket-sla-cell')).toHaveText('25 min left');
  await expect(myRows.filter({ hasText: titleA }).getByTestId('ticket-sla-cell')).toHaveAttribute('data-state', 'paused');
  await expect(myRows.filter({ hasText: titleA }).getByTestId('ticket-sla-cell')).toHaveText('21 h 30 min left');
  const order = await myRows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ref')));
  expect(order.indexOf(refB)).toBeLessThan(order.indexOf(refA));
  await shot(page, '02-my-day-offline');

  // D+1 10:30 — B resolved, late.
  await clock.setFixedTime(at(d1, '10:30'));
  await goTo(new URL(urlB).hash);
  await expect(page.getByTestId('ticket-ref')).toHaveText(refB);
  await app.tickets.setStatus('resolved');

  // D+1 14:00 — A resumes; 15:00 resolved.
  await clock.setFixedTime(at(d1, '14:00'));
  await goTo(new URL(urlA).hash);
  await expect(page.getByTestId('ticket-ref')).toHaveText(refA);
  await app.tickets.setStatus('in_progress');
  await clock.setFixedTime(at(d1, '15:00'));
  await app.tickets.setStatus('resolved');
  await expect(page.getByTestId('ticket-sla-resolution')).toHaveAttribute('data-state', 'met');
  await shot(page, '03-ticket-detail-tech');

  // Back to the present, online: everything goes up.
  await clock.setFixedTime(new Date());
  await context.setOffline(false);
  await app.waitUntilSynced();
  // The supervisor, on another laptop, with the real clock.
  const supContext = await browser.newContext({ timezoneId: 'Europe/Istanbul', locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
  try {
    const sup = await supContext.newPage();
    const { AppPage } = await import('./pages/app-page.js');
    const supApp = new AppPage(sup, serverUrl);
    await supApp.signIn('sup');
    await supApp.waitUntilSynced();
    await supApp.navigate('Support');
    await expect(sup.getByTestId('supervision-page')).toBeVisible();
    await sup.evaluate(([from, to]) => (window.location.hash = `#/supervision?period=custom&from=${from}&to=${to}`), [d, d1] as const);
    await expect(sup.getByTestId('supervision-from')).toHaveValue(d);

    await expect(sup.getByTestId('stat-resolution-met')).toHaveText('50 %');
    await expect(sup.getByTestId('stat-response-met')).toHaveText('100 %');
    const breached = sup.getByTestId('supervision-breached');
    await expect(breached.locator(`[data-ref="${refB}"]`)).toHaveAttribute('data-resolution', 'breached');
    await expect(breached.locator(`[data-ref="${refB}"]`)).toContainText(`09:30`);
    await expect(breached.locator(`[data-ref="${refA}"]`)).toHaveCount(0);
    await shot(sup, '04-supervision');

    // CSV: the per-ticket results, with a BOM and the hand-computed minutes.
    const download = sup.waitForEvent('download');
    await sup.getByTestId('supervision-export').click();
    const file = await download;
    const csv = await (await import('node:fs/promises')).readFile((await file.path()) ?? '', 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lineA = csv.split('\r\n').find((line) => line.startsWith(refA));
    const lineB = csv.split('\r\n').find((line) => line.startsWith(refB));
    expect(lineA).toContain(',met,30,240,met,210,1440,');
    expect(lineB).toContain(',met,10,30,breached,300,240,');

    // A's SLA timeline explains the night and the pause.
    await breached.locator(`[data-ref="${refB}"]`).getByRole('link').click();
    await expect(sup.getByTestId('ticket-ref')).toHaveText(refB);
    await expect(sup.getByTestId('ticket-sla-timeline')).toContainText('Resolution breached: the 4 h 00 min target ran out');
    await expect(sup.getByTestId('ticket-sla-timeline')).toContainText('Resolution stopped late: status → Resolved (5 h 00 min of 4 h 00 min)');
    await sup.goto(`${serverUrl}/${new URL(urlA).hash}`);
    await expect(sup.getByTestId('ticket-ref')).toHaveText(refA);
    const timeline = sup.getByTestId('ticket-sla-timeline');
    await expect(timeline.getByTestId('sla-timeline-item')).toHaveText([
      /Response clock started \(target 4 h 00 min\)/,
      /Resolution clock started \(target 24 h 00 min\)/,
      /Response met: status → In progress \(30 min of 4 h 00 min\)/,
      /Resolution clock paused: waiting for User/,
      /Resolution clock resumed: status → In progress/,
      /Resolution met: status → Resolved \(3 h 30 min of 24 h 00 min\)/,
    ]);
    await expect(sup.getByTestId('ticket-sla-resolution')).toHaveAttribute('data-state', 'met');
    await shot(sup, '05-ticket-detail-sup');

    // The same timeline in Turkish: the UI's own words, not the SLA engine's English messages.
    await sup.getByTestId('language-switch').getByText('TR', { exact: true }).click();
    await expect(timeline.getByTestId('sla-timeline-item').nth(3)).toHaveText(/Çözüm saati duraklatıldı: Kullanıcı bekleniyor/);
    await expect(timeline.getByTestId('sla-timeline-item').nth(5)).toHaveText(/Çözüm karşılandı: durum → Çözüldü \(3 sa 30 dk \/ 24 sa 00 dk\)/);
    await shot(sup, '06-ticket-detail-sup-tr');
    await expect(sup.getByRole('navigation').getByRole('link', { name: 'Destek' })).toBeVisible();
    await sup.evaluate(([from, to]) => (window.location.hash = `#/supervision?period=custom&from=${from}&to=${to}`), [d, d1] as const);
    await expect(sup.getByTestId('stat-resolution-met')).toHaveText('%50');
    await shot(sup, '07-supervision-tr');
  } finally {
    await supContext.close();
  }
});
