// @vitest-environment happy-dom
import type { Role } from '@ieum/domain';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../../platform/api';
import { changeLocale, i18n } from '../../../platform/i18n';
import { fakeServer, json, MINISTRY, makeMe, problem, session } from '../../../testing/fake-server';
import { renderApp } from '../../../testing/render';
import type { PlanDetailData } from '../api';
import { DRAFT, IN_EXECUTION, KPI_MANUAL, PLAN_ID, Q1_REPORT, TASK } from './fixtures';

const SLOW = { timeout: 10_000 };
const LONG = 30_000;
const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } });
const TASK_PATH = `/plans/${PLAN_ID}/tasks/${TASK.key}`;
const REPORTS = `/api/plans/${PLAN_ID}/tasks/${TASK.key}/reports`;
const EVIDENCE = `/api/plans/${PLAN_ID}/tasks/${TASK.key}/evidence`;
const FILED_EVIDENCE = {
  fileId: '0190a6b2-0000-7000-8000-0000000000f1',
  name: '1분기 수요조사 결과.hwp',
  contentType: 'application/x-hwp',
  sizeBytes: 2048,
};
const UPLOADED = {
  fileId: '0190a6b2-0000-7000-8000-0000000000f2',
  name: '2분기 결과보고서.pdf',
  contentType: 'application/pdf',
  sizeBytes: 4,
};

function taskServer(
  roles: Role[],
  plan: PlanDetailData = IN_EXECUTION,
  me: Parameters<typeof makeMe>[1] = {},
) {
  return fakeServer({
    'GET /api/auth/session': session(makeMe(roles, me), 'csrf-plan-task'),
    [`GET /api/plans/${PLAN_ID}`]: () => json(plan),
    [`GET ${REPORTS}`]: () => json({ items: [Q1_REPORT] }),
    [`POST ${REPORTS}`]: () => json({ ...Q1_REPORT, quarter: 3, version: 1 }),
  });
}

