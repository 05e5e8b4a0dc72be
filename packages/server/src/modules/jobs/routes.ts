import {
  ApplicationCreate,
  ApplicationList,
  ApplicationMove,
  ApplicationView,
  CandidateList,
  CourseEnrolmentList,
  CourseInput,
  CourseList,
  CourseView,
  EmployerInput,
  EmployerList,
  EmployerView,
  EmploymentRecordInput,
  EmploymentRecordView,
  EnrolmentChange,
  EnrolmentCreate,
  EnrolmentView,
  IncentivePaymentInput,
  IncentiveStatementView,
  JobFairRequest,
  JobFairResult,
  JobsReport,
  JobsReportQuery,
  type Permission,
  PersonJobs,
  PostingInput,
  PostingList,
  PostingQuery,
  PostingRecommendationList,
  PostingView,
  SeekerList,
  SeekerProfileInput,
  SeekerProfileView,
  SeekerQuery,
} from '@ieum/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/actor';
import { createApplication, moveApplication, postingApplications } from './applications';
import { changeEnrolment, courseEnrolments, enrolPerson, listCourses, saveCourse } from './courses';
import { listEmployers, saveEmployer } from './employers';
import { addEmploymentRecord, changeEmploymentRecord } from './employment';
import { readIncentiveStatement, recordIncentivePayment } from './incentives';
import { proposeJobFair } from './job-fair';
import { jobsReport } from './jobs-report';
import { getPosting, listPostings, savePosting } from './postings';
import { listSeekers, readPersonJobs } from './read-person-jobs';
import { recommendCandidates, recommendPostingsFor } from './recommend';
import { saveSeekerProfile } from './seeker-profile';

const can = (permission: Extract<Permission, `jobs.${string}` | `incentives.${string}`>) =>
  ({ access: { kind: 'permission', permission } }) as const;
const ById = z.object({ id: z.uuid() });

/**
 * Jobs: a person's seeker profile, training, recommendations, applications, employment and incentives; the
 * employers, postings and courses everybody in employment support shares; the job fair and the reports.
 */
