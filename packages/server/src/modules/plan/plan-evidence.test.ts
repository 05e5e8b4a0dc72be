import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/db/schema';
import { createTestPlatform, type TestPlatform, type TestSession } from '../../testing';
import { planTestHelpers } from './plan-test-helpers';

/**
 * Evidence files of the quarterly reports: uploaded by the lead organization's reporter, cited by the task's
 * reports exactly as stored, downloaded by plan readers with an audit entry. The 2020 plan has 1-1 and 2-1
 * (노원구청 leads both) and 1-2 (고용센터 leads). Clock in Korea time.
 */
describe('evidence files of the quarterly reports', () => {
  let platform: TestPlatform;
  let clock = new Date('2020-02-03T01:00:00Z'); // Monday 3 Feb 2020, 10:00 in Seoul
  let manager: TestSession;
  let nowonReporter: TestSession;
  let employmentReporter: TestSession;
  let nowon: string;
  let planId: string;
  const task11 = randomUUID();
  const task12 = randomUUID();
  const task21 = randomUUID();
  const pdf = Buffer.from('%PDF-1.4\n1분기 결과보고서\n%%EOF\n', 'utf8');

  const { orgId, addReporter } = planTestHelpers(() => platform);
  const version = async () => (await manager.request('GET', `/api/plans/${planId}`)).json().version as number;
  const upload = (reporter: TestSession, key: string, fileName: string, contentType: string, body: Buffer) =>
    reporter.request('POST', `/api/plans/${planId}/tasks/${key}/evidence`, {
      fileName,
      contentType,
      contentBase64: body.toString('base64'),
    });
  const report = (key: string, evidence: unknown[], extra: Record<string, unknown> = {}) =>
    nowonReporter.request('POST', `/api/plans/${planId}/tasks/${key}/reports`, {
      year: 2020,
      quarter: 1,
      status: 'on_track',
      percentComplete: 30,
      narrative: '1분기 추진 실적',
      evidence,
      ...extra,
    });

  beforeAll(async () => {
    platform = await createTestPlatform({ now: () => clock });
    manager = await platform.signIn('demo-plan-manager');
    nowon = await orgId('서울특별시 노원구청');
    const employment = await orgId('서울북부고용센터');
    nowonReporter = await addReporter('test-nowon-reporter', nowon);
    employmentReporter = await addReporter('test-employment-reporter', employment);
    const master = await manager.request('POST', '/api/master-plans', {
      titleKo: '제2차 북한이탈주민 정착지원 기본계획',
      titleEn: 'Second Master Plan for Settlement Support',
      startYear: 2018,
      endYear: 2020,
      categories: [{ code: 1, nameKo: '일자리', nameEn: 'Jobs', goal: '' }],
    });
    expect(master.statusCode, master.body).toBe(201);
    const created = await manager.request('POST', '/api/plans', {
      masterPlanId: master.json().id,
      year: 2020,
    });
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
    for (const [key, code, lead] of [
      [task11, '1-1', nowon],
      [task12, '1-2', employment],
      [task21, '1-3', nowon],
    ] as const) {
      const saved = await manager.request('PUT', `/api/plans/${planId}/tasks/${key}`, {
        version: await version(),
        task: {
          key,
          code,
          title: `과제 ${code}`,
          description: '',
          leadOrganizationId: lead,
          cooperatingOrganizationIds: [],
          kpis: [],
          milestones: [],
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const consultation = await manager.request('PUT', `/api/plans/${planId}/consultation`, {
      version: await version(),
      consultation: {
        startsOn: '2020-02-03',
        endsOn: '2020-02-07',
        organizationIds: [nowon],
        councilMemberIds: [],
        message: '의견을 보내 주십시오.',
      },
    });
    expect(consultation.statusCode, consultation.body).toBe(200);
    for (const to of ['in_consultation', 'finalized', 'in_execution']) {
      if (to === 'finalized') {
        const none = await nowonReporter.request('POST', `/api/plans/${planId}/no-comment`, {
          noComment: true,
        });
        expect(none.statusCode, none.body).toBe(204);
      }
      const moved = await manager.request('POST', `/api/plans/${planId}/transitions`, {
        to,
        version: await version(),
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    clock = new Date('2020-04-05T01:00:00Z');
    manager = await platform.signIn('demo-plan-manager');
    nowonReporter = await platform.signIn('test-nowon-reporter');
    employmentReporter = await platform.signIn('test-employment-reporter');
  });
  afterAll(() => platform.close());

  let uploaded: { fileId: string; name: string; contentType: string; sizeBytes: number };

  it('stores the lead reporter’s file with its digest, and gives the same bytes back to a plan reader', async () => {
    const response = await upload(nowonReporter, task11, '1분기 결과보고서.pdf', 'application/pdf', pdf);
    expect(response.statusCode, response.body).toBe(201);
    uploaded = response.json();
    expect(uploaded).toEqual({
      fileId: expect.any(String),
      name: '1분기 결과보고서.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
    });
    const [created] = await platform.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'plan_evidence_file'), eq(auditLog.action, 'create')));
    expect(created?.detail).toEqual({
      planId,
      taskKey: task11,
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });

    const download = await manager.request('GET', `/api/plans/evidence/${uploaded.fileId}`);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('1분기 결과보고서.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const [exported] = await platform.deps.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(exported).toMatchObject({
      action: 'export',
      entityType: 'plan_evidence_file',
      entityId: uploaded.fileId,
      actorUsername: 'demo-plan-manager',
    });
  });

  it('refuses a reporter of another organization, and a reader who does not report', async () => {
    const stranger = await upload(employmentReporter, task11, '보고서.pdf', 'application/pdf', pdf);
    expect(stranger.statusCode, stranger.body).toBe(403);
    expect(stranger.json().reason).toBe('not_lead_organization');
    const reader = await upload(manager, task11, '보고서.pdf', 'application/pdf', pdf);
    expect(reader.statusCode, reader.body).toBe(403);
  });

  it('refuses a type that is not allowed, by extension or by declared type, in both languages', async () => {
    const exe = await upload(nowonReporter, task11, 'setup.exe', 'application/x-msdownload', pdf);
    expect(exe.statusCode, exe.body).toBe(400);
    expect(JSON.stringify(exe.json())).toContain('증빙자료는 PDF');
    const disguised = await upload(nowonReporter, task11, '보고서.pdf', 'text/html', pdf);
    expect(disguised.statusCode, disguised.body).toBe(400);
    const english = await platform.app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/tasks/${task11}/evidence`,
      headers: {
        cookie: nowonReporter.cookie,
        'x-csrf-token': nowonReporter.csrfToken,
        'accept-language': 'en',
      },
      payload: { fileName: 'run.exe', contentType: 'application/octet-stream', contentBase64: 'TVo=' },
    });
    expect(english.statusCode, english.body).toBe(400);
    expect(english.body).toContain('Evidence may be a PDF');
  });

  it('accepts a file of exactly 10 MiB and refuses one byte more', async () => {
    const limit = 10 * 1024 * 1024;
    const atLimit = await upload(nowonReporter, task11, '사진.png', 'image/png', Buffer.alloc(limit, 1));
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    const over = await upload(nowonReporter, task11, '사진.png', 'image/png', Buffer.alloc(limit + 1, 1));
    expect(over.statusCode, over.body).toBe(413);
    expect(over.body).toContain('10MB');
  });

  it('files a report citing the uploaded file, and its view lists the file', async () => {
    const filed = await report(task11, [uploaded]);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().evidence).toEqual([uploaded]);
    const listed = await manager.request('GET', `/api/plans/${planId}/tasks/${task11}/reports`);
    expect(listed.json().items[0].evidence).toEqual([uploaded]);
  });

  it('refuses a report citing an unknown file, another task’s file or a changed name, and writes nothing', async () => {
    const other = await upload(
      nowonReporter,
      task21,
      '다른 과제.txt',
      'text/plain',
      Buffer.from('다른 과제'),
    );
    expect(other.statusCode, other.body).toBe(201);
    const refusals = [
      [{ ...uploaded, fileId: randomUUID() }],
      [other.json()],
      [{ ...uploaded, name: '바꾼 이름.pdf' }],
      [uploaded, uploaded],
    ];
    for (const evidence of refusals) {
      const refused = await report(task11, evidence, { version: 1, narrative: '고친 실적' });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.body).toContain('이 과제에 올린 증빙자료만');
    }
    const listed = await manager.request('GET', `/api/plans/${planId}/tasks/${task11}/reports`);
    expect(listed.json().items[0]).toMatchObject({
      narrative: '1분기 추진 실적',
      evidence: [uploaded],
      version: 1,
    });
  });

  it('refuses a case worker the download', async () => {
    const caseWorker = await platform.signIn('demo-case-worker');
    const refused = await caseWorker.request('GET', `/api/plans/evidence/${uploaded.fileId}`);
    expect(refused.statusCode, refused.body).toBe(403);
    const unknown = await manager.request('GET', `/api/plans/evidence/${randomUUID()}`);
    expect(unknown.statusCode, unknown.body).toBe(404);
  });
});
