import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ko } from '../../packages/web/src/i18n';
import { expectNoSeriousA11yViolations, signIn, signOut, useBrowser } from './support/browser';
import { registered, seoulDatePlus } from './support/steps';

const texts = ko.referrals;
const LEGAL_AID = '대한법률구조공단 서울북부지부';
const LEGAL_AID_OPTION = `${LEGAL_AID} (${ko.organizationTypes.legal_aid})`;
const MESSAGE = '임금 체불 건으로 법률 상담을 부탁드립니다. (e2e)';
const OUTCOME = '법률 상담 2회 진행, 구제 신청 접수 (e2e)';

/** A name and birth date of this run's own (a surname the demo population never uses), so intake meets no one. */
const seed = Date.now();
const personName = `독고${['영희', '순자', '명숙', '정희'][seed % 4]}`;
const birthDate = `${1950 + (seed % 40)}-0${1 + (Math.floor(seed / 40) % 9)}-${10 + (Math.floor(seed / 360) % 18)}`;

// Each test goes on from the one before: the person registered, then referred, then answered by the partner.
let person: { id: string; code: string } | null = null;
let referralId: string | null = null;

/** Each test runs several axe passes; on a loaded two-core machine one can take well over a minute. */
const SLOW_TEST = 180_000;

const isPost = (path: string) => (response: Response) =>
  new URL(response.url()).pathname === path && response.request().method() === 'POST';

/** Registers a person at the worker's center through the intake form; acknowledges any look-alike it is shown. */
async function registerPerson(page: Page): Promise<{ id: string; code: string }> {
  await page.getByTestId('nav-persons').click();
  await page.getByTestId('person-create').click();
  await page.getByTestId('person-name').fill(personName);
  await page.getByTestId('person-birthDate').fill(birthDate);
  await page.getByTestId('person-phone').click();
  let created = page.waitForResponse(isPost('/api/persons'));
  await page.getByTestId('person-submit').click();
  let response = await created;
  if (response.status() === 409) {
    for (const box of await page.locator('[data-testid^="duplicate-ack-"]').all()) await box.check();
    created = page.waitForResponse(isPost('/api/persons'));
    await page.getByTestId('person-submit').click();
    response = await created;
  }
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string; code: string };
  await page.waitForURL(`**/persons/${body.id}`);
  return body;
}

async function chooseOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** Fills the referral form: Legal Aid, legal aid, identity and the legal need. */
async function fillReferral(page: Page): Promise<void> {
  await page.getByTestId('referral-new').click();
  await page.getByTestId('referral-form').waitFor();
  await chooseOption(page, 'referral-recipient', LEGAL_AID_OPTION);
  await chooseOption(page, 'referral-purpose', texts.purposes.legal_aid);
  await page.getByTestId('referral-category-identity').check();
  await page.getByTestId('referral-category-legal').check();
  await page.getByTestId('referral-dueOn').fill(seoulDatePlus(7));
  await page.getByTestId('referral-message').fill(MESSAGE);
}

