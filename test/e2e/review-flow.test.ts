/**
 * The review flow in Chromium against the real API: log in with the form,
 * filter the queue, open an exception, edit its suggestion until the
 * journal preview balances, have a second person approve it, see it leave
 * the queue and its adjustment appear; approve with the keyboard alone; a
 * viewer sees no approve button and the API refuses them; a decision
 * someone else made first shows a clear message and the row comes back.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BREAK_TYPE_INFO } from '../../core/taxonomy/break-types.ts';
import { shouldSkipBrowserTests } from '../browser.ts';
import { reviewWorld } from './review-harness.ts';

const rowOf = (page: Page, id: string) => page.locator(`[data-testid="queue-row"][data-id="${id}"]`);

/** Tab from the top of the page until the queue grid has focus: keyboard only, as a person would get there. */
async function tabToGrid(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'grid')) return;
  }
  throw new Error('the queue grid never received focus by Tab');
}

describe.skipIf(shouldSkipBrowserTests())('the review flow in Chromium', () => {
  const world = reviewWorld();

  it('logs in with the form and shows the queue the generated run left', async () => {
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(`${world.url}/`);
    await page.getByRole('heading', { name: 'Log in to review exceptions' }).waitFor();
    await page.getByRole('link', { name: 'Log in with your API token' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('API token').fill('recon_not-a-real-token');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not valid');
    await page.getByLabel('API token').fill(world.users.reviewer.token);
    await world.screenshot(page, 'login.png');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${world.url}/`);
    await page.getByRole('grid', { name: 'Exceptions' }).waitFor();
    await expect(page.getByTestId('session-badge').textContent()).resolves.toContain('reviewer');
    await page.getByRole('grid').focus();
    await page.keyboard.press('j');
    await world.screenshot(page, 'queue.png');
    const count = await page.getByTestId('queue-row').count();
    expect(count).toBeGreaterThan(0);
    // The generated case's run left breaks of several types; the queue shows them (and nothing else yet).
    expect(world.generatedExceptions).toBeGreaterThan(5);
    expect(count).toBeLessThanOrEqual(world.generatedExceptions);
    await page.close();
  }, 90_000);

  it('filters by type and account, kept in the URL across a reload', async () => {
    const fee = await world.seed('fee');
    const page = await world.signedInPage(world.users.reviewer);
    await page.goto(`${world.url}/`);
    await rowOf(page, fee.id).waitFor();
    await page.getByLabel('Type').selectOption('fee_deduction');
    await page.waitForURL(/type=fee_deduction/);
    await rowOf(page, fee.id).waitFor();
    const types = await page.locator('[data-testid="queue-row"] .type-badge').allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set([BREAK_TYPE_INFO.fee_deduction.label]));
    await page.getByLabel('Account').fill('no-such-account');
    await page.getByRole('heading', { name: 'No exception matches these filters' }).waitFor();
    await page.getByLabel('Account').fill('DE8937');
    await rowOf(page, fee.id).waitFor();
    await page.reload();
    await rowOf(page, fee.id).waitFor();
    await expect(page.getByLabel('Type').inputValue()).resolves.toBe('fee_deduction');
    await expect(page.getByLabel('Account').inputValue()).resolves.toBe('DE8937');
    await page.close();
  }, 60_000);

  it('edits a suggestion until the journal preview balances, and a second person approves it: it leaves the queue and its adjustment appears', async () => {
    const seeded = await world.seed('unverified');
    const reviewer = await world.signedInPage(world.users.reviewer);
    await reviewer.goto(`${world.url}/`);
    await rowOf(reviewer, seeded.id).dblclick();
    await reviewer.waitForURL(`${world.url}/exceptions/${seeded.id}`);
    await reviewer.getByRole('heading', { name: 'Records' }).waitFor();
    await expect(reviewer.getByTestId('verification').textContent()).resolves.toContain('Not verified');
    await expect(reviewer.locator('tr[data-differs="true"] th').allTextContents()).resolves.toContain('Amount');
    await world.screenshot(reviewer, 'detail.png');
    await reviewer.getByRole('button', { name: 'Edit' }).click();
    const form = reviewer.getByRole('form', { name: 'Edit the resolution' });
    await expect(form.getByLabel('Action').inputValue()).resolves.toBe('match_with_adjustment');
    await expect(reviewer.getByTestId('journal-remaining').textContent()).resolves.toContain('does not balance');
    await form.getByLabel(/Adjustment/).fill('-15.00');
    await expect(reviewer.getByTestId('journal-remaining').textContent()).resolves.toContain('the group balances');
    await form.getByLabel('Rationale (optional)').fill('The bank kept a 15.00 wire fee.');
    await world.screenshot(reviewer, 'detail-edit.png');
    await form.getByRole('button', { name: 'Save as new version' }).click();
    await reviewer.getByText('Saved as a new version').waitFor();
    await expect(reviewer.getByTestId('detail-status').textContent()).resolves.toBe('edited');
    await expect(reviewer.getByTestId('verification').textContent()).resolves.toContain('✓ Verified');
    // A reviewer may not approve at all.
    await expect(reviewer.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await reviewer.close();

    const approver = await world.signedInPage(world.users.approver);
    await approver.goto(`${world.url}/exceptions/${seeded.id}`);
    await approver.getByRole('button', { name: 'Approve' }).click();
    await approver.getByText('Approved and applied.').waitFor();
    await expect(approver.getByTestId('detail-status').textContent()).resolves.toBe('applied');
    await approver.getByRole('link', { name: '← Back to the queue' }).click();
    await approver.getByRole('grid', { name: 'Exceptions' }).waitFor();
    await expect(rowOf(approver, seeded.id).count()).resolves.toBe(0);
    const adjustments = (await (await approver.request.get(`${world.url}/api/adjustments?exception=${seeded.id}`)).json()) as { items: { kind: string; lines: { amount: string }[] }[] };
    expect(adjustments.items).toHaveLength(1);
    expect(adjustments.items[0]!.lines.map((l) => l.amount).sort()).toEqual(['-15.00', '15.00']);
    await approver.close();
  }, 90_000);

  it('approves with the keyboard alone: Tab to the list, j/k to the row, a', async () => {
    const seeded = await world.seed('confirm');
    const page = await world.signedInPage(world.users.approver);
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(`${world.url}/?type=reference_mismatch`);
    await rowOf(page, seeded.id).waitFor();
    // Rows are placed and bars sized through the CSSOM, which the CSP allows: nothing was refused.
    expect(refused).toEqual([]);
    await tabToGrid(page);
    const ids = await page.locator('[data-testid="queue-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    for (let i = 0; i < ids.indexOf(seeded.id); i++) await page.keyboard.press('j');
    await expect(page.getByRole('grid').getAttribute('aria-activedescendant')).resolves.toBe(`queue-row-${seeded.id}`);
    await page.keyboard.press('a');
    await page.getByRole('status').filter({ hasText: 'Approved' }).waitFor();
    await expect(rowOf(page, seeded.id).count()).resolves.toBe(0);
    const detail = (await (await page.request.get(`${world.url}/api/exceptions/${seeded.id}`)).json()) as { exception: { status: string } };
    expect(detail.exception.status).toBe('applied');
    await page.close();
  }, 60_000);

  it('asks the reason for a rejection in a dialog, from the keyboard', async () => {
    const seeded = await world.seed('carry_forward');
    const page = await world.signedInPage(world.users.reviewer);
    await page.goto(`${world.url}/?type=timing_difference`);
    await rowOf(page, seeded.id).waitFor();
    await tabToGrid(page);
    const ids = await page.locator('[data-testid="queue-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    for (let i = 0; i < ids.indexOf(seeded.id); i++) await page.keyboard.press('j');
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('reason-text');
    await page.keyboard.press('Enter'); // in the text box: a new line, not a submit
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'A reason is required' }).waitFor();
    await page.keyboard.type('The deposit cleared already; nothing to carry.');
    await dialog.getByRole('button', { name: 'Reject' }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'Rejected' }).waitFor();
    await expect(rowOf(page, seeded.id).count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('grid');
    await page.close();
  }, 60_000);

  it('shows a viewer no approve button, refuses the key, and the API refuses the call', async () => {
    const seeded = await world.seed('confirm');
    // A small laptop screen: everything fits without scrolling sideways.
    const page = await world.signedInPage(world.users.viewer, { width: 1024, height: 700 });
    await page.goto(`${world.url}/?type=reference_mismatch`);
    await rowOf(page, seeded.id).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await world.screenshot(page, 'queue-viewer-laptop.png');
    await expect(page.getByRole('button', { name: /^Approve/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Reject/ }).count()).resolves.toBe(0);
    await tabToGrid(page);
    await page.keyboard.press('a');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('cannot approve');
    await page.goto(`${world.url}/exceptions/${seeded.id}`);
    await page.getByRole('heading', { name: 'Suggested resolution' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await world.screenshot(page, 'detail-viewer-laptop.png');
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Edit' }).count()).resolves.toBe(0);
    const refused = await page.evaluate(async (id) => (await fetch(`/api/exceptions/${id}/approve`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status, seeded.id);
    expect(refused).toBe(403);
    await page.close();
  }, 60_000);

  it('shows a clear message when someone else decided first, and puts the row back', async () => {
    const seeded = await world.seed('fee');
    const page = await world.signedInPage(world.users.approver);
    await page.goto(`${world.url}/?type=fee_deduction&verified=true`);
    await rowOf(page, seeded.id).waitFor();
    // Someone else approves it after this page loaded the queue.
    const first = await fetch(`${world.url}/api/exceptions/${seeded.id}/approve`, { method: 'POST', headers: world.users.secondApprover.headers, body: '{}' });
    expect(first.status).toBe(200);
    await rowOf(page, seeded.id).click();
    await page.getByRole('grid').focus();
    await page.keyboard.press('a');
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else decided this exception first' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('not saved');
    await expect(rowOf(page, seeded.id).count()).resolves.toBe(1);
    await page.close();
  }, 60_000);

  it('bulk-approves the selected verified suggestions and leaves the unverified one', async () => {
    const a = await world.seed('confirm');
    const b = await world.seed('sign_error');
    const unverified = await world.seed('unverified');
    const page = await world.signedInPage(world.users.approver);
    await page.goto(`${world.url}/`);
    for (const s of [a, b, unverified]) await rowOf(page, s.id).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Approve 2 verified of 3 selected' }).click();
    await page.getByRole('status').filter({ hasText: 'Approved 2, 1 not verified, left in the queue.' }).waitFor();
    await expect(rowOf(page, a.id).count()).resolves.toBe(0);
    await expect(rowOf(page, b.id).count()).resolves.toBe(0);
    await expect(rowOf(page, unverified.id).count()).resolves.toBe(1);
    for (const s of [a, b]) {
      const detail = (await (await page.request.get(`${world.url}/api/exceptions/${s.id}`)).json()) as { exception: { status: string } };
      expect(detail.exception.status).toBe('applied');
    }
    await page.close();
  }, 60_000);
});
