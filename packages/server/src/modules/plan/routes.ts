import {
  CategoryUpdateInput,
  CommentInput,
  CommentResolutionInput,
  CommentView,
  ConsultationView,
  ConsultationWriteInput,
  CouncilCandidateList,
  DashboardQuery,
  DueReportList,
  KpiValueView,
  MasterPlanInput,
  MasterPlanList,
  MasterPlanView,
  NoCommentInput,
  OverdueReportList,
  type Permission,
  PlanCreateInput,
  PlanDashboard,
  PlanDetail,
  PlanDiff,
  PlanDiffQuery,
  PlanList,
  PlanQuery,
  PlanTransitionInput,
  PlanUpdateInput,
  ProgressReportInput,
  ProgressReportView,
  Quarter,
  RevisionCreateInput,
  TaskWriteInput,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { commentOnPlan, declareNoComment } from './comment-on-plan';
import { createMasterPlan, listMasterPlans } from './create-master-plan';
import { createPlan } from './create-plan';
import { planEvidenceRoutes } from './evidence-routes';
import { fileProgressReport, listTaskReports } from './file-progress-report';
import { listCouncilCandidates } from './list-council-candidates';
import { listDueReports } from './list-due-reports';
import { listOverdueReports } from './list-overdue-reports';
import { readConsultation } from './read-consultation';
import { readKpiRegions } from './read-kpi-regions';
import { readPlanDashboard } from './read-plan-dashboard';
import { readPlanDiff } from './read-plan-diff';
import { listPlans, readPlan } from './read-plans';
import { resolveComment } from './resolve-comment';
import { removeTask, saveTask } from './save-task';
import { setConsultation } from './set-consultation';
import { startRevision } from './start-revision';
import { planTransferRoutes } from './transfer-routes';
import { transitionPlan } from './transition-plan';
import { updateCategory, updatePlan } from './update-plan';

const can = (permission: Extract<Permission, `plans.${string}`>) =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });
const ByTask = z.object({ id: z.uuid(), key: z.uuid() });
const ByCategory = z.object({ id: z.uuid(), code: z.coerce.number().int().min(1).max(9) });
const InQuarter = z.object({ quarter: z.coerce.number().pipe(Quarter) });
const KpiRegionList = z.object({ items: z.array(KpiValueView) });
const ProgressReportList = z.object({ items: z.array(ProgressReportView) });
const AtVersion = z.object({ version: z.coerce.number().int() });

/**
 * The implementation plan: master plans, yearly plans and their revisions, tasks and KPIs, the written
 * consultation, quarterly reports. `GET /api/plans` and `GET /api/plans/{id}` are the minimal contract for
 * scripts (issue 4): keep them backward compatible.
 */
