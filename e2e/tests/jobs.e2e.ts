import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en, ko } from '../../packages/web/src/i18n';
import { api, expectNoSeriousA11yViolations, htmlLang, settle, signIn, useBrowser } from './support/browser';
import { isCall, pick, registered, seoulDatePlus } from './support/steps';

/** This run's own firm, posting and person (synthetic; a surname the demo population never uses). */
const seed = Date.now();
const employerName = `e2e 새터한식 ${seed % 100_000}`;
const postingTitle = `e2e 한식 조리사 ${seed % 100_000}`;
const personName = `제갈${['순희', '영철', '미숙', '정호'][seed % 4]}`;
const birthDate = `${1970 + (seed % 25)}-0${1 + (Math.floor(seed / 25) % 9)}-${10 + (Math.floor(seed / 225) % 18)}`;

const SLOW_TEST = 240_000;

// The tests go on from one another: the firm and posting, then the person placed there.
let postingId: string | null = null;
let personId: string | null = null;

async function moveApplication(page: Page, to: string, extra?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId('application-move').first().click();
  const form = page.getByTestId('move-form');
  await form.getByTestId('move-to').selectOption(to);
  if (extra) await extra(page);
  const moved = page.waitForResponse(isCall('POST', /^\/api\/jobs\/applications\/[^/]+\/move$/));
  await form.getByTestId('move-submit').click();
  const response = await moved;
  expect(response.status(), await response.text()).toBe(200);
  await form.waitFor({ state: 'detached' });
  // The tab reloads after a move: wait for the new stage before the next one.
  await expect
    .poll(() => page.getByTestId('application-stage').first().textContent())
    .toContain(ko.jobs.stages[to as keyof typeof ko.jobs.stages]);
  await settle(page);
}

