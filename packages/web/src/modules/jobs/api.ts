import {
  type ApplicationCreate,
  ApplicationList,
  type ApplicationMove,
  ApplicationView,
  CandidateList,
  CourseEnrolmentList,
  type CourseInput,
  CourseList,
  CourseView,
  type EmployerInput,
  EmployerList,
  EmployerView,
  type EmploymentRecordInput,
  EmploymentRecordView,
  type EnrolmentChange,
  type EnrolmentCreate,
  EnrolmentView,
  type IncentivePaymentInput,
  IncentiveStatementView,
  type JobFairRequest,
  JobFairResult,
  JobsReport,
  PersonJobs,
  type PostingInput,
  PostingList,
  PostingRecommendationList,
  PostingView,
  type Region,
  SeekerList,
  type SeekerProfileInput,
  SeekerProfileView,
  type SeekerStatus,
} from '@ieum/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from '../../platform/api';

export type PersonJobsData = ReturnType<typeof PersonJobs.parse>;
export type SeekerProfileData = ReturnType<typeof SeekerProfileView.parse>;
export type ApplicationData = ReturnType<typeof ApplicationView.parse>;
export type EmploymentRecordData = ReturnType<typeof EmploymentRecordView.parse>;
export type TenureData = PersonJobsData['tenure'][number];
export type EnrolmentData = ReturnType<typeof EnrolmentView.parse>;
export type RecommendationListData = ReturnType<typeof PostingRecommendationList.parse>;
export type RecommendationData = RecommendationListData['items'][number];
export type MatchFactorData = RecommendationData['factors'][number];
export type CandidateData = ReturnType<typeof CandidateList.parse>['items'][number];
export type StatementData = ReturnType<typeof IncentiveStatementView.parse>;
export type IncentiveLineData = StatementData['lines'][number];
export type SeekerListData = ReturnType<typeof SeekerList.parse>;
export type EmployerData = ReturnType<typeof EmployerView.parse>;
export type PostingData = ReturnType<typeof PostingView.parse>;
export type PostingListData = ReturnType<typeof PostingList.parse>;
export type CourseData = ReturnType<typeof CourseView.parse>;
export type CourseEnrolmentsData = ReturnType<typeof CourseEnrolmentList.parse>;
export type JobFairResultData = ReturnType<typeof JobFairResult.parse>;
export type JobsReportData = ReturnType<typeof JobsReport.parse>;

export type ApplicationCreateInput = ReturnType<typeof ApplicationCreate.parse>;
type JobFairInput = ReturnType<typeof JobFairRequest.parse>;

export type {
  ApplicationMove,
  CourseInput,
  EmployerInput,
  EmploymentRecordInput,
  EnrolmentChange,
  IncentivePaymentInput,
  PostingInput,
  SeekerProfileInput,
};

export const SEEKER_PAGE_SIZE = 25;
export const POSTING_PAGE_SIZE = 25;
/** The job fair chooses among open postings: as many as the list API gives in one page. */
export const FAIR_POSTING_LIMIT = 100;

export interface SeekerFilters {
  status: SeekerStatus | null;
  occupation: string | null;
  page: number;
}

export interface PostingFilters {
  status: 'open' | 'closed' | null;
  employerId: string | null;
  occupation: string | null;
  region: Region | null;
  page: number;
}

export const jobsKeys = {
  all: ['jobs'] as const,
  person: (personId: string) => ['jobs', 'person', personId] as const,
  recommendations: (personId: string) => ['jobs', 'recommendations', personId] as const,
  incentives: (personId: string) => ['jobs', 'incentives', personId] as const,
  seekers: (filters: SeekerFilters) => ['jobs', 'seekers', filters] as const,
  employers: ['jobs', 'employers'] as const,
  postings: (filters: PostingFilters, pageSize: number) => ['jobs', 'postings', filters, pageSize] as const,
  posting: (id: string) => ['jobs', 'posting', id] as const,
  candidates: (postingId: string) => ['jobs', 'candidates', postingId] as const,
  postingApplications: (postingId: string) => ['jobs', 'posting-applications', postingId] as const,
  courses: ['jobs', 'courses'] as const,
  courseEnrolments: (courseId: string) => ['jobs', 'course-enrolments', courseId] as const,
  report: (from: string, to: string) => ['jobs', 'report', from, to] as const,
};

const path = (...segments: string[]) => segments.map((segment) => encodeURIComponent(segment)).join('/');
const personPath = (personId: string, ...rest: string[]) => `/api/persons/${path(personId, ...rest)}`;

// ——— one person ———

export function usePersonJobs(personId: string) {
  return useQuery({
    queryKey: jobsKeys.person(personId),
    queryFn: ({ signal }) => request(personPath(personId, 'jobs'), { schema: PersonJobs, signal }),
  });
}

export function saveSeekerProfile(personId: string, input: SeekerProfileInput): Promise<SeekerProfileData> {
  return request(personPath(personId, 'jobs', 'profile'), {
    method: 'PUT',
    body: input,
    schema: SeekerProfileView,
  });
}

/** Asked only once a profile exists: without one there is nothing to match. */
export function useRecommendations(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: jobsKeys.recommendations(personId),
    queryFn: ({ signal }) =>
      request(personPath(personId, 'jobs', 'recommendations'), { schema: PostingRecommendationList, signal }),
    enabled,
  });
}

export function createApplication(personId: string, input: ApplicationCreateInput): Promise<ApplicationData> {
  return request(personPath(personId, 'jobs', 'applications'), {
    method: 'POST',
    body: input,
    schema: ApplicationView,
  });
}

export function moveApplication(id: string, input: ApplicationMove): Promise<ApplicationData> {
  return request(`/api/jobs/applications/${path(id)}/move`, {
    method: 'POST',
    body: input,
    schema: ApplicationView,
  });
}