export async function planRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['plans'];

  app.get(
    '/api/master-plans',
    { config: can('plans.read'), schema: { tags, response: { 200: MasterPlanList } } },
    async () => listMasterPlans(deps),
  );

  app.post(
    '/api/master-plans',
    {
      config: can('plans.manage'),
      schema: { tags, body: MasterPlanInput, response: { 201: MasterPlanView } },
    },
    async (request, reply) =>
      reply.status(201).send(await createMasterPlan(deps, { actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/plans',
    { config: can('plans.read'), schema: { tags, querystring: PlanQuery, response: { 200: PlanList } } },
    async (request) => listPlans(deps, { query: request.query }),
  );

  app.post(
    '/api/plans',
    { config: can('plans.manage'), schema: { tags, body: PlanCreateInput, response: { 201: PlanDetail } } },
    async (request, reply) =>
      reply.status(201).send(await createPlan(deps, { actor: actorOf(request), input: request.body })),
  );

  app.get(
    '/api/plans/:id',
    { config: can('plans.read'), schema: { tags, params: ById, response: { 200: PlanDetail } } },
    async (request) => readPlan(deps, { planId: request.params.id }),
  );

  app.put(
    '/api/plans/:id',
    {
      config: can('plans.manage'),
      schema: { tags, params: ById, body: PlanUpdateInput, response: { 200: PlanDetail } },
    },
    async (request) =>
      updatePlan(deps, { actor: actorOf(request), planId: request.params.id, input: request.body }),
  );

  app.put(
    '/api/plans/:id/categories/:code',
    {
      config: can('plans.manage'),
      schema: { tags, params: ByCategory, body: CategoryUpdateInput, response: { 200: PlanDetail } },
    },
    async (request) =>
      updateCategory(deps, {
        actor: actorOf(request),
        planId: request.params.id,
        code: request.params.code,
        input: request.body,
      }),
  );

  app.put(
    '/api/plans/:id/tasks/:key',
    {
      config: can('plans.manage'),
      schema: { tags, params: ByTask, body: TaskWriteInput, response: { 200: PlanDetail } },
    },
    async (request) =>
      saveTask(deps, {
        actor: actorOf(request),
        planId: request.params.id,
        taskKey: request.params.key,
        ...request.body,
      }),
  );

  app.delete(
    '/api/plans/:id/tasks/:key',
    {
      config: can('plans.manage'),
      schema: { tags, params: ByTask, querystring: AtVersion, response: { 200: PlanDetail } },
    },
    async (request) =>
      removeTask(deps, {
        actor: actorOf(request),
        planId: request.params.id,
        taskKey: request.params.key,
        version: request.query.version,
      }),
  );

  app.post(
    '/api/plans/:id/transitions',
    {
      config: can('plans.manage'),
      schema: { tags, params: ById, body: PlanTransitionInput, response: { 200: PlanDetail } },
    },
    async (request) =>
      transitionPlan(deps, { actor: actorOf(request), planId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/plans/:id/revisions',
    {
      config: can('plans.manage'),
      schema: { tags, params: ById, body: RevisionCreateInput, response: { 201: PlanDetail } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await startRevision(deps, { actor: actorOf(request), planId: request.params.id, ...request.body }),
        ),
  );

  app.get(
    '/api/plans/:id/diff',
    {
      config: can('plans.read'),
      schema: { tags, params: ById, querystring: PlanDiffQuery, response: { 200: PlanDiff } },
    },
    async (request) =>
      readPlanDiff(deps, {
        planId: request.params.id,
        ...(request.query.from ? { fromPlanId: request.query.from } : {}),
        locale: request.locale,
      }),
  );

  app.get(
    '/api/plans/:id/kpis/:key/regions',
    {
      config: can('plans.read'),
      schema: { tags, params: ByTask, querystring: InQuarter, response: { 200: KpiRegionList } },
    },
    async (request) =>
      readKpiRegions(deps, {
        planId: request.params.id,
        kpiKey: request.params.key,
        quarter: request.query.quarter,
      }),
  );

  // ——— consultation ———

  // A static segment: find-my-way prefers it to `/api/plans/:id` (plan-dashboard.test.ts checks).
  app.get(
    '/api/plans/council-candidates',
    { config: can('plans.manage'), schema: { tags, response: { 200: CouncilCandidateList } } },
    async () => listCouncilCandidates(deps),
  );

  app.get(
    '/api/plans/:id/consultation',
    { config: can('plans.read'), schema: { tags, params: ById, response: { 200: ConsultationView } } },
    async (request) => readConsultation(deps, { planId: request.params.id }),
  );

  app.put(
    '/api/plans/:id/consultation',
    {
      config: can('plans.manage'),
      schema: { tags, params: ById, body: ConsultationWriteInput, response: { 200: ConsultationView } },
    },
    async (request) =>
      setConsultation(deps, { actor: actorOf(request), planId: request.params.id, ...request.body }),
  );

  app.post(
    '/api/plans/:id/comments',
    {
      config: can('plans.comment'),
      schema: { tags, params: ById, body: CommentInput, response: { 201: CommentView } },
    },
    async (request, reply) =>
      reply.status(201).send(
        await commentOnPlan(deps, {
          actor: actorOf(request),
          planId: request.params.id,
          input: request.body,
        }),
      ),
  );

  app.post(
    '/api/plans/:id/no-comment',
    { config: can('plans.comment'), schema: { tags, params: ById, body: NoCommentInput } },
    async (request, reply) => {
      await declareNoComment(deps, { actor: actorOf(request), planId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/plans/comments/:id/resolution',
    {
      config: can('plans.manage'),
      schema: { tags, params: ById, body: CommentResolutionInput, response: { 200: CommentView } },
    },
    async (request) =>
      resolveComment(deps, { actor: actorOf(request), commentId: request.params.id, input: request.body }),
  );

  // ——— execution ———

  app.post(
    '/api/plans/:id/tasks/:key/reports',
    {
      config: can('plans.report'),
      schema: { tags, params: ByTask, body: ProgressReportInput, response: { 200: ProgressReportView } },
    },
    async (request) =>
      fileProgressReport(deps, {
        actor: actorOf(request),
        planId: request.params.id,
        taskKey: request.params.key,
        input: request.body,
      }),
  );

  app.get(
    '/api/plans/:id/tasks/:key/reports',
    { config: can('plans.read'), schema: { tags, params: ByTask, response: { 200: ProgressReportList } } },
    async (request) => listTaskReports(deps, { planId: request.params.id, taskKey: request.params.key }),
  );

  app.get(
    '/api/plans/:id/overdue-reports',
    { config: can('plans.read'), schema: { tags, params: ById, response: { 200: OverdueReportList } } },
    async (request) => listOverdueReports(deps, { planId: request.params.id }),
  );

  app.get(
    '/api/plans/:id/dashboard',
    {
      config: can('plans.read'),
      schema: { tags, params: ById, querystring: DashboardQuery, response: { 200: PlanDashboard } },
    },
    async (request) => readPlanDashboard(deps, { planId: request.params.id, query: request.query }),
  );

  app.get(
    '/api/plan-reports/due',
    { config: can('plans.report'), schema: { tags, response: { 200: DueReportList } } },
    async (request) => listDueReports(deps, { actor: actorOf(request) }),
  );

  await planTransferRoutes(scope, deps);
  await planEvidenceRoutes(scope, deps);
}