beforeEach(async () => {
  localStorage.clear();
  setCsrfToken(null);
  await i18n.changeLanguage('ko');
  // Only the clock is fake: 20 August 2026 in Seoul, so the plan year's first three quarters have begun.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-08-20T03:00:00Z'));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a task of the plan', () => {
  it('shows the task’s facts, its KPIs by quarter with "<5" for a withheld count, and its reports', async () => {
    const server = taskServer(['plan_manager']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(TASK_PATH);
    const page = await screen.findByTestId('plan-task-page', {}, SLOW);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('1-1 취업 연계 맞춤형 직업훈련 확대');
    expect(within(page).getByTestId('plan-task-back').getAttribute('href')).toBe(`/plans/${PLAN_ID}/tasks`);
    const facts = within(page).getByTestId('plan-task-facts');
    expect(facts.textContent).toContain('1. 일자리');
    expect(facts.textContent).toContain('주관기관서울남부하나센터');
    expect(facts.textContent).toContain('협조기관고용노동부');
    expect(within(facts).getByTestId('plan-task-milestones').textContent).toBe(
      '1분기: 훈련 수요 조사3분기: 훈련 과정 개설',
    );

    const manual = within(page).getByTestId('plan-kpi-1');
    expect(within(manual).getByTestId('plan-kpi-range').textContent).toBe('기준값 100명 → 목표값 150명');
    expect(manual.textContent).toContain('주관기관 직접 입력');
    const metric = within(page).getByTestId('plan-kpi-2');
    expect(metric.textContent).toContain('자동 산출: 취업 연계 건수');
    const cells = (row: string) =>
      within(within(metric).getByTestId(row))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells('plan-kpi-q1')).toEqual(['1분기', '<5', '–', '–', '비공개(5 미만)']);
    expect(cells('plan-kpi-q2')).toEqual(['2분기', '24건', '20건', '60%', '중간목표 달성']);

    const history = await within(page).findByTestId('plan-report-history', {}, SLOW);
    const q1 = within(history).getByTestId('plan-report-q1');
    expect(q1.textContent).toContain('2026년 1분기');
    expect(q1.textContent).toContain('지연');
    expect(q1.textContent).toContain('20%');
    expect(q1.textContent).toContain('김하나');
    expect(within(q1).getByTestId('plan-report-late').textContent).toBe('기한 후 제출');
    // A plan manager follows the reports but does not file them.
    expect(within(page).getByTestId('plan-report-unavailable').textContent).toBe(
      '분기 실적은 주관기관의 과제 담당자가 보고합니다.',
    );
    expect(screen.queryByTestId('plan-report-form')).toBeNull();
  });

  it('tells a reporter of another organization, or of a plan not in execution, why they cannot report', async () => {
    const other = taskServer(['task_reporter'], IN_EXECUTION, {
      organization: { ...MINISTRY, type: 'ministry', region: null },
    });
    vi.stubGlobal('fetch', vi.fn(other.fetch));
    renderApp(TASK_PATH);
    expect((await screen.findByTestId('plan-report-unavailable', {}, SLOW)).textContent).toBe(
      '분기 실적은 이 과제의 주관기관에 소속된 과제 담당자만 보고할 수 있습니다.',
    );
    expect(screen.queryByTestId('plan-report-form')).toBeNull();
    cleanup();

    const draft = taskServer(['task_reporter'], DRAFT);
    vi.stubGlobal('fetch', vi.fn(draft.fetch));
    renderApp(TASK_PATH);
    expect((await screen.findByTestId('plan-report-unavailable', {}, SLOW)).textContent).toBe(
      '시행 중인 계획에 대해서만 분기 실적을 보고할 수 있습니다.',
    );
    expect(screen.queryByTestId('plan-report-form')).toBeNull();
  });

  it(
    'lets the lead organization’s reporter file the overdue quarter first, and correct a filed one at its version',
    async () => {
      const server = taskServer(['task_reporter']);
      vi.stubGlobal('fetch', vi.fn(server.fetch));
      const posts = () => server.requests.filter((r) => r.method === 'POST' && r.path === REPORTS);
      renderApp(TASK_PATH);
      const form = await screen.findByTestId('plan-report-form', {}, SLOW);
      const quarter = within(form).getByTestId('plan-report-quarter') as HTMLSelectElement;
      // Q1 is filed; Q2 is overdue (due 10 July) and comes first; Q3 has begun but is not due; Q4 has not begun.
      expect(quarter.value).toBe('2');
      expect([...quarter.options].map((o) => o.textContent)).toEqual([
        '2026년 1분기 (보고 완료)',
        '2026년 2분기',
        '2026년 3분기',
      ]);
      expect(within(form).getByLabelText('증빙자료 첨부')).toBeTruthy();
      // Only the manual KPI is typed in; the computed one is not asked for.
      expect(within(form).queryAllByLabelText(/실적값/)).toHaveLength(1);

      type(within(form).getByTestId('plan-report-status'), 'on_track');
      type(within(form).getByTestId('plan-report-percent'), '100');
      fireEvent.click(within(form).getByTestId('plan-report-submit'));
      expect(await within(form).findByText('필수 입력 항목입니다.')).toBeTruthy();
      expect(
        within(form).getByText(
          "추진율 100%는 '완료'와 함께만 입력할 수 있습니다. 완료가 아니면 100% 미만으로 입력해 주십시오.",
        ),
      ).toBeTruthy();
      expect(posts()).toHaveLength(0);

      type(within(form).getByTestId('plan-report-percent'), '60');
      type(within(form).getByTestId('plan-report-narrative'), '훈련 과정 2개를 개설하였습니다.');
      type(within(form).getByLabelText('직업훈련 수료 인원 실적값'), '135명');
      fireEvent.click(within(form).getByTestId('plan-report-submit'));
      expect(await within(form).findByText('숫자로 입력해 주십시오.')).toBeTruthy();
      type(within(form).getByLabelText('직업훈련 수료 인원 실적값'), '135');
      fireEvent.click(within(form).getByTestId('plan-report-submit'));
      await waitFor(() => expect(posts()).toHaveLength(1), SLOW);
      expect(posts()[0]?.body).toEqual({
        year: 2026,
        quarter: 2,
        status: 'on_track',
        percentComplete: 60,
        narrative: '훈련 과정 2개를 개설하였습니다.',
        evidence: [],
        kpiValues: [{ kpiKey: KPI_MANUAL, value: 135 }],
      });

      // Choosing the filed quarter loads its report; sending corrects it at the version read.
      type(quarter, '1');
      expect((within(form).getByTestId('plan-report-narrative') as HTMLTextAreaElement).value).toBe(
        Q1_REPORT.narrative,
      );
      expect(within(form).getByTestId('plan-report-correcting')).toBeTruthy();
      type(within(form).getByTestId('plan-report-status'), 'done');
      expect((within(form).getByTestId('plan-report-percent') as HTMLInputElement).value).toBe('100');
      fireEvent.click(within(form).getByTestId('plan-report-submit'));
      await waitFor(() => expect(posts()).toHaveLength(2), SLOW);
      expect(posts()[1]?.body).toEqual({
        year: 2026,
        quarter: 1,
        status: 'done',
        percentComplete: 100,
        narrative: Q1_REPORT.narrative,
        evidence: [],
        kpiValues: [{ kpiKey: KPI_MANUAL, value: 120 }],
        version: 2,
      });
    },
    LONG,
  );

  it(
    'uploads a chosen evidence file, cites it in the report, keeps a correction’s files, and links them in the history',
    async () => {
      const server = fakeServer({
        ...taskServer(['task_reporter']).routes,
        [`GET ${REPORTS}`]: () => json({ items: [{ ...Q1_REPORT, evidence: [FILED_EVIDENCE] }] }),
        [`POST ${EVIDENCE}`]: () => json(UPLOADED, 201),
      });
      vi.stubGlobal('fetch', vi.fn(server.fetch));
      const posts = (path: string) => server.requests.filter((r) => r.method === 'POST' && r.path === path);
      renderApp(TASK_PATH);
      const history = await screen.findByTestId('plan-report-history', {}, SLOW);
      const link = within(within(history).getByTestId('plan-report-q1')).getByRole('link', {
        name: '1분기 수요조사 결과.hwp',
      });
      expect(link.getAttribute('href')).toBe(`/api/plans/evidence/${FILED_EVIDENCE.fileId}`);

      const form = await screen.findByTestId('plan-report-form', {}, SLOW);
      const input = within(form).getByLabelText('증빙자료 첨부');
      // A type that may not be attached, and one too large, are refused here and never sent.
      fireEvent.change(input, {
        target: { files: [new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' })] },
      });
      expect((await within(form).findByTestId('plan-report-evidence-error', {}, SLOW)).textContent).toBe(
        'setup.exe: 첨부할 수 없는 파일 형식입니다.',
      );
      const large = new File(['x'], '사진.png', { type: 'image/png' });
      Object.defineProperty(large, 'size', { value: 10 * 1024 * 1024 + 1 });
      fireEvent.change(input, { target: { files: [large] } });
      expect((await within(form).findByTestId('plan-report-evidence-error', {}, SLOW)).textContent).toBe(
        '사진.png: 파일 크기가 10MB를 넘습니다.',
      );
      expect(posts(EVIDENCE)).toHaveLength(0);

      fireEvent.change(input, {
        target: { files: [new File(['%PDF'], '2분기 결과보고서.pdf', { type: 'application/pdf' })] },
      });
      const attached = await within(form).findByTestId('plan-report-evidence-files', {}, SLOW);
      expect(posts(EVIDENCE)[0]?.body).toEqual({
        fileName: '2분기 결과보고서.pdf',
        contentType: 'application/pdf',
        contentBase64: 'JVBERg==',
      });
      expect(attached.textContent).toContain('2분기 결과보고서.pdf4 B삭제');
      type(within(form).getByTestId('plan-report-status'), 'on_track');
      type(within(form).getByTestId('plan-report-percent'), '60');
      type(within(form).getByTestId('plan-report-narrative'), '훈련 과정 2개를 개설하였습니다.');
      fireEvent.click(within(form).getByTestId('plan-report-submit'));
      await waitFor(() => expect(posts(REPORTS)).toHaveLength(1), SLOW);
      expect(posts(REPORTS)[0]?.body).toMatchObject({ quarter: 2, evidence: [UPLOADED] });

      // Correcting Q1 starts from its filed evidence; removing a file takes it off the report.
      type(within(form).getByTestId('plan-report-quarter'), '1');
      const kept = within(form).getByTestId('plan-report-evidence-files');
      expect(kept.textContent).toContain('1분기 수요조사 결과.hwp2 KB');
      fireEvent.click(within(kept).getByRole('button', { name: '1분기 수요조사 결과.hwp 첨부 삭제' }));
      expect(within(form).queryByTestId('plan-report-evidence-files')).toBeNull();
      fireEvent.click(within(form).getByTestId('plan-report-submit'));
      await waitFor(() => expect(posts(REPORTS)).toHaveLength(2), SLOW);
      expect(posts(REPORTS)[1]?.body).toMatchObject({ quarter: 1, evidence: [], version: 2 });
    },
    LONG,
  );

  it('shows the server’s refusal of an upload in the user’s language', async () => {
    await changeLocale('en');
    const server = fakeServer({
      ...taskServer(['task_reporter']).routes,
      [`POST ${EVIDENCE}`]: () =>
        problem(403, 'access.denied', 'You are not allowed to do this.', {
          detail: 'Only the lead organization reports on this task.',
        }),
    });
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(TASK_PATH);
    const form = await screen.findByTestId('plan-report-form', {}, SLOW);
    fireEvent.change(within(form).getByLabelText('Attach evidence'), {
      target: { files: [new File(['hello'], 'notes.txt', { type: 'text/plain' })] },
    });
    expect((await within(form).findByTestId('plan-report-evidence-error', {}, SLOW)).textContent).toBe(
      'notes.txt: Only the lead organization reports on this task.',
    );
    expect(within(form).queryByTestId('plan-report-evidence-files')).toBeNull();
  });

  it('speaks English: the KPI table, the report history and the refusal', async () => {
    await changeLocale('en');
    const server = taskServer(['plan_manager']);
    vi.stubGlobal('fetch', vi.fn(server.fetch));
    renderApp(TASK_PATH);
    const page = await screen.findByTestId('plan-task-page', {}, SLOW);
    const metric = within(page).getByTestId('plan-kpi-2');
    expect(within(metric).getByRole('heading', { level: 3 }).textContent).toBe('Job placements');
    expect(
      within(within(metric).getByTestId('plan-kpi-q1'))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Q1', '<5', '–', '–', expect.any(String)]);
    expect(
      within(within(metric).getByTestId('plan-kpi-q2'))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Q2', '24', '20', '60%', expect.any(String)]);
    expect(within(page).getByRole('heading', { level: 2, name: 'Quarterly progress reports' })).toBeTruthy();
    expect(within(page).getByTestId('plan-task-facts').textContent).toContain(
      'Lead organizationSeoul South Hana Center',
    );
    expect(within(page).getByTestId('plan-report-unavailable').textContent).toBe(
      "Quarterly reports are filed by the lead organization's task reporters.",
    );
  });
});
