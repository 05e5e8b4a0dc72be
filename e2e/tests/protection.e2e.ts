import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en, ko } from '../../packages/web/src/i18n';
import {
  api,
  expectNoSeriousA11yViolations,
  htmlLang,
  settle,
  signIn,
  signOut,
  useBrowser,
} from './support/browser';
import { isCall, registered, seoulDatePlus } from './support/steps';

const texts = ko.protection;

/** A person of this run's own (a surname the demo population never uses), so intake meets no look-alike. */
const seed = Date.now();
const personName = `황보${['미영', '선희', '경자', '옥순'][seed % 4]}`;
const birthDate = `${1960 + (seed % 30)}-0${1 + (Math.floor(seed / 30) % 9)}-${10 + (Math.floor(seed / 270) % 18)}`;

const today = seoulDatePlus(0);

const FINDINGS = '단수 상태로 자녀와 함께 지내고 있음. 임대료 8개월 체납 확인 (e2e)';
const PROVIDER = '관악구청 복지정책과 (e2e)';

// The tests go on from one another: the person with their signals, then the alert they opened.
let person: { id: string; code: string } | null = null;
let alertId: string | null = null;

/** Several axe passes per test; on a loaded two-core machine one can take well over a minute. */
const SLOW_TEST = 240_000;

async function recordSignal(page: Page, type: string, value?: string): Promise<void> {
  const form = page.getByTestId('staff-signal-form');
  await form.getByTestId('staff-signal-type').selectOption(type);
  if (value !== undefined) await form.getByTestId('staff-signal-value').fill(value);
  await form.getByTestId('staff-signal-observed-on').fill(today);
  const saved = page.waitForResponse(isCall('POST', '/api/protection/staff-signals'));
  await form.getByTestId('staff-signal-submit').click();
  const response = await saved;
  expect(response.status(), await response.text()).toBe(201);
}

