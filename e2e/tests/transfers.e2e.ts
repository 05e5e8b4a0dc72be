import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ko } from '../../packages/web/src/i18n';
import { api, expectNoSeriousA11yViolations, settle, signIn, useBrowser } from './support/browser';
import { registered } from './support/steps';

const texts = ko.transfers;
/** demo-case-worker's center is 서울남부하나센터 (hana-3); demo-case-worker-2's is 부산하나센터 (hana-5). */
const RECEIVING_CENTER = '부산하나센터';
const REASON = '부산 해운대구로 전입 예정 (e2e)';

/** A person of this run's own: a surname the demo population never uses, so intake meets no look-alike. */
const seed = Date.now();
const personName = `남궁${['은주', '미향', '선옥', '경희'][seed % 4]}`;
const birthDate = `${1960 + (seed % 30)}-0${1 + (Math.floor(seed / 30) % 9)}-${10 + (Math.floor(seed / 270) % 18)}`;
/** The receiving center's manager, created for this run: only a manager accepts a transfer. */
const manager = { username: `e2e-busan-manager-${seed % 100_000}`, password: `e2e-manager-${seed}` };

// Each test goes on from the one before: the person and case, the request, the acceptance, the move.
let person: { id: string; code: string } | null = null;

async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

function incomingRow(page: Page, code: string) {
  return page.locator(`[data-testid="transfer-row-incoming"][data-code="${code}"]`);
}

describe('case transfer between Hana Centers', () => {
  const { newPage } = useBrowser();

  it('demo-case-worker asks 부산하나센터 to take over a case, and sees it pending on the person', async () => {
    const page = await newPage();
    await signIn(page, 'demo-case-worker');
    person = await api<{ id: string; code: string }>(page, 'POST', '/api/persons', {
      name: personName,
      birthDate,
      sex: 'female',
    });
    await api(page, 'POST', '/api/cases', { personId: person.id });

    await page.goto(`/persons/${person.id}`);
    await page.getByTestId('person-tab-transfers').click();
    await page.getByTestId('transfer-history-empty').waitFor();
    await page.getByTestId('transfer-request-open').click();
    await page.getByTestId('transfer-request-submit').click();
    await page.getByText(ko.validation.choose).waitFor();

    await chooseOption(page, 'transfer-to-center', RECEIVING_CENTER);
    await page.getByTestId('transfer-reason').fill(REASON);
    await page.getByTestId('transfer-request-submit').click();
    await page.getByTestId('transfer-pending').waitFor();
    const row = page.getByTestId('person-transfer-row');
    await expect.poll(() => row.textContent()).toContain(REASON);
    expect(await row.textContent()).toContain(texts.statuses.requested);
    expect(await page.getByTestId('transfer-withdraw').isVisible()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'person transfer tab');

    await page.getByTestId('person-tab-timeline').click();
    await page.locator('[data-testid="timeline-event"][data-kind="transfer_requested"]').waitFor();
    expect(await page.locator('[data-testid="timeline-event"][data-kind="case_opened"]').count()).toBe(1);
    await expectNoSeriousA11yViolations(page, 'person timeline tab');
  });

  it('demo-case-worker-2 sees the masked request on /transfers; the decision is the manager’s', async () => {
    const { code } = registered(person, 'a person');
    const admin = await newPage();
    await signIn(admin, 'demo-admin');
    const centers = await api<{ items: { id: string; name: string }[] }>(
      admin,
      'GET',
      '/api/reference/organizations?type=hana_center',
    );
    await api(admin, 'POST', '/api/admin/users', {
      username: manager.username,
      displayName: '부산 센터장 (e2e)',
      organizationId: centers.items.find((center) => center.name === RECEIVING_CENTER)?.id,
      roles: ['center_manager'],
      password: manager.password,
    });

    const page = await newPage();
    await signIn(page, 'demo-case-worker-2');
    await page.getByTestId('nav-transfers').click();
    const row = incomingRow(page, code);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(REASON);
    expect(text).not.toContain(personName);
    expect(text).toContain(`${personName[0]}*`);
    expect(await page.getByTestId('transfer-manager-decides').isVisible()).toBe(true);
    expect(await row.getByTestId('transfer-accept').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'transfers page (case worker)');
  });

  it('the receiving manager accepts and assigns demo-case-worker-2', async () => {
    const { code } = registered(person, 'a person');
    const page = await newPage();
    await signIn(page, manager.username, manager.password);
    await page.goto('/transfers');
    const row = incomingRow(page, code);
    await row.getByTestId('transfer-accept').click();
    await page.getByTestId('transfer-accept-form').waitFor();
    await expectNoSeriousA11yViolations(page, 'accept transfer dialog');
    await chooseOption(page, 'transfer-assigned-worker', '데모 사례관리자 2');
    await page.getByTestId('transfer-accept-submit').click();
    await page.getByTestId('transfer-accept-form').waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain(texts.statuses.accepted);
    await expectNoSeriousA11yViolations(page, 'transfers page (manager)');
  });

  it('now demo-case-worker-2 opens the person and demo-case-worker finds nothing there', async () => {
    const { id, code } = registered(person, 'a person');
    const receiver = await newPage();
    await signIn(receiver, 'demo-case-worker-2');
    await receiver.goto(`/persons/${id}`);
    await receiver.getByTestId('identity-card').waitFor();
    expect(await receiver.locator('h1').textContent()).toBe(code);
    await receiver.getByTestId('person-tab-transfers').click();
    const history = receiver.getByTestId('person-transfer-row');
    await expect.poll(() => history.textContent()).toContain(texts.statuses.accepted);

    const sender = await newPage();
    await signIn(sender, 'demo-case-worker');
    await sender.goto(`/persons/${id}`);
    await sender.getByTestId('person-not-found').waitFor();
    await settle(sender);
    expect(await sender.getByTestId('identity-card').count()).toBe(0);
    await sender.getByTestId('nav-transfers').click();
    await sender.getByTestId('transfer-box-outgoing').click();
    const outgoing = sender.getByTestId('transfer-row-outgoing').filter({ hasText: code });
    await expect.poll(() => outgoing.textContent()).toContain(texts.statuses.accepted);
  });
});
