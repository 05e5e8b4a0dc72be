import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { en, ko } from '../../packages/web/src/i18n';
import { api, expectNoSeriousA11yViolations, htmlLang, settle, signIn, useBrowser } from './support/browser';
import { isCall, pick, registered, seoulDatePlus } from './support/steps';

/**
 * The implementation plan walked in the browser from draft to execution: a plan manager drafts the 2019 plan
 * of the demo's Second Master Plan with one task led by the Ministry of Employment and Labor and sends it for
 * consultation; the ministry's task reporter comments on the task; the manager accepts the comment, finalizes
 * and starts execution; the reporter files the first quarter; the dashboard shows it — in Korean and English,
 * with axe on every page.
 */
const PLAN_YEAR = 2019;
const TASK_TITLE = 'e2e 북한이탈주민 맞춤형 취업 상담 확대';
const KPI_NAME = 'e2e 취업 상담 인원';
const COMMENT = 'e2e 상담 인원 목표를 분기별로 나누어 제시해 주시기 바랍니다.';
const SLOW_TEST = 240_000;
/** The demo writes its plan (and the departments' reporters) after the population, minutes after start-up. */
const DEMO_PLAN_WAIT = 10 * 60_000;

// The tests go on from one another: the plan drafted in the first is consulted, finalized and reported on.
let planId: string | null = null;
let taskKey: string | null = null;

/** Waits until the demo's 2020 plan exists: its master plan and the ministries' reporters come with it. */
async function waitForDemoPlan(page: Page): Promise<void> {
  await expect
    .poll(
      async () =>
        (await api<{ items: { year: number }[] }>(page, 'GET', '/api/plans')).items.map((p) => p.year),
      { timeout: DEMO_PLAN_WAIT, interval: 5_000 },
    )
    .toContain(2020);
}

/** Moves the plan on with the header's button and its confirmation; the status badge then says so. */
async function transition(page: Page, to: 'in_consultation' | 'finalized' | 'in_execution'): Promise<void> {
  await page.getByTestId(`plan-transition-${to}`).click();
  const moved = page.waitForResponse(isCall('POST', /^\/api\/plans\/[^/]+\/transitions$/));
  await page.getByTestId('plan-transition-confirm').click();
  const response = await moved;
  expect(response.status(), await response.text()).toBe(200);
  await expect.poll(() => page.getByTestId('plan-status').textContent()).toBe(ko.plan.statuses[to]);
}