describe('crisis detection, outreach and closing', () => {
  const { newPage } = useBrowser();

  it(
    'demo-case-worker records a vulnerability profile and two signals, and the score explains itself',
    async () => {
      const page = await newPage();
      await signIn(page, 'demo-case-worker');
      person = await api<{ id: string; code: string }>(page, 'POST', '/api/persons', {
        name: personName,
        birthDate,
        sex: 'female',
      });
      await page.goto(`/persons/${person.id}`);
      await page.getByTestId('person-tab-protection').click();
      await page.getByTestId('protection-tab').waitFor();
      await page.getByTestId('score-none').waitFor();
      await expectNoSeriousA11yViolations(page, 'the protection tab, nothing recorded');

      // A single mother with a child at home.
      await page.getByTestId('profile-category-single_parent').check();
      await page.getByTestId('profile-children').fill('1');
      const saved = page.waitForResponse(isCall('PUT', `/api/persons/${person.id}/protection-profile`));
      await page.getByTestId('profile-submit').click();
      expect((await saved).status()).toBe(200);
      await expect.poll(() => page.getByTestId('profile-updated').textContent()).toContain('데모 사례관리자');

      // The water cut off today, and the rent unpaid for eight months.
      await recordSignal(page, 'water_cutoff');
      await page.getByTestId('signal-water_cutoff').waitFor();
      await recordSignal(page, 'rent_arrears', '8');
      await page.getByTestId('signal-rent_arrears').waitFor();

      const score = page.getByTestId('person-score');
      await score.waitFor();
      await expect.poll(() => score.getByTestId('alert-level').textContent()).toBe(texts.levels.crisis);
      const reasons = await score.getByTestId('score-reason').allTextContents();
      expect(reasons).toContain(`단수: 지방자치단체 상수도사업본부에서 ${today}에 확인 (+25점)`);
      expect(reasons).toContain(
        `임대료 체납: 한국토지주택공사(LH)·지방공사에서 ${today}에 확인, 최대 8개월 (+30점)`,
      );
      expect(reasons).toContain('생활고 신호가 있는 가구에 18세 미만 자녀 1명 (+10점)');
      expect(reasons).toContain('취약 유형: 한부모 가구 (+8점)');
      expect(await score.getByTestId('person-score-value').textContent()).toBe('73점');

      const link = page.getByTestId('person-alerts').getByTestId('person-alert-open');
      await link.waitFor();
      alertId = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? null;
      expect(alertId).toMatch(/^[0-9a-f-]{36}$/);
      await expectNoSeriousA11yViolations(page, 'the protection tab with a score and an alert');
      await signOut(page);
    },
    SLOW_TEST,
  );

  it(
    'demo-case-worker finds the alert in the queue with its reasons in Korean, takes it, reaches the person, arranges a service and closes it',
    async () => {
      const { code } = registered(person, 'a person with signals');
      const id = registered(alertId, 'an alert');
      const page = await newPage();
      await signIn(page, 'demo-case-worker');
      await page.getByTestId('nav-protection').click();
      await page.getByTestId('alert-filter-assignee').selectOption('unassigned');
      const row = page.getByTestId(`alert-row-${code}`);
      await row.waitFor();
      expect(await row.getByTestId('alert-level').textContent()).toBe(texts.levels.crisis);
      const top = (await row.getByTestId('alert-top-reasons').textContent()) ?? '';
      expect(top).toContain(
        `임대료 체납: 한국토지주택공사(LH)·지방공사에서 ${today}에 확인, 최대 8개월 (+30점)`,
      );
      expect(top).toContain(`단수: 지방자치단체 상수도사업본부에서 ${today}에 확인 (+25점)`);
      // A crisis is due within 24 hours.
      expect(await row.getByTestId('alert-remaining').textContent()).toMatch(/^(2[0-3]|1?\d)시간 남음$/);
      await expectNoSeriousA11yViolations(page, 'the crisis alert queue');

      await row.getByTestId('alert-open').click();
      await page.waitForURL(`**/protection/alerts/${id}`);
      await page.getByTestId('alert-record').waitFor();
      expect(await page.getByTestId('score-reason').count()).toBe(4);
      expect(await page.getByTestId('score-sum').textContent()).toBe('합계 73점');
      await expectNoSeriousA11yViolations(page, 'an open alert');

      const taken = page.waitForResponse(isCall('POST', `/api/protection/alerts/${id}/take`));
      await page.getByTestId('alert-take').click();
      expect((await taken).status()).toBe(204);
      await expect.poll(() => page.getByTestId('alert-assignee').textContent()).toBe('데모 사례관리자');

      // A home visit: reached, with what was found and needed.
      const contact = page.getByTestId('contact-form');
      await contact.getByTestId('contact-method').selectOption('visit');
      await contact.getByTestId('contact-reached-yes').check();
      await contact.getByTestId('contact-findings').fill(FINDINGS);
      await contact.getByTestId('contact-need-utilities').check();
      await contact.getByTestId('contact-need-livelihood').check();
      const contacted = page.waitForResponse(isCall('POST', `/api/protection/alerts/${id}/contacts`));
      await contact.getByTestId('contact-submit').click();
      const contactResponse = await contacted;
      expect(contactResponse.status(), await contactResponse.text()).toBe(201);
      const contacts = page.getByTestId('contacts');
      await contacts.waitFor();
      expect(await contacts.textContent()).toContain(FINDINGS);
      expect(await contacts.textContent()).toContain(texts.contact.reachedYes);

      // Emergency welfare from the district office.
      const service = page.getByTestId('service-form');
      await service.getByTestId('service-kind').selectOption('emergency_welfare');
      await service.getByTestId('service-provider').selectOption('local_government');
      await service.getByTestId('service-provider-name').fill(PROVIDER);
      await service.getByTestId('service-amount').fill('730,000');
      const served = page.waitForResponse(isCall('POST', `/api/protection/alerts/${id}/services`));
      await service.getByTestId('service-submit').click();
      const serviceResponse = await served;
      expect(serviceResponse.status(), await serviceResponse.text()).toBe(201);
      const services = page.getByTestId('services');
      await services.waitFor();
      expect(await services.textContent()).toContain(texts.service.kinds.emergency_welfare);
      expect(await services.textContent()).toContain('730,000원');
      await expectNoSeriousA11yViolations(page, 'an alert with a contact and a service');

      // Closing: the follow-up date is required, then asked once more.
      const close = page.getByTestId('close-form');
      await close.getByTestId('close-outcome').selectOption('supported');
      await close.getByTestId('close-submit').click();
      await close.getByText(texts.close.followUpRequired).waitFor();
      await close.getByTestId('close-follow-up').fill(seoulDatePlus(30));
      await close.getByTestId('close-submit').click();
      await page.getByRole('dialog').waitFor();
      await expectNoSeriousA11yViolations(page, 'the closing confirmation');
      const closed = page.waitForResponse(isCall('POST', `/api/protection/alerts/${id}/close`));
      await page.getByTestId('close-confirm').click();
      expect((await closed).status()).toBe(204);
      await page.getByTestId('alert-closed-notice').waitFor();
      expect(await page.getByTestId('alert-outcome').textContent()).toBe(texts.close.outcomes.supported);
      for (const kind of ['opened', 'assigned', 'contact', 'service', 'closed'] as const)
        await page.getByTestId(`alert-event-${kind}`).first().waitFor();
      expect(await page.getByTestId('contact-form').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'a closed alert');
      await signOut(page);
    },
    SLOW_TEST,
  );

  it(
    'demo-center-manager runs the screening, previews a signal file with a bad row and records the good one',
    async () => {
      const { code } = registered(person, 'a person with signals');
      const page = await newPage();
      await signIn(page, 'demo-center-manager');
      await page.getByTestId('nav-protection').click();
      await page.getByTestId('screening-runs').waitFor();
      const ran = page.waitForResponse(isCall('POST', '/api/protection/screenings'));
      await page.getByTestId('screening-run').click();
      expect((await ran).status()).toBe(201);
      await page.getByTestId('screening-done').waitFor();
      await expectNoSeriousA11yViolations(page, 'the queue with the screening panel');

      await page.getByTestId('signal-import-link').click();
      await page.getByTestId('signal-import-columns').waitFor();
      await expectNoSeriousA11yViolations(page, 'the signal import page');
      const csv = `대상자ID,신호유형,확인일,값\n${code},가스 공급 중단,${today},\nP-0000-0000,단수,${today},\n`;
      await page.locator('input[type="file"]').setInputFiles({
        name: '위기신호_e2e.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByTestId('signal-import-preview').click();
      const rows = page.getByTestId('signal-import-rows');
      await rows.waitFor();
      expect(await page.getByTestId('signal-import-total-valid').textContent()).toBe('1');
      expect(await page.getByTestId('signal-import-total-invalid').textContent()).toBe('1');
      expect(await rows.getByTestId('signal-import-row-3').textContent()).toContain(
        texts.imports.status.invalid,
      );
      await page.getByTestId('signal-import-show-all').click();
      expect(await rows.getByTestId('signal-import-row-2').textContent()).toContain(code);
      await expectNoSeriousA11yViolations(page, 'the signal import preview');
      await page.getByTestId('signal-import-confirm-skip').check();
      const committed = page.waitForResponse(
        isCall('POST', /\/api\/protection\/signal-imports\/[^/]+\/commit$/),
      );
      await page.getByTestId('signal-import-commit-valid').click();
      expect((await committed).status()).toBe(200);
      const done = page.getByTestId('signal-import-done');
      await done.waitFor();
      expect(await done.textContent()).toContain('신호 1건을 등록했습니다.');
      await expectNoSeriousA11yViolations(page, 'the signal import done');

      await page.getByTestId('nav-protectionReports').click();
      await page.getByTestId('protection-report').waitFor();
      expect(await page.getByTestId('report-scope').textContent()).toBe(texts.reports.scopes.center);
      await expectNoSeriousA11yViolations(page, 'the protection statistics (center)');
      await signOut(page);
    },
    SLOW_TEST,
  );

  it(
    'demo-plan-manager creates a survey round and sees its progress; the statistics are national',
    async () => {
      const page = await newPage();
      await signIn(page, 'demo-plan-manager');
      expect(await page.getByTestId('nav-protection').count()).toBe(0);
      await page.getByTestId('nav-surveys').click();
      await page.getByTestId('survey-table').waitFor();
      await expectNoSeriousA11yViolations(page, 'the survey rounds');
      await page.getByTestId('survey-create').click();
      const form = page.getByTestId('survey-form');
      await form.waitFor();
      await form.getByTestId('survey-name').fill(`${today} 한부모 가구 실태조사 (e2e)`);
      await form.getByTestId('survey-starts-on').fill(today);
      await form.getByTestId('survey-ends-on').fill(seoulDatePlus(60));
      await form.getByTestId('survey-category-single_parent').check();
      await expectNoSeriousA11yViolations(page, 'the new survey round form');
      const created = page.waitForResponse(isCall('POST', '/api/protection/surveys'));
      await form.getByTestId('survey-submit').click();
      const response = await created;
      expect(response.status(), await response.text()).toBe(201);
      const { id, selected } = (await response.json()) as { id: string; selected: number };
      expect(selected).toBeGreaterThan(0);
      await page.waitForURL(`**/protection/surveys/${id}`);
      await page.getByTestId('survey-round').waitFor();
      expect(await page.getByTestId('survey-selected').textContent()).toBe(selected.toLocaleString('ko'));
      await page.getByTestId('survey-by-organization').waitFor();
      // The plan manager sees no person: no list of checks.
      expect(await page.getByTestId('check-table').count()).toBe(0);
      await expectNoSeriousA11yViolations(page, 'a survey round');

      await page.getByTestId('nav-protectionReports').click();
      await page.getByTestId('protection-report').waitFor();
      expect(await page.getByTestId('report-scope').textContent()).toBe(texts.reports.scopes.national);
      await expectNoSeriousA11yViolations(page, 'the protection statistics (national)');
      await signOut(page);
    },
    SLOW_TEST,
  );

  it(
    'demo-center-manager sees the round’s checks for the center, and the pages read in English',
    async () => {
      const id = registered(alertId, 'an alert');
      const page = await newPage();
      await signIn(page, 'demo-center-manager');
      await page.getByTestId('nav-surveys').click();
      await page.getByTestId('survey-table').locator('a').first().click();
      await page.getByTestId('check-table').waitFor();
      await settle(page);
      await expectNoSeriousA11yViolations(page, 'a survey round with its checks (center manager)');

      await page.getByTestId('locale-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      for (const [path, label] of [
        ['/protection', 'crisis alerts'],
        [`/protection/alerts/${id}`, 'a closed alert'],
        ['/protection/signal-imports', 'signal import'],
        ['/protection/surveys', 'survey rounds'],
        ['/protection/reports', 'protection statistics'],
      ] as const) {
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        await settle(page);
        expect(await htmlLang(page)).toBe('en');
        await expectNoSeriousA11yViolations(page, `${label} (en)`);
      }
      expect(await page.locator('main h1').first().textContent()).toBe(en.protection.reports.title);
      await page.goto(`/protection/alerts/${id}`);
      await page.getByTestId('alert-record').waitFor();
      const reasons = await page.getByTestId('score-reason').allTextContents();
      expect(reasons).toContain(`Water cut off: reported by Municipal waterworks on ${today} (+25 pt)`);
      // The choice is saved on the account: give the shared demo account its Korean back.
      await page.getByTestId('locale-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'ko');
      await settle(page);
      await signOut(page);
    },
    SLOW_TEST,
  );
});