describe('jobs: matching, placement and the employment incentive', () => {
  const { newPage } = useBrowser();

  it(
    'demo-center-manager registers an employer in the browser and a posting for it',
    async () => {
      const page = await newPage();
      await signIn(page, 'demo-center-manager');
      await page.goto('/jobs/employers');
      await page.getByTestId('employer-create').click();
      const form = page.getByTestId('employer-form');
      await form.getByTestId('employer-name').fill(employerName);
      await form.getByTestId('employer-region').selectOption('seoul');
      await form.getByTestId('employer-priority').check();
      const saved = page.waitForResponse(isCall('POST', '/api/jobs/employers'));
      await form.getByTestId('employer-submit').click();
      const response = await saved;
      expect(response.status(), await response.text()).toBe(201);
      const employer = (await response.json()) as { id: string };
      await page.getByTestId(`employer-${employer.id}`).waitFor();
      await expectNoSeriousA11yViolations(page, 'the employers page');

      const posting = await api<{ id: string }>(page, 'POST', '/api/jobs/postings', {
        employerId: employer.id,
        title: postingTitle,
        occupation: '1321',
        region: 'seoul',
        hours: 'full_time',
        schedule: 'day',
        heavyPhysicalWork: false,
        monthlyWage: 3_000_000,
        requiredSkills: ['cooking_korean'],
        preferredSkills: [],
        requiredCertificates: [],
        preferredCertificates: [],
        requiredKoreanLevel: 3,
        openings: 2,
        closingOn: seoulDatePlus(60),
      });
      postingId = posting.id;
      await page.goto(`/jobs/postings/${posting.id}`);
      await page.getByTestId('posting-page').waitFor();
      await expect.poll(() => page.getByTestId('posting-facts').textContent()).toContain(employerName);
      await expectNoSeriousA11yViolations(page, 'a posting with its candidates');
    },
    SLOW_TEST,
  );

  it(
    'demo-case-worker: profile → recommendations with reasons → application → placement → incentive due',
    async () => {
      const posting = registered(postingId, 'a posting');
      const page = await newPage();
      await signIn(page, 'demo-case-worker');
      const person = await api<{ id: string }>(page, 'POST', '/api/persons', {
        name: personName,
        birthDate,
        sex: 'female',
        protectionDecisionDate: seoulDatePlus(-730),
        residenceRegion: 'seoul',
      });
      await page.goto(`/persons/${person.id}?tab=jobs`);
      await page.getByTestId('jobs-tab').waitFor();
      await page.getByTestId('recommendations-no-profile').waitFor();
      await expectNoSeriousA11yViolations(page, 'the jobs tab without a profile');

      const profile = page.getByTestId('seeker-profile-form');
      await profile.getByTestId('profile-status').selectOption('seeking');
      await pick(page, 'profile-occupations', '한식', '한식 조리사');
      await pick(page, 'profile-skills', '한식', '한식 조리');
      await profile.getByTestId('profile-region').selectOption('seoul');
      await profile.getByTestId('profile-wage').fill('2990000');
      await profile.getByTestId('profile-hours-full_time').check();
      await profile.getByTestId('profile-korean-level-4').check();
      await profile.getByTestId('profile-computer-level-2').check();
      const saved = page.waitForResponse(isCall('PUT', `/api/persons/${person.id}/jobs/profile`));
      await profile.getByTestId('profile-submit').click();
      const response = await saved;
      expect(response.status(), await response.text()).toBe(200);

      // The run's posting fits every factor: it heads the list, and each factor says why in words.
      const row = page.getByTestId(`recommendation-${posting}`);
      await row.waitFor();
      await expect.poll(() => row.getByTestId('recommendation-score').textContent()).toContain('100');
      await row.getByTestId('match-toggle').click();
      const reasons = page.getByTestId('match-reasons').first();
      await reasons.waitFor();
      const text = await reasons.textContent();
      expect(text).toContain('희망 직종과 구인 직종이 같습니다');
      expect(text).toContain('필수 기술과 우대 기술을 모두 갖추었습니다');
      await expectNoSeriousA11yViolations(page, 'recommendations with their reasons');

      const applied = page.waitForResponse(isCall('POST', `/api/persons/${person.id}/jobs/applications`));
      await row.getByTestId('recommendation-apply').click();
      expect((await applied).status()).toBe(201);
      await page.getByTestId('application-stage').first().waitFor();

      await moveApplication(page, 'interview');
      await moveApplication(page, 'offer');
      // Placed eight months ago (recorded late, as happens): six months at the same employer are behind her.
      await moveApplication(page, 'placed', async (p) => {
        await p.getByTestId('move-start-on').fill(seoulDatePlus(-243));
        await p.getByTestId('move-insured-yes').check();
      });
      await expect.poll(() => page.getByTestId('employment-records').textContent()).toContain(employerName);

      const first = page.getByTestId('incentive-line-employment_year1_first');
      await first.waitFor();
      await expect.poll(() => first.textContent()).toContain(ko.jobs.incentiveStatuses.due);
      expect(await first.textContent()).toContain('200만 원');
      expect(await page.getByTestId('incentive-statement').textContent()).toContain(employerName);
      await expectNoSeriousA11yViolations(page, 'the jobs tab after a placement');
      personId = person.id;
    },
    SLOW_TEST,
  );

  it(
    'the jobs tab, the job fair and the statistics read in English, and pass axe',
    async () => {
      const person = registered(personId, 'a placed person');
      const page = await newPage();
      await signIn(page, 'demo-center-manager');
      await page.goto(`/persons/${person}?tab=jobs`);
      await page.getByTestId('jobs-tab').waitFor();
      await page.getByTestId('locale-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      try {
        await settle(page);
        expect(await htmlLang(page)).toBe('en');
        const first = page.getByTestId('incentive-line-employment_year1_first');
        await expect.poll(() => first.textContent()).toContain(en.jobs.incentiveStatuses.due);
        await expectNoSeriousA11yViolations(page, 'the jobs tab in English');

        await page.goto('/jobs/fair');
        await page.getByTestId('fair-select-all').click();
        const ran = page.waitForResponse(isCall('POST', '/api/jobs/fair'));
        await page.getByTestId('fair-run').click();
        expect((await ran).status()).toBe(200);
        await page.getByTestId('fair-result').waitFor();
        await expectNoSeriousA11yViolations(page, 'the job fair in English');

        await page.goto('/jobs/reports');
        await page.getByTestId('jobs-report-show').click();
        await page.getByTestId('jobs-report').waitFor();
        await expectNoSeriousA11yViolations(page, 'the jobs statistics in English');
      } finally {
        await page.getByTestId('locale-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'ko');
      }
    },
    SLOW_TEST,
  );
});