describe('implementation plan: from draft to execution', () => {
  const { newPage } = useBrowser();

  it(
    'a plan manager drafts a plan with a task and a KPI, and sends it for consultation',
    async () => {
      const page = await newPage();
      await signIn(page, 'demo-plan-manager');
      await waitForDemoPlan(page);
      await page.goto('/plans');
      await page.getByTestId('plan-list').waitFor();
      // The demo's 2020 plan is there, in execution.
      await expect.poll(() => page.getByTestId('plan-list').textContent()).toContain('2020');
      await expectNoSeriousA11yViolations(page, 'the plan list');

      await page.getByTestId('plan-create').click();
      await page.getByTestId('plan-create-year').fill(String(PLAN_YEAR));
      const created = page.waitForResponse(isCall('POST', '/api/plans'));
      await page.getByTestId('plan-create-submit').click();
      const response = await created;
      expect(response.status(), await response.text()).toBe(201);
      planId = ((await response.json()) as { id: string }).id;
      await page.waitForURL(`**/plans/${planId}/tasks`);
      await page.getByTestId('plan-tasks').waitFor();
      expect(await page.getByTestId('plan-status').textContent()).toBe(ko.plan.statuses.draft);
      await expectNoSeriousA11yViolations(page, 'a new draft plan');

      await page.getByTestId('plan-task-add-1').click();
      const form = page.getByTestId('plan-task-form');
      await form.waitFor();
      expect(await form.getByTestId('plan-task-code').inputValue()).toBe('1-1');
      await form.getByTestId('plan-task-title').fill(TASK_TITLE);
      await form
        .getByTestId('plan-task-description')
        .fill('하나센터와 고용센터가 함께 맞춤형 취업 상담을 합니다.');
      await pick(page, 'plan-task-lead', '고용노동', '고용노동부');
      await pick(page, 'plan-task-cooperating', '통일', '통일부');
      await form.getByTestId('plan-task-milestone-1').fill('상담 창구 운영 계획 수립');
      await form.getByTestId('plan-kpi-add').click();
      await form.getByTestId('plan-kpi-1-name-ko').fill(KPI_NAME);
      await form.getByTestId('plan-kpi-1-unit-label').selectOption('명');
      await form.getByTestId('plan-kpi-1-baseline').fill('100');
      await form.getByTestId('plan-kpi-1-target').fill('300');
      await expectNoSeriousA11yViolations(page, 'the task form');
      const saved = page.waitForResponse(isCall('PUT', /^\/api\/plans\/[^/]+\/tasks\/[^/]+$/));
      await form.getByTestId('plan-task-submit').click();
      const savedResponse = await saved;
      expect(savedResponse.status(), await savedResponse.text()).toBe(200);
      taskKey = new URL(savedResponse.url()).pathname.split('/').at(-1) ?? null;
      await form.waitFor({ state: 'detached' });
      const row = page.getByTestId('plan-task-row-1-1');
      await expect.poll(() => row.textContent()).toContain(TASK_TITLE);
      expect(await row.textContent()).toContain('고용노동부');

      // Sending needs the consultation first: the server says so, in Korean.
      await page.getByTestId('plan-tab-consultation').click();
      const setup = page.getByTestId('plan-consultation-form');
      await setup.waitFor();
      await setup.getByTestId('plan-consultation-starts-on').fill(seoulDatePlus(0));
      await setup.getByTestId('plan-consultation-ends-on').fill(seoulDatePlus(7));
      await setup
        .getByTestId('plan-consultation-message')
        .fill('2019년 시행계획(안)에 대한 의견을 요청합니다.');
      await pick(page, 'plan-consultation-organizations', '고용노동', '고용노동부');
      await expectNoSeriousA11yViolations(page, 'the consultation setup');
      const set = page.waitForResponse(isCall('PUT', /^\/api\/plans\/[^/]+\/consultation$/));
      await setup.getByTestId('plan-consultation-submit').click();
      const setResponse = await set;
      expect(setResponse.status(), await setResponse.text()).toBe(200);
      await page.getByTestId('plan-invitees').waitFor();
      await transition(page, 'in_consultation');
    },
    DEMO_PLAN_WAIT + SLOW_TEST,
  );

  it(
    "the ministry's task reporter comments on the task during the period",
    async () => {
      const plan = registered(planId, 'a plan in consultation');
      const page = await newPage();
      await signIn(page, 'demo-task-reporter-moel');
      await page.goto(`/plans/${plan}/consultation`);
      const form = page.getByTestId('plan-comment-form');
      await form.waitFor();
      await form.getByTestId('plan-comment-target').selectOption(registered(taskKey, 'a task'));
      await form.getByTestId('plan-comment-body').fill(COMMENT);
      await expectNoSeriousA11yViolations(page, 'the consultation for an invited reporter');
      const sent = page.waitForResponse(isCall('POST', /^\/api\/plans\/[^/]+\/comments$/));
      await form.getByTestId('plan-comment-submit').click();
      const response = await sent;
      expect(response.status(), await response.text()).toBe(201);
      await expect.poll(() => page.getByTestId('plan-comment-1').textContent()).toContain(COMMENT);
      // A reporter reads the plan but does not move it.
      expect(await page.getByTestId('plan-transition-finalized').count()).toBe(0);
    },
    SLOW_TEST,
  );

  it(
    'the plan manager accepts the comment, finalizes the plan and starts execution',
    async () => {
      const plan = registered(planId, 'a plan in consultation');
      const page = await newPage();
      await signIn(page, 'demo-plan-manager');
      await page.goto(`/plans/${plan}/consultation`);
      await page.getByTestId('plan-invitees').waitFor();
      await expect.poll(() => page.getByTestId('plan-invitees').textContent()).toContain('고용노동부');
      const comment = page.getByTestId('plan-comment-1');
      await expect.poll(() => comment.textContent()).toContain(COMMENT);
      await expectNoSeriousA11yViolations(page, 'the consultation for the plan manager');
      await comment.getByTestId('plan-resolve-resolution').selectOption('accepted');
      await comment.getByTestId('plan-resolve-reason').fill('분기별 목표를 성과지표에 반영하였습니다.');
      const resolved = page.waitForResponse(isCall('POST', /^\/api\/plans\/comments\/[^/]+\/resolution$/));
      await comment.getByTestId('plan-resolve-submit').click();
      const response = await resolved;
      expect(response.status(), await response.text()).toBe(200);
      await expect.poll(() => comment.textContent()).toContain(ko.plan.resolutions.accepted);

      // Everyone invited has answered and nothing is unresolved: the plan may be finalized before the period ends.
      await transition(page, 'finalized');
      await transition(page, 'in_execution');
      await settle(page);
    },
    SLOW_TEST,
  );

  it(
    'the reporter sees the report due on the home page and files the first quarter on the task page',
    async () => {
      const plan = registered(planId, 'a plan in execution');
      const key = registered(taskKey, 'a task');
      const page = await newPage();
      await signIn(page, 'demo-task-reporter-moel');
      await page.goto('/');
      const due = page.getByTestId(`plan-due-${PLAN_YEAR}-1-1-q1`);
      await due.waitFor();
      expect(await due.textContent()).toContain(TASK_TITLE);
      await expectNoSeriousA11yViolations(page, "the reporter's home page with reports due");
      await due.getByRole('link').click();
      await page.waitForURL(`**/plans/${plan}/tasks/${key}`);
      const form = page.getByTestId('plan-report-form');
      await form.waitFor();
      await form.getByTestId('plan-report-quarter').selectOption('1');
      await form.getByTestId('plan-report-status').selectOption('on_track');
      await form.getByTestId('plan-report-percent').fill('25');
      await form.getByTestId('plan-report-narrative').fill('전국 고용센터 10곳에 상담 창구를 열었습니다.');
      await form.locator('[data-testid^="plan-report-kpi-"]').first().fill('140');
      await expectNoSeriousA11yViolations(page, 'the task page with the report form');
      const filed = page.waitForResponse(isCall('POST', /^\/api\/plans\/[^/]+\/tasks\/[^/]+\/reports$/));
      await form.getByTestId('plan-report-submit').click();
      const response = await filed;
      expect(response.status(), await response.text()).toBe(200);
      await expect.poll(() => page.getByTestId('plan-report-q1').textContent()).toContain('25');
    },
    SLOW_TEST,
  );

  it(
    'the dashboard shows the report in the matrix and the KPI, in Korean and in English',
    async () => {
      const plan = registered(planId, 'a plan in execution');
      const page = await newPage();
      await signIn(page, 'demo-plan-manager');
      await page.goto(`/plans/${plan}`);
      await page.getByTestId('plan-dashboard-matrix').waitFor();
      expect(await page.getByTestId('plan-matrix-1-1-q1').textContent()).toBe(
        `${ko.plan.progressStatuses.on_track} 25% · ${ko.plan.dashboard.cell.late}`,
      );
      expect(await page.getByTestId('plan-matrix-1-1-q2').textContent()).toBe(ko.plan.dashboard.cell.overdue);
      expect(await page.getByTestId('plan-dashboard-tasks').textContent()).toBe('1');
      expect(await page.getByTestId('plan-dashboard-kpis').textContent()).toContain('140명');
      await expectNoSeriousA11yViolations(page, 'the dashboard');

      await page.getByTestId('locale-switch').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      try {
        await settle(page);
        expect(await htmlLang(page)).toBe('en');
        await expect
          .poll(() => page.getByTestId('plan-matrix-1-1-q2').textContent())
          .toBe(en.plan.dashboard.cell.overdue);
        await expectNoSeriousA11yViolations(page, 'the dashboard in English');
        await page.getByTestId('plan-tab-consultation').click();
        await page.getByTestId('plan-invitees').waitFor();
        await expectNoSeriousA11yViolations(page, 'the consultation record in English');
        await page.getByTestId('plan-tab-revisions').click();
        await page.getByTestId('plan-revisions').waitFor();
        await expectNoSeriousA11yViolations(page, 'the revisions in English');
        await page.goto('/plans');
        await page.getByTestId('plan-list').waitFor();
        await expectNoSeriousA11yViolations(page, 'the plan list in English');
      } finally {
        await page.getByTestId('locale-switch').click();
        await page.waitForFunction(() => document.documentElement.lang === 'ko');
      }
    },
    SLOW_TEST,
  );
});