describe('consent and referral to a partner', () => {
  const { newPage } = useBrowser();

  it(
    'demo-case-worker registers a person and is refused a referral for want of consent, with the reason',
    async () => {
      const page = await newPage();
      await signIn(page, 'demo-case-worker');
      person = await registerPerson(page);
      await page.getByTestId('person-tab-referrals').click();
      await page.getByTestId('consent-empty').waitFor();
      await expectNoSeriousA11yViolations(page, 'the consents and referrals tab');

      // No consent at all: the form names what is missing and sends nothing.
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/referrals')
          posted.push(request.url());
      });
      await fillReferral(page);
      const gaps = page.getByTestId('referral-consent-gaps');
      await gaps.waitFor();
      expect(await gaps.textContent()).toContain(texts.gaps.no_consent);
      await page.getByTestId('referral-submit').click();
      await page.getByRole('alert').filter({ hasText: texts.send.notCovered }).waitFor();
      await expectNoSeriousA11yViolations(page, 'the referral form refusing for want of consent');
      expect(posted).toEqual([]);
      await page.getByRole('dialog').getByRole('button', { name: ko.common.cancel }).click();
      await page.getByTestId('referral-form').waitFor({ state: 'detached' });
      await signOut(page);
    },
    SLOW_TEST,
  );

  it(
    'demo-case-worker records the consent, and the same referral is then sent',
    async () => {
      const { id: personId } = registered(person, 'a registered person');
      const page = await newPage();
      await signIn(page, 'demo-case-worker');
      await page.goto(`/persons/${personId}`);
      await page.getByTestId('person-tab-referrals').click();
      await page.getByTestId('consent-empty').waitFor();

      // The signed consent: Legal Aid, identity and legal, for legal aid, from today for a year.
      await page.getByTestId('consent-record').click();
      await page.getByTestId('consent-form').waitFor();
      await chooseOption(page, 'consent-recipient', LEGAL_AID_OPTION);
      await page.getByTestId('consent-category-identity').check();
      await page.getByTestId('consent-category-legal').check();
      await chooseOption(page, 'consent-purpose', texts.purposes.legal_aid);
      await expectNoSeriousA11yViolations(page, 'the consent form');
      const recorded = page.waitForResponse(isPost(`/api/persons/${personId}/consents`));
      await page.getByTestId('consent-submit').click();
      expect((await recorded).status()).toBe(201);
      const row = page.getByTestId('consent-table').locator('[data-state="active"]');
      await row.waitFor();
      expect(await row.textContent()).toContain(LEGAL_AID);

      // Now the same referral is covered and sent.
      await fillReferral(page);
      await page.locator('[data-testid="referral-consent-check"][data-covered="true"]').waitFor();
      const sent = page.waitForResponse(isPost('/api/referrals'));
      await page.getByTestId('referral-submit').click();
      const response = await sent;
      expect(response.status(), await response.text()).toBe(201);
      referralId = ((await response.json()) as { id: string }).id;
      const referralRow = page.getByTestId(`person-referral-${referralId}`);
      await referralRow.waitFor();
      expect(await referralRow.textContent()).toContain(texts.statuses.sent);
      await signOut(page);
    },
    SLOW_TEST,
  );

  it(
    'demo-case-worker finds it in the sent box by pseudonymous ID and sees all that was sent',
    async () => {
      const id = registered(referralId, 'a sent referral');
      const { code } = registered(person, 'a registered person');
      const page = await newPage();
      await signIn(page, 'demo-case-worker');
      await page.getByTestId('nav-referrals').click();
      const listed = page.getByTestId(`referral-row-${id}`);
      await listed.waitFor();
      expect(await listed.textContent()).toContain(code);
      expect(await listed.textContent()).not.toContain(personName);
      await expectNoSeriousA11yViolations(page, 'the sent referrals box');
      await listed.getByTestId('referral-open').click();
      await page.getByTestId('referral-message-text').waitFor();
      expect(await page.getByTestId('referral-message-text').textContent()).toBe(MESSAGE);
      expect(await page.getByTestId('referral-carried').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'the referral page (sender)');
      await signOut(page);
    },
    SLOW_TEST,
  );

  it(
    'demo-partner finds it in the inbox, sees only the carried data, accepts and completes it',
    async () => {
      const id = registered(referralId, 'a sent referral');
      const page = await newPage();
      await signIn(page, 'demo-partner');
      await page.getByTestId('nav-referrals').click();
      const row = page.getByTestId(`referral-row-${id}`);
      await row.waitFor();
      expect(await row.textContent()).not.toContain(personName);
      expect(await page.getByTestId('referral-box-sent').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'the received referrals box');

      await row.getByTestId('referral-open').click();
      const carried = page.getByTestId('referral-carried');
      await carried.waitFor();
      expect(await carried.getByTestId('carried-identity').textContent()).toContain(personName);
      expect(await carried.getByTestId('carried-needs').count()).toBe(1);
      expect(await carried.getByTestId('carried-contact').count()).toBe(0);
      expect(await carried.getByTestId('carried-case-summary').count()).toBe(0);
      expect(await page.getByTestId('referral-categories').textContent()).toBe(
        `${texts.categories.identity}, ${texts.categories.legal}`,
      );
      // Nothing beyond the carried categories: no phone, no pseudonymous ID, no link into the registry.
      const whole = (await page.locator('main').textContent()) ?? '';
      expect(whole).not.toContain(registered(person, 'a person').code);
      expect(await page.locator('main a[href^="/persons"]').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'the referral page (recipient)');

      const accepted = page.waitForResponse(isPost(`/api/referrals/${id}/accept`));
      await page.getByTestId('referral-accept').click();
      expect((await accepted).status()).toBe(204);
      await expect
        .poll(() => page.getByTestId('referral-status').first().textContent())
        .toBe(texts.statuses.accepted);

      await page.getByTestId('referral-complete').click();
      await page.getByTestId('referral-action-text').fill(OUTCOME);
      await expectNoSeriousA11yViolations(page, 'the completion dialog');
      const completed = page.waitForResponse(isPost(`/api/referrals/${id}/complete`));
      await page.getByTestId('referral-action-submit').click();
      expect((await completed).status()).toBe(204);
      await expect
        .poll(() => page.getByTestId('referral-status').first().textContent())
        .toBe(texts.statuses.completed);
      expect(await page.getByTestId('referral-history').textContent()).toContain(OUTCOME);
      await signOut(page);
    },
    SLOW_TEST,
  );

  it(
    'demo-partner cannot open the person registry',
    async () => {
      const page = await newPage();
      await signIn(page, 'demo-partner');
      expect(await page.getByTestId('nav-persons').count()).toBe(0);
      await page.goto('/persons');
      await page.getByRole('heading', { level: 1, name: ko.guard.forbiddenTitle }).waitFor();
      await page.goto(`/persons/${registered(person, 'a person').id}`);
      await page.getByRole('heading', { level: 1, name: ko.guard.forbiddenTitle }).waitFor();
      await signOut(page);
    },
    SLOW_TEST,
  );
});
