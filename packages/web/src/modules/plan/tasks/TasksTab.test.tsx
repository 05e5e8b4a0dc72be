// @vitest-environment happy-dom
import type { Role } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../platform/api';
import { changeLocale, i18n } from '../../../platform/i18n';
import { fakeServer, json, makeMe, problem, session } from '../../../testing/fake-server';
import { renderApp } from '../../../testing/render';
import { DRAFT, IN_EXECUTION, MOEL, ORGANIZATIONS, PLAN_ID, PREVIEW, TASK } from './fixtures';

const SLOW = { timeout: 10_000 };
/** A whole dialog filled in and sent through the app: longer than the default 5 seconds on a busy machine. */
const LONG = 30_000;
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });

function planServer(roles: Role[], plan = DRAFT, routes: Parameters<typeof fakeServer>[0] = {}) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles), 'csrf-plan-tasks'),
    [`GET /api/plans/${PLAN_ID}`]: () => json(plan),
    'GET /api/reference/organizations': () => json(ORGANIZATIONS),
    ...routes,
  });
}

/** Picks an option of a Mantine Select or MultiSelect: open it by typing, then click the option. */
async function pick(input: HTMLElement, search: string, label: string) {
  fireEvent.click(input);
  type(input, search);
  const listbox = await waitFor(() => {
    const id = input.getAttribute('aria-controls');
    const element = id ? document.getElementById(id) : null;
    if (!element) throw new Error('the list did not open');
    return element;
  });
  const option = (await within(listbox).findByText(label)).closest('[role="option"]');
  if (!option) throw new Error(`no option ${label}`);
  fireEvent.click(option);
}

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the plan’s tasks tab', () => {
  it('lists each category with its goal and tasks, and offers no editing to a reader', async () => {
    const server = planServer(['task_reporter'], IN_EXECUTION);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/tasks`);
    const tab = await screen.findByTestId('plan-tasks', {}, SLOW);
    expect(within(tab).getByRole('heading', { level: 2, name: '1. 일자리' })).toBeTruthy();
    expect(within(tab).getByRole('heading', { level: 2, name: '2. 교육지원' })).toBeTruthy();
    expect(within(tab).getByTestId('plan-category-1').textContent).toContain(
      '북한이탈주민을 생산적 시민으로',
    );
    expect(within(tab).getByTestId('plan-summary').textContent).toBe('정착 초기 자립 기반을 강화합니다.');

    const row = within(tab).getByTestId('plan-task-row-1-1');
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '1-1',
      '취업 연계 맞춤형 직업훈련 확대',
      '서울남부하나센터',
      '고용노동부',
      '2',
      '지연20%1분기',
    ]);
    expect(within(row).getByRole('link').getAttribute('href')).toBe(`/plans/${PLAN_ID}/tasks/${TASK.key}`);
    expect(within(tab).getByTestId('plan-task-row-1-2').textContent).toContain('미보고');
    expect(within(tab).getByRole('table', { name: '1. 일자리 분야 과제 목록' })).toBeTruthy();
    // Not a plan manager, and not a draft: nothing to edit or import.
    expect(screen.queryByTestId('plan-task-add-1')).toBeNull();
    expect(screen.queryByTestId('plan-import')).toBeNull();
  });

  it(
    'refuses a malformed task code in Korean, then sends the task with the plan’s version',
    async () => {
      const server = planServer(['plan_manager'], DRAFT, {});
      server.routes[`PUT /api/plans/${PLAN_ID}/tasks/`] = () => json(DRAFT);
      vi.stubGlobal('fetch', vi.fn(server.fetch));
      const put = () => server.requests.filter((r) => r.method === 'PUT');
      renderApp(`/plans/${PLAN_ID}/tasks`);
      fireEvent.click(await screen.findByTestId('plan-task-add-1', {}, SLOW));
      const form = await screen.findByTestId('plan-task-form', {}, SLOW);
      // The next free number in the category is suggested.
      expect((within(form).getByTestId('plan-task-code') as HTMLInputElement).value).toBe('1-3');

      type(within(form).getByTestId('plan-task-code'), '13');
      type(within(form).getByTestId('plan-task-title'), '정착지원 상담 인력 확충');
      fireEvent.click(within(form).getByTestId('plan-task-submit'));
      expect(
        await within(form).findByText('과제 번호는 1-3처럼 분야 번호와 과제 순번으로 입력해 주십시오.'),
      ).toBeTruthy();
      expect(within(form).getByText('항목을 선택해 주십시오.')).toBeTruthy();
      expect(put()).toHaveLength(0);

      type(within(form).getByTestId('plan-task-code'), '1-3');
      await pick(within(form).getByTestId('plan-task-lead'), '고용', '고용노동부');
      type(within(form).getByTestId('plan-task-milestone-2'), '상담 인력 채용');
      fireEvent.click(within(form).getByTestId('plan-kpi-add'));
      type(within(form).getByLabelText('성과지표 1 지표명(국문)'), '상담 인력');
      type(within(form).getByLabelText('성과지표 1 기준값'), '40');
      type(within(form).getByLabelText('성과지표 1 목표값'), '30');
      fireEvent.click(within(form).getByTestId('plan-task-submit'));
      // An upward KPI whose target is below its baseline is refused beside the target.
      expect(
        await within(form).findByText('목표값이 평가 방향(높을수록 또는 낮을수록 좋음)과 맞지 않습니다.'),
      ).toBeTruthy();
      expect(put()).toHaveLength(0);

      type(within(form).getByLabelText('성과지표 1 목표값'), '1,000');
      type(within(form).getByLabelText('성과지표 1 2분기 중간목표'), '500');
      fireEvent.click(within(form).getByTestId('plan-task-submit'));
      await waitFor(() => expect(put()).toHaveLength(1), SLOW);
      const sent = put()[0];
      const body = sent?.body as { task: { key: string; kpis: { key: string }[] }; version: number };
      expect(sent?.path).toBe(`/api/plans/${PLAN_ID}/tasks/${body.task.key}`);
      expect(body).toEqual({
        version: 7,
        task: {
          key: body.task.key,
          code: '1-3',
          title: '정착지원 상담 인력 확충',
          description: '',
          leadOrganizationId: MOEL.id,
          cooperatingOrganizationIds: [],
          milestones: [{ quarter: 2, description: '상담 인력 채용' }],
          kpis: [
            {
              key: body.task.kpis[0]?.key,
              nameKo: '상담 인력',
              nameEn: null,
              unit: 'count',
              unitLabelKo: '명',
              baseline: 40,
              target: 1000,
              direction: 'up',
              source: { kind: 'manual' },
              milestones: [{ quarter: 2, value: 500 }],
            },
          ],
        },
      });
    },
    LONG,
  );

  it(
    'keeps what was typed when someone else changed the plan first, and offers to load the latest',
    async () => {
      let reads = 0;
      const server = planServer(['plan_manager'], DRAFT, {
        [`GET /api/plans/${PLAN_ID}`]: () => {
          reads += 1;
          return json(
            reads === 1 ? DRAFT : { ...DRAFT, version: 8, summary: '다른 담당자가 고친 추진 배경' },
          );
        },
        [`PUT /api/plans/${PLAN_ID}/tasks/${TASK.key}`]: () =>
          problem(409, 'conflict.stale', '다른 사용자가 먼저 변경했습니다.'),
      });
      vi.stubGlobal('fetch', vi.fn(server.fetch));
      renderApp(`/plans/${PLAN_ID}/tasks`);
      const row = await screen.findByTestId('plan-task-row-1-1', {}, SLOW);
      fireEvent.click(within(row).getByRole('button', { name: '과제 1-1 수정' }));
      const form = await screen.findByTestId('plan-task-form', {}, SLOW);
      type(within(form).getByTestId('plan-task-title'), '취업 연계 직업훈련 확대(수정)');
      fireEvent.click(within(form).getByTestId('plan-task-submit'));
      expect(await within(form).findByTestId('plan-task-stale', {}, SLOW)).toBeTruthy();
      expect((within(form).getByTestId('plan-task-title') as HTMLInputElement).value).toBe(
        '취업 연계 직업훈련 확대(수정)',
      );
      const sent = server.requests.find((r) => r.method === 'PUT')?.body as { version: number };
      expect(sent.version).toBe(7);

      fireEvent.click(within(form).getByTestId('plan-task-reload'));
      // The latest plan is shown behind the dialog, which stays open with the words typed.
      await waitFor(
        () => expect(screen.getByTestId('plan-summary').textContent).toBe('다른 담당자가 고친 추진 배경'),
        SLOW,
      );
      expect(within(form).queryByTestId('plan-task-stale')).toBeNull();
      fireEvent.click(within(form).getByTestId('plan-task-submit'));
      // The second try carries the version just loaded, with the same words.
      await waitFor(() => expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(2), SLOW);
      const retried = server.requests.filter((r) => r.method === 'PUT')[1]?.body as {
        version: number;
        task: { title: string };
      };
      expect(retried.version).toBe(8);
      expect(retried.task.title).toBe('취업 연계 직업훈련 확대(수정)');
    },
    LONG,
  );

  it('previews an XLSX import with each invalid row’s reason, and imports only the valid rows', async () => {
    const server = planServer(['plan_manager'], DRAFT, {
      [`POST /api/plans/${PLAN_ID}/import/preview`]: () => json(PREVIEW),
      [`POST /api/plans/${PLAN_ID}/import/commit`]: () =>
        json({ created: 1, replaced: 0, skipped: 1, version: 8 }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/tasks`);
    const panel = await screen.findByTestId('plan-import', {}, SLOW);
    expect(within(panel).getByTestId('plan-import-template').getAttribute('href')).toBe(
      '/api/plans/import-template.xlsx',
    );
    const file = new File([new Uint8Array([80, 75, 3, 4])], '2026-tasks.xlsx');
    fireEvent.change(within(panel).getByLabelText('작성한 파일(XLSX)'), { target: { files: [file] } });
    const preview = await within(panel).findByTestId('plan-import-preview', {}, SLOW);
    expect(server.requests.find((r) => r.path.endsWith('/import/preview'))?.body).toEqual({
      fileName: '2026-tasks.xlsx',
      contentBase64: 'UEsDBA==',
    });
    expect(within(preview).getByTestId('plan-import-totals').textContent).toBe(
      '총 2행: 신규 1건, 변경 0건, 오류 1건',
    );
    expect(within(preview).getByTestId('plan-import-row-3').textContent).toContain(
      '과제번호: 계획에 없는 분야입니다.',
    );
    expect(within(preview).queryByTestId('plan-import-commit')).toBeNull();

    fireEvent.click(within(preview).getByTestId('plan-import-commit-valid'));
    expect((await within(panel).findByTestId('plan-import-result', {}, SLOW)).textContent).toBe(
      '등록을 마쳤습니다: 신규 1건, 변경 0건, 제외 1건',
    );
    expect(server.requests.find((r) => r.path.endsWith('/import/commit'))?.body).toEqual({
      fileName: '2026-tasks.xlsx',
      contentBase64: 'UEsDBA==',
      version: 7,
      onlyValid: true,
    });
  });

  it(
    'binds a KPI to a computed metric, whose unit it takes, and shows the server’s KPI message beside it',
    async () => {
      const server = planServer(['plan_manager'], DRAFT, {
        [`PUT /api/plans/${PLAN_ID}/tasks/${TASK.key}`]: () =>
          problem(400, 'request.invalid', '입력값을 확인해 주십시오.', {
            errors: [{ path: 'task.kpis.2.baseline', message: '기준값이 너무 큽니다.' }],
          }),
      });
      vi.stubGlobal('fetch', vi.fn(server.fetch));
      renderApp(`/plans/${PLAN_ID}/tasks`);
      const row = await screen.findByTestId('plan-task-row-1-1', {}, SLOW);
      fireEvent.click(within(row).getByTestId('plan-task-edit'));
      const form = await screen.findByTestId('plan-task-form', {}, SLOW);
      expect((within(form).getByTestId('plan-task-code') as HTMLInputElement).value).toBe('1-1');
      fireEvent.click(within(form).getByTestId('plan-kpi-add'));
      const kpi = within(form).getByTestId('plan-task-kpi-3');
      type(within(kpi).getByLabelText('성과지표 3 지표명(국문)'), '취업률');
      type(within(kpi).getByLabelText('성과지표 3 산출 방식'), 'jobs.employment_rate');
      const unit = within(kpi).getByLabelText('성과지표 3 단위') as HTMLSelectElement;
      expect(unit.value).toBe('rate');
      expect(unit.disabled).toBe(true);
      type(within(kpi).getByLabelText('성과지표 3 기준값'), '52.5');
      type(within(kpi).getByLabelText('성과지표 3 목표값'), '60');
      fireEvent.click(within(form).getByTestId('plan-task-submit'));
      expect(await within(kpi).findByText('기준값이 너무 큽니다.', {}, SLOW)).toBeTruthy();
      const sent = server.requests.find((r) => r.method === 'PUT')?.body as {
        task: { kpis: Record<string, unknown>[]; cooperatingOrganizationIds: string[] };
      };
      expect(sent.task.cooperatingOrganizationIds).toEqual([MOEL.id]);
      expect(sent.task.kpis[2]).toMatchObject({
        nameKo: '취업률',
        unit: 'rate',
        unitLabelKo: null,
        baseline: 52.5,
        target: 60,
        source: { kind: 'metric', metricKey: 'jobs.employment_rate' },
      });
    },
    LONG,
  );

  it('deletes a task only after confirmation, at the plan’s version', async () => {
    const server = planServer(['plan_manager'], DRAFT, {
      [`DELETE /api/plans/${PLAN_ID}/tasks/${TASK.key}`]: () => json(DRAFT),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/tasks`);
    const row = await screen.findByTestId('plan-task-row-1-1', {}, SLOW);
    fireEvent.click(within(row).getByRole('button', { name: '과제 1-1 삭제' }));
    const dialog = await screen.findByTestId('plan-task-remove-dialog', {}, SLOW);
    expect(within(dialog).getByTestId('plan-task-remove-name').textContent).toBe(
      '1-1 취업 연계 맞춤형 직업훈련 확대',
    );
    expect(server.requests.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByTestId('plan-task-remove-confirm'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'DELETE')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'DELETE')?.query.get('version')).toBe('7');
  });

  it('edits a category’s names and goal at the plan’s version', async () => {
    const server = planServer(['plan_manager'], DRAFT, {
      [`PUT /api/plans/${PLAN_ID}/categories/1`]: () => json(DRAFT),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/tasks`);
    fireEvent.click(await screen.findByTestId('plan-category-edit-1', {}, SLOW));
    const form = await screen.findByTestId('plan-category-form', {}, SLOW);
    type(within(form).getByLabelText(/분야명\(국문\)/), '');
    fireEvent.click(within(form).getByTestId('plan-category-submit'));
    expect(await within(form).findByText('필수 입력 항목입니다.')).toBeTruthy();
    type(within(form).getByLabelText(/분야명\(국문\)/), '일자리·경제');
    type(within(form).getByLabelText(/분야 목표/), '안정적 일자리로 자립 기반 마련');
    fireEvent.click(within(form).getByTestId('plan-category-submit'));
    await waitFor(() => expect(server.requests.some((r) => r.method === 'PUT')).toBe(true), SLOW);
    expect(server.requests.find((r) => r.method === 'PUT')?.body).toEqual({
      nameKo: '일자리·경제',
      nameEn: 'Jobs',
      goal: '안정적 일자리로 자립 기반 마련',
      version: 7,
    });
  });

  it('tells a plan manager that a plan past its draft is not edited here', async () => {
    const server = planServer(['plan_manager'], IN_EXECUTION);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/tasks`);
    expect(await screen.findByTestId('plan-tasks-not-editable', {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('plan-task-add-1')).toBeNull();
    expect(screen.queryByTestId('plan-task-edit')).toBeNull();
  });

  it('speaks English: category names, organizations and columns', async () => {
    await changeLocale('en');
    const server = planServer(['plan_manager'], DRAFT);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(`/plans/${PLAN_ID}/tasks`);
    const tab = await screen.findByTestId('plan-tasks', {}, SLOW);
    expect(within(tab).getByRole('heading', { level: 2, name: '1. Jobs' })).toBeTruthy();
    const table = within(tab).getByRole('table', { name: 'Tasks of category 1. Jobs' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Code',
      'Task',
      'Lead organization',
      'Cooperating organizations',
      'KPIs',
      'Latest progress',
      expect.any(String),
    ]);
    const row = within(tab).getByTestId('plan-task-row-1-1');
    expect(row.textContent).toContain('Seoul South Hana Center');
    expect(row.textContent).toContain('Ministry of Employment and Labor');
    expect(within(tab).getByTestId('plan-task-add-1').textContent).toBe('Add task');
  });
});