export async function jobsRoutes(scope: FastifyInstance, deps: Deps): Promise<void> {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];

  // ——— one person ———

  app.get(
    '/api/persons/:id/jobs',
    { config: can('jobs.read'), schema: { tags, params: ById, response: { 200: PersonJobs } } },
    async (request) => readPersonJobs(deps, { actor: actorOf(request), personId: request.params.id }),
  );

  app.put(
    '/api/persons/:id/jobs/profile',
    {
      config: can('jobs.write'),
      schema: { tags, params: ById, body: SeekerProfileInput, response: { 200: SeekerProfileView } },
    },
    async (request) =>
      saveSeekerProfile(deps, { actor: actorOf(request), personId: request.params.id, input: request.body }),
  );

  app.get(
    '/api/persons/:id/jobs/recommendations',
    {
      config: can('jobs.read'),
      schema: { tags, params: ById, response: { 200: PostingRecommendationList } },
    },
    async (request) => recommendPostingsFor(deps, { actor: actorOf(request), personId: request.params.id }),
  );

  app.post(
    '/api/persons/:id/jobs/applications',
    {
      config: can('jobs.write'),
      schema: { tags, params: ById, body: ApplicationCreate, response: { 201: ApplicationView } },
    },
    async (request, reply) => {
      const created = await createApplication(deps, {
        actor: actorOf(request),
        personId: request.params.id,
        ...request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/jobs/applications/:id/move',
    {
      config: can('jobs.write'),
      schema: { tags, params: ById, body: ApplicationMove, response: { 200: ApplicationView } },
    },
    async (request) =>
      moveApplication(deps, {
        actor: actorOf(request),
        applicationId: request.params.id,
        move: request.body,
      }),
  );

  app.post(
    '/api/persons/:id/jobs/employment',
    {
      config: can('jobs.write'),
      schema: { tags, params: ById, body: EmploymentRecordInput, response: { 201: EmploymentRecordView } },
    },
    async (request, reply) => {
      const created = await addEmploymentRecord(deps, {
        actor: actorOf(request),
        personId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/jobs/employment/:id',
    {
      config: can('jobs.write'),
      schema: { tags, params: ById, body: EmploymentRecordInput, response: { 200: EmploymentRecordView } },
    },
    async (request) =>
      changeEmploymentRecord(deps, {
        actor: actorOf(request),
        recordId: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/api/persons/:id/jobs/enrolments',
    {
      config: can('jobs.write'),
      schema: { tags, params: ById, body: EnrolmentCreate, response: { 201: EnrolmentView } },
    },
    async (request, reply) => {
      const created = await enrolPerson(deps, {
        actor: actorOf(request),
        personId: request.params.id,
        courseId: request.body.courseId,
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/jobs/enrolments/:id',
    {
      config: can('jobs.write'),
      schema: { tags, params: ById, body: EnrolmentChange, response: { 200: EnrolmentView } },
    },
    async (request) =>
      changeEnrolment(deps, {
        actor: actorOf(request),
        enrolmentId: request.params.id,
        change: request.body,
      }),
  );

  app.get(
    '/api/persons/:id/incentives',
    { config: can('jobs.read'), schema: { tags, params: ById, response: { 200: IncentiveStatementView } } },
    async (request) => readIncentiveStatement(deps, { actor: actorOf(request), personId: request.params.id }),
  );

  app.post(
    '/api/persons/:id/incentives/payments',
    {
      config: can('incentives.pay'),
      schema: { tags, params: ById, body: IncentivePaymentInput, response: { 201: IncentiveStatementView } },
    },
    async (request, reply) => {
      const statement = await recordIncentivePayment(deps, {
        actor: actorOf(request),
        personId: request.params.id,
        input: request.body,
      });
      return reply.status(201).send(statement);
    },
  );

  app.get(
    '/api/jobs/seekers',
    { config: can('jobs.read'), schema: { tags, querystring: SeekerQuery, response: { 200: SeekerList } } },
    async (request) => listSeekers(deps, { actor: actorOf(request), ...request.query }),
  );

  // ——— employers, postings, courses ———

  app.get(
    '/api/jobs/employers',
    { config: can('jobs.read'), schema: { tags, response: { 200: EmployerList } } },
    async () => listEmployers(deps),
  );

  app.post(
    '/api/jobs/employers',
    { config: can('jobs.employers'), schema: { tags, body: EmployerInput, response: { 201: EmployerView } } },
    async (request, reply) =>
      reply.status(201).send(await saveEmployer(deps, { actor: actorOf(request), input: request.body })),
  );

  app.put(
    '/api/jobs/employers/:id',
    {
      config: can('jobs.employers'),
      schema: { tags, params: ById, body: EmployerInput, response: { 200: EmployerView } },
    },
    async (request) =>
      saveEmployer(deps, { actor: actorOf(request), employerId: request.params.id, input: request.body }),
  );

  app.get(
    '/api/jobs/postings',
    { config: can('jobs.read'), schema: { tags, querystring: PostingQuery, response: { 200: PostingList } } },
    async (request) => listPostings(deps, request.query),
  );

  app.get(
    '/api/jobs/postings/:id',
    { config: can('jobs.read'), schema: { tags, params: ById, response: { 200: PostingView } } },
    async (request) => getPosting(deps.db, request.params.id),
  );

  app.post(
    '/api/jobs/postings',
    { config: can('jobs.employers'), schema: { tags, body: PostingInput, response: { 201: PostingView } } },
    async (request, reply) =>
      reply.status(201).send(await savePosting(deps, { actor: actorOf(request), input: request.body })),
  );

  app.put(
    '/api/jobs/postings/:id',
    {
      config: can('jobs.employers'),
      schema: { tags, params: ById, body: PostingInput, response: { 200: PostingView } },
    },
    async (request) =>
      savePosting(deps, { actor: actorOf(request), postingId: request.params.id, input: request.body }),
  );

  app.get(
    '/api/jobs/postings/:id/candidates',
    { config: can('jobs.read'), schema: { tags, params: ById, response: { 200: CandidateList } } },
    async (request) => recommendCandidates(deps, { actor: actorOf(request), postingId: request.params.id }),
  );

  app.get(
    '/api/jobs/postings/:id/applications',
    { config: can('jobs.read'), schema: { tags, params: ById, response: { 200: ApplicationList } } },
    async (request) => postingApplications(deps, { actor: actorOf(request), postingId: request.params.id }),
  );

  app.get(
    '/api/jobs/courses',
    { config: can('jobs.read'), schema: { tags, response: { 200: CourseList } } },
    async () => listCourses(deps),
  );

  app.post(
    '/api/jobs/courses',
    { config: can('jobs.employers'), schema: { tags, body: CourseInput, response: { 201: CourseView } } },
    async (request, reply) =>
      reply.status(201).send(await saveCourse(deps, { actor: actorOf(request), input: request.body })),
  );

  app.put(
    '/api/jobs/courses/:id',
    {
      config: can('jobs.employers'),
      schema: { tags, params: ById, body: CourseInput, response: { 200: CourseView } },
    },
    async (request) =>
      saveCourse(deps, { actor: actorOf(request), courseId: request.params.id, input: request.body }),
  );

  app.get(
    '/api/jobs/courses/:id/enrolments',
    { config: can('jobs.read'), schema: { tags, params: ById, response: { 200: CourseEnrolmentList } } },
    async (request) => courseEnrolments(deps, { actor: actorOf(request), courseId: request.params.id }),
  );

  // ——— job fair, reports ———

  app.post(
    '/api/jobs/fair',
    { config: can('jobs.read'), schema: { tags, body: JobFairRequest, response: { 200: JobFairResult } } },
    async (request) => proposeJobFair(deps, { actor: actorOf(request), ...request.body }),
  );

  app.get(
    '/api/jobs/reports',
    {
      config: can('jobs.reports'),
      schema: { tags, querystring: JobsReportQuery, response: { 200: JobsReport } },
    },
    async (request) => jobsReport(deps, { actor: actorOf(request), ...request.query }),
  );
}
