import casesEn from '../modules/cases/i18n/en.json';
import casesKo from '../modules/cases/i18n/ko.json';
import dashboardEn from '../modules/dashboard/i18n/en.json';
import dashboardKo from '../modules/dashboard/i18n/ko.json';
import importsEn from '../modules/imports/i18n/en.json';
import importsKo from '../modules/imports/i18n/ko.json';
import jobsEn from '../modules/jobs/i18n/en.json';
import jobsKo from '../modules/jobs/i18n/ko.json';
import mergeEn from '../modules/merge/i18n/en.json';
import mergeKo from '../modules/merge/i18n/ko.json';
import personTimelineEn from '../modules/person-timeline/i18n/en.json';
import personTimelineKo from '../modules/person-timeline/i18n/ko.json';
import planConsultationEn from '../modules/plan/i18n/consultation.en.json';
import planConsultationKo from '../modules/plan/i18n/consultation.ko.json';
import planEn from '../modules/plan/i18n/en.json';
import planKo from '../modules/plan/i18n/ko.json';
import planRevisionsEn from '../modules/plan/i18n/revisions.en.json';
import planRevisionsKo from '../modules/plan/i18n/revisions.ko.json';
import planTasksEn from '../modules/plan/i18n/tasks.en.json';
import planTasksKo from '../modules/plan/i18n/tasks.ko.json';
import protectionEn from '../modules/protection/i18n/en.json';
import protectionKo from '../modules/protection/i18n/ko.json';
import referralsEn from '../modules/referrals/i18n/en.json';
import referralsKo from '../modules/referrals/i18n/ko.json';
import transfersEn from '../modules/transfers/i18n/en.json';
import transfersKo from '../modules/transfers/i18n/ko.json';
import coreEn from './en.json';
import coreKo from './ko.json';

/**
 * The UI's messages. Shared words (navigation, errors, enums, the platform's pages) live in `./ko.json` and
 * `./en.json`; each business module keeps its own messages beside its code in `modules/<name>/i18n/` and they
 * appear here under the module's name (`t('cases.…')`; the plan module's larger parts keep a file each), so modules can grow without touching one shared file.
 */
export const ko = {
  ...coreKo,
  cases: casesKo,
  dashboard: dashboardKo,
  imports: importsKo,
  jobs: jobsKo,
  merge: mergeKo,
  personTimeline: personTimelineKo,
  plan: { ...planKo, consultation: planConsultationKo, revisions: planRevisionsKo, tasks: planTasksKo },
  protection: protectionKo,
  referrals: referralsKo,
  transfers: transfersKo,
};

export const en: typeof ko = {
  ...coreEn,
  cases: casesEn,
  dashboard: dashboardEn,
  imports: importsEn,
  jobs: jobsEn,
  merge: mergeEn,
  personTimeline: personTimelineEn,
  plan: { ...planEn, consultation: planConsultationEn, revisions: planRevisionsEn, tasks: planTasksEn },
  protection: protectionEn,
  referrals: referralsEn,
  transfers: transfersEn,
};