export function addEmployment(personId: string, input: EmploymentRecordInput): Promise<EmploymentRecordData> {
  return request(personPath(personId, 'jobs', 'employment'), {
    method: 'POST',
    body: input,
    schema: EmploymentRecordView,
  });
}

export function updateEmployment(id: string, input: EmploymentRecordInput): Promise<EmploymentRecordData> {
  return request(`/api/jobs/employment/${path(id)}`, {
    method: 'PUT',
    body: input,
    schema: EmploymentRecordView,
  });
}

export function enrol(
  personId: string,
  input: ReturnType<typeof EnrolmentCreate.parse>,
): Promise<EnrolmentData> {
  return request(personPath(personId, 'jobs', 'enrolments'), {
    method: 'POST',
    body: input,
    schema: EnrolmentView,
  });
}

export function changeEnrolment(id: string, input: EnrolmentChange): Promise<EnrolmentData> {
  return request(`/api/jobs/enrolments/${path(id)}`, { method: 'PUT', body: input, schema: EnrolmentView });
}

export function useIncentives(personId: string) {
  return useQuery({
    queryKey: jobsKeys.incentives(personId),
    queryFn: ({ signal }) =>
      request(personPath(personId, 'incentives'), { schema: IncentiveStatementView, signal }),
  });
}

export function recordIncentivePayment(
  personId: string,
  input: IncentivePaymentInput,
): Promise<StatementData> {
  return request(personPath(personId, 'incentives', 'payments'), {
    method: 'POST',
    body: input,
    schema: IncentiveStatementView,
  });
}

// ——— seekers, employers, postings ———

export function useSeekers(filters: SeekerFilters) {
  return useQuery({
    queryKey: jobsKeys.seekers(filters),
    queryFn: ({ signal }) =>
      request('/api/jobs/seekers', {
        query: {
          status: filters.status,
          occupation: filters.occupation,
          page: filters.page,
          pageSize: SEEKER_PAGE_SIZE,
        },
        schema: SeekerList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useEmployers(enabled = true) {
  return useQuery({
    queryKey: jobsKeys.employers,
    queryFn: ({ signal }) => request('/api/jobs/employers', { schema: EmployerList, signal }),
    enabled,
  });
}

export function createEmployer(input: EmployerInput): Promise<EmployerData> {
  return request('/api/jobs/employers', { method: 'POST', body: input, schema: EmployerView });
}

export function updateEmployer(id: string, input: EmployerInput): Promise<EmployerData> {
  return request(`/api/jobs/employers/${path(id)}`, { method: 'PUT', body: input, schema: EmployerView });
}

export function usePostings(filters: PostingFilters, pageSize = POSTING_PAGE_SIZE) {
  return useQuery({
    queryKey: jobsKeys.postings(filters, pageSize),
    queryFn: ({ signal }) =>
      request('/api/jobs/postings', {
        query: {
          status: filters.status,
          employerId: filters.employerId,
          occupation: filters.occupation,
          region: filters.region,
          page: filters.page,
          pageSize,
        },
        schema: PostingList,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePosting(id: string, enabled: boolean) {
  return useQuery({
    queryKey: jobsKeys.posting(id),
    queryFn: ({ signal }) => request(`/api/jobs/postings/${path(id)}`, { schema: PostingView, signal }),
    enabled,
  });
}

export function createPosting(input: PostingInput): Promise<PostingData> {
  return request('/api/jobs/postings', { method: 'POST', body: input, schema: PostingView });
}

export function updatePosting(id: string, input: PostingInput): Promise<PostingData> {
  return request(`/api/jobs/postings/${path(id)}`, { method: 'PUT', body: input, schema: PostingView });
}

export function useCandidates(postingId: string, enabled: boolean) {
  return useQuery({
    queryKey: jobsKeys.candidates(postingId),
    queryFn: ({ signal }) =>
      request(`/api/jobs/postings/${path(postingId)}/candidates`, { schema: CandidateList, signal }),
    enabled,
  });
}

export function usePostingApplications(postingId: string, enabled: boolean) {
  return useQuery({
    queryKey: jobsKeys.postingApplications(postingId),
    queryFn: ({ signal }) =>
      request(`/api/jobs/postings/${path(postingId)}/applications`, { schema: ApplicationList, signal }),
    enabled,
  });
}

// ——— training ———

export function useCourses(enabled = true) {
  return useQuery({
    queryKey: jobsKeys.courses,
    queryFn: ({ signal }) => request('/api/jobs/courses', { schema: CourseList, signal }),
    enabled,
  });
}

export function createCourse(input: CourseInput): Promise<CourseData> {
  return request('/api/jobs/courses', { method: 'POST', body: input, schema: CourseView });
}

export function updateCourse(id: string, input: CourseInput): Promise<CourseData> {
  return request(`/api/jobs/courses/${path(id)}`, { method: 'PUT', body: input, schema: CourseView });
}

export function useCourseEnrolments(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: jobsKeys.courseEnrolments(courseId),
    queryFn: ({ signal }) =>
      request(`/api/jobs/courses/${path(courseId)}/enrolments`, { schema: CourseEnrolmentList, signal }),
    enabled,
  });
}

// ——— job fair and reports ———

export function runJobFair(input: JobFairInput): Promise<JobFairResultData> {
  return request('/api/jobs/fair', { method: 'POST', body: input, schema: JobFairResult });
}

export function useJobsReport(from: string, to: string) {
  return useQuery({
    queryKey: jobsKeys.report(from, to),
    queryFn: ({ signal }) =>
      request('/api/jobs/reports', { query: { from, to }, schema: JobsReport, signal }),
    placeholderData: keepPreviousData,
  });
}
