import {
  type ApplicationMove,
  addDays,
  addMonths,
  areNeighbouringRegions,
  CAPITAL_REGION,
  type CourseInput,
  compareDates,
  daysBetween,
  IncentiveStatementView,
  type IsoDate,
  type JobPosting,
  type JobSeeker,
  type PostingInput,
  PostingRecommendationList,
  periodEnd,
  REGIONS,
  type Region,
  type Role,
  rulesFor,
  type SeekerConstraint,
  SeekerList,
  type SeekerListItem,
  type SeekerProfileInput,
  type SeekerStatus,
  scoreMatch,
  seoulDate,
  type WorkExperience,
  type WorkSchedule,
} from '@ieum/domain';
import { and, asc, count, eq, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import { createApplication, moveApplication } from '../modules/jobs/applications';
import { changeEnrolment, enrolPerson, saveCourse } from '../modules/jobs/courses';
import { saveEmployer } from '../modules/jobs/employers';
import { addEmploymentRecord, changeEmploymentRecord } from '../modules/jobs/employment';
import { readIncentiveStatement, recordIncentivePayment } from '../modules/jobs/incentives';
import { savePosting } from '../modules/jobs/postings';
import { employers as employersTable, employmentRecords, seekerProfiles } from '../modules/jobs/schema';
import { saveSeekerProfile } from '../modules/jobs/seeker-profile';
import { protectionProfiles } from '../modules/protection/schema';
import { personOfficers, persons } from '../modules/registry/schema';
import { completeTask } from '../modules/timeline/list-tasks';
import { tasks } from '../modules/timeline/schema';
import { appendAudit } from '../platform/audit/audit-log';
import { type Actor, runWithContext } from '../platform/context';
import { newId } from '../platform/db/ids';
import { organizations, users } from '../platform/db/schema';
import type { Deps } from '../platform/deps';
import { actorOf, at } from './demo-casework';
import { demoOrganizationIds } from './demo-organizations';
import { type Random, seededRandom } from './prng';

/**
 * Jobs for the demo: employers (a third of them firms employing defectors, for priority purchasing), postings
 * over the reference occupations with 2026 wages, training courses, seeker profiles for about 40% of the
 * working-age persons with work histories to match, and — for the persons the demo accounts serve — the work of
 * the year as it happened: profiles, applications at every stage, placements with their retention checks,
 * short jobs followed up, course completions with certificates, and incentive payments. The persons of the
 * centers no demo account works at get their profiles and insurance history written at once, with one audit
 * entry; everything else goes through the use cases the API calls, as its actor, with the clock of the day.
 *
 * The population is entirely past its five years of protection (arrivals end in 2020), so an incentive line
 * can only still fall due for someone whose period childbirths extended; the demo gives one such person to
 * the demo employment officer when the population has one. Every firm, school and course is made up and says
 * so with "(예시)". Runs once: a database that has any employer or seeker profile is left alone.
 */
export const DEMO_JOBS = {
  seed: 2026,
  employers: 60,
  /** Working-age persons with a seeker profile: at the demo case workers' centers, and elsewhere. */
  profileShare: { served: 0.55, elsewhere: 0.38 },
  /** Persons of the demo case worker's center whose employment protection officer is the demo officer. */
  officerPersons: 40,
} as const;

export interface DemoJobsResult {
  employers: number;
  priorityPurchasing: number;
  postings: number;
  closedPostings: number;
  courses: number;
  profiles: number;
  officerPersons: number;
  employmentRecords: number;
  applications: number;
  placements: number;
  earlyEnds: number;
  enrolments: number;
  payments: number;
}

// ——— reference: occupations, firms, courses ———

/** The 2026 minimum wage is 10,320 won an hour: 2,156,880 won a month of 209 hours. */
const MINIMUM_MONTHLY_WAGE = 2_156_880;

/** The hourly minimum wage by year (the rate in force for most of the year), to date older wages. */
const MINIMUM_HOURLY_WAGE: Readonly<Record<number, number>> = {
  2000: 1_865,
  2001: 2_100,
  2002: 2_275,
  2003: 2_510,
  2004: 2_840,
  2005: 3_100,
  2006: 3_480,
  2007: 3_480,
  2008: 3_770,
  2009: 4_000,
  2010: 4_110,
  2011: 4_320,
  2012: 4_580,
  2013: 4_860,
  2014: 5_210,
  2015: 5_580,
  2016: 6_030,
  2017: 6_470,
  2018: 7_530,
  2019: 8_350,
  2020: 8_590,
  2021: 8_720,
  2022: 9_160,
  2023: 9_620,
  2024: 9_860,
  2025: 10_030,
  2026: 10_320,
};

interface Occupation {
  /** A full-time month in 2026, and a part-time month where the work is offered part-time. */
  readonly wage: number;
  readonly partWage: number | null;
  /** The share of postings flagged as heavy physical work. */
  readonly heavy: number;
  readonly schedules: readonly (readonly [WorkSchedule, number])[];
  readonly skills: readonly string[];
  readonly preferred: readonly string[];
  /** A licence the work cannot be done without; and certificates that help. */
  readonly licence: readonly string[];
  readonly certificates: readonly string[];
  readonly korean: readonly [number, number];
  readonly titles: readonly string[];
}

const SCHEDULE_LETTERS: Readonly<Record<string, WorkSchedule>> = {
  d: 'day',
  e: 'evening',
  n: 'night',
  s: 'shift',
};

function occupation(
  wage: number,
  partWage: number | null,
  heavy: number,
  schedules: string,
  skills: readonly string[],
  preferred: readonly string[],
  certificates: readonly [readonly string[], readonly string[]],
  korean: readonly [number, number],
  titles: readonly string[],
): Occupation {
  return {
    wage,
    partWage,
    heavy,
    // The first letter is the usual schedule; the others occur.
    schedules: [...schedules].map((letter, i) => [SCHEDULE_LETTERS[letter] as WorkSchedule, i === 0 ? 3 : 1]),
    skills,
    preferred,
    licence: certificates[0],
    certificates: certificates[1],
    korean,
    titles,
  };
}

/** Codes from OCCUPATIONS_2018, skills from SKILLS and certificates from CERTIFICATES (domain/jobs/reference.ts). */
// biome-ignore format: a table reads best one row a line
const OCCUPATIONS: Readonly<Record<string, Occupation>> = {
  '0231': occupation(2_450_000, 1_300_000, 0, 'd', ['office_computer'], ['accounting', 'customer_service'], [[], ['computer_literacy']], [4, 5], ['사무 보조원', '총무 사무원']),
  '0232': occupation(2_600_000, 1_350_000, 0, 'd', ['office_computer', 'accounting'], [], [[], ['computerized_accounting']], [4, 5], ['경리 사무원', '회계 보조']),
  '0261': occupation(2_350_000, 1_250_000, 0, 'ds', ['customer_service'], ['office_computer'], [[], []], [4, 5], ['고객상담원(인바운드)', '주문 접수 상담원']),
  '0262': occupation(2_250_000, 1_150_000, 0, 'd', ['customer_service'], ['office_computer'], [[], []], [4, 4], ['안내·접수원', '병원 접수원']),
  '0421': occupation(2_800_000, null, 0, 'd', ['office_computer'], ['care'], [['social_worker'], []], [5, 5], ['생활지원 사회복지사']),
  '0423': occupation(2_300_000, 1_250_000, 0.5, 'dsn', ['care'], [], [['care_worker'], []], [3, 4], ['요양보호사(주간)', '재가 요양보호사', '요양원 요양보호사']),
  '0424': occupation(2_450_000, null, 0, 'd', ['childcare'], [], [['childcare_teacher'], []], [5, 5], ['보육교사', '보조교사(연장반)']),
  '0425': occupation(2_200_000, 1_100_000, 0, 'd', [], ['childcare', 'cleaning'], [[], []], [3, 3], ['가사도우미', '산후도우미']),
  '0631': occupation(2_500_000, 1_300_000, 0, 'ds', [], ['customer_service'], [['nurse_aide'], []], [4, 5], ['간호조무사(외래)', '병동 간호조무사']),
  '0632': occupation(2_250_000, null, 1, 'sd', [], ['care', 'cleaning'], [[], ['care_worker']], [3, 3], ['병원 이송·보조원']),
  '1311': occupation(2_400_000, null, 0, 'd', ['hairdressing'], ['customer_service'], [[], ['hairdresser']], [3, 4], ['헤어 디자이너(인턴)', '미용실 보조']),
  '1321': occupation(2_700_000, 1_300_000, 0.3, 'de', ['cooking_korean'], ['cleaning'], [[], ['korean_cook']], [3, 3], ['한식 조리사', '주방 조리원(한식)']),
  '1322': occupation(2_900_000, null, 0.3, 'ed', ['cooking_chinese'], ['chinese_language'], [[], ['chinese_cook']], [2, 3], ['중식 조리사', '면·화구 담당 조리사']),
  '1323': occupation(2_450_000, null, 0.5, 'd', ['cooking_korean'], ['cleaning'], [[], ['korean_cook']], [3, 3], ['급식 조리원', '구내식당 조리사']),
  '1331': occupation(2_200_000, 1_050_000, 0, 'ed', [], ['customer_service'], [[], []], [3, 4], ['홀 서빙', '매장 서빙 직원']),
  '1341': occupation(2_200_000, 1_100_000, 0.3, 'de', [], ['cleaning', 'cooking_korean'], [[], []], [2, 3], ['주방 보조', '설거지·주방 정리']),
  '1351': occupation(MINIMUM_MONTHLY_WAGE, 1_050_000, 0, 'dne', [], ['cleaning'], [[], []], [2, 3], ['건물 미화원', '사무실 청소원', '병원 환경미화원']),
  '1352': occupation(2_250_000, null, 0, 'sn', [], [], [[], []], [3, 3], ['아파트 경비원', '건물 보안요원']),
  '1361': occupation(2_250_000, 1_100_000, 1, 'd', [], ['cleaning'], [[], []], [2, 3], ['객실 정비원(룸메이드)']),
  '1421': occupation(2_250_000, 1_100_000, 0, 'sd', ['customer_service'], ['inventory'], [[], []], [4, 4], ['매장 판매원', '마트 진열·판매원']),
  '1422': occupation(MINIMUM_MONTHLY_WAGE, 1_050_000, 0, 's', [], ['customer_service'], [[], []], [3, 4], ['마트 계산원']),
  '1431': occupation(3_100_000, null, 1, 'd', ['driving'], ['inventory'], [['driver_class1'], []], [3, 3], ['택배 배송기사']),
  '1441': occupation(3_400_000, null, 1, 'dn', ['driving'], [], [['driver_large'], []], [3, 3], ['화물차 기사(5톤)', '납품 배송기사']),
  '1442': occupation(3_700_000, null, 0, 's', ['driving'], ['customer_service'], [['driver_large'], []], [4, 4], ['시내버스 기사', '마을버스 기사']),
  '1451': occupation(2_900_000, null, 0, 'ds', ['forklift'], ['inventory'], [['forklift_operator'], []], [2, 3], ['지게차 기사', '물류센터 지게차 운전원']),
  '1461': occupation(2_400_000, 1_200_000, 1, 'nsd', [], ['inventory', 'forklift'], [[], []], [2, 2], ['상하차 작업원', '입출고 작업원']),
  '1511': occupation(3_600_000, null, 1, 'd', ['carpentry'], [], [[], []], [2, 3], ['형틀 목공', '인테리어 목공']),
  '1521': occupation(3_200_000, null, 1, 'd', ['painting'], [], [[], []], [2, 3], ['도배공', '도장 보조']),
  '1531': occupation(3_300_000, null, 1, 'd', ['electrical'], [], [['electrician'], []], [3, 3], ['건설 전기공']),
  '1541': occupation(2_700_000, null, 1, 'd', [], ['carpentry', 'painting'], [[], []], [2, 2], ['건설 현장 보조']),
  '1611': occupation(2_500_000, null, 0.5, 'ds', ['assembly'], ['machine_operation'], [[], []], [2, 3], ['기계 조립원', '생산직(조립)']),
  '1621': occupation(3_300_000, null, 1, 'd', ['welding'], [], [[], ['welder']], [2, 3], ['CO2 용접공', '알곤 용접원']),
  '1622': occupation(2_800_000, null, 1, 'd', ['machine_operation'], ['welding'], [[], []], [2, 2], ['판금·절곡 작업원']),
  '1631': occupation(2_900_000, null, 0.5, 'd', [], ['driving'], [[], ['auto_mechanic']], [3, 3], ['자동차 정비사', '경정비 보조']),
  '1691': occupation(MINIMUM_MONTHLY_WAGE, 1_100_000, 0, 'ds', [], ['inventory'], [[], []], [2, 2], ['포장·검수 작업원', '식품 포장원']),
  '1692': occupation(2_300_000, null, 0.5, 'sd', [], ['machine_operation', 'assembly'], [[], []], [2, 2], ['생산직 사원', '제조 보조(2교대)']),
  '1711': occupation(2_350_000, null, 0, 'ds', ['assembly'], [], [[], []], [2, 3], ['전자부품 조립원', 'SMT 라인 작업원']),
  '1721': occupation(3_100_000, null, 0.5, 'd', ['electrical'], [], [['electrician'], []], [3, 3], ['전기 설비 설치기사']),
  '1811': occupation(2_500_000, null, 0, 'd', ['sewing'], [], [[], ['dressmaker']], [2, 2], ['재봉사(미싱사)', '봉제 보조']),
  '1812': occupation(2_250_000, null, 0, 'd', [], ['sewing'], [[], []], [2, 2], ['의류 검품원']),
  '1831': occupation(2_400_000, 1_150_000, 0, 'de', ['baking'], [], [[], ['baker']], [3, 3], ['제빵사', '제과 보조']),
  '1832': occupation(2_300_000, null, 0.3, 'ds', [], ['machine_operation'], [[], []], [2, 2], ['식품 생산직', '반찬 제조원']),
  '1911': occupation(2_300_000, null, 1, 'd', ['farming'], [], [[], []], [2, 2], ['시설원예 작업원']),
  '1921': occupation(2_500_000, null, 1, 'd', [], ['farming'], [[], []], [2, 2], ['축산농장 관리원']),
};

/** Kinds of firm: the words their names end in, and the work they hire for (the first most often). */
// biome-ignore format: a table reads best one row a line
const INDUSTRIES: readonly { suffixes: readonly string[]; form: 'company' | 'facility'; occupations: readonly string[]; weight: number; rural?: true }[] = [
  { suffixes: ['정밀', '기계', '산업'], form: 'company', occupations: ['1611', '1621', '1622', '1692', '1451'], weight: 6 },
  { suffixes: ['전자', '테크'], form: 'company', occupations: ['1711', '1692', '1691', '1611'], weight: 5 },
  { suffixes: ['식품', '푸드'], form: 'company', occupations: ['1832', '1691', '1831', '1341', '1461'], weight: 6 },
  { suffixes: ['물류', '로지스'], form: 'company', occupations: ['1451', '1461', '1431', '1441', '1691'], weight: 6 },
  { suffixes: ['요양원', '실버센터'], form: 'facility', occupations: ['0423', '1323', '0632', '1351', '0421'], weight: 6 },
  { suffixes: ['재가복지센터'], form: 'facility', occupations: ['0423', '0425', '0421'], weight: 3 },
  { suffixes: ['한식당', '밥상'], form: 'facility', occupations: ['1321', '1331', '1341'], weight: 4 },
  { suffixes: ['반점'], form: 'facility', occupations: ['1322', '1331', '1341'], weight: 2 },
  { suffixes: ['환경', '클린'], form: 'company', occupations: ['1351', '1352', '1361'], weight: 5 },
  { suffixes: ['어패럴', '봉제'], form: 'company', occupations: ['1811', '1812', '1691'], weight: 3 },
  { suffixes: ['마트', '유통'], form: 'company', occupations: ['1421', '1422', '1461', '1691', '0231'], weight: 4 },
  { suffixes: ['고객센터', '서비스'], form: 'company', occupations: ['0261', '0231', '0262', '0232'], weight: 3 },
  { suffixes: ['의원', '병원'], form: 'facility', occupations: ['0631', '0632', '0262', '1351'], weight: 3 },
  { suffixes: ['운수', '교통'], form: 'company', occupations: ['1442', '1441', '1631'], weight: 2 },
  { suffixes: ['건설', '인테리어'], form: 'company', occupations: ['1541', '1511', '1521', '1531', '1721'], weight: 4 },
  { suffixes: ['모터스', '카센터'], form: 'company', occupations: ['1631', '0262'], weight: 1 },
  { suffixes: ['헤어'], form: 'facility', occupations: ['1311'], weight: 1 },
  { suffixes: ['호텔', '스테이'], form: 'company', occupations: ['1361', '1351', '1331', '0262'], weight: 2 },
  { suffixes: ['영농조합법인'], form: 'facility', occupations: ['1911', '1921', '1832'], weight: 2, rural: true },
  { suffixes: ['어린이집'], form: 'facility', occupations: ['0424', '0425', '1323'], weight: 2 },
  { suffixes: ['베이커리'], form: 'facility', occupations: ['1831', '1421', '1331'], weight: 2 },
];

/** Words a Korean firm's name is made of; combined with the kind of firm and marked "(예시)". */
const NAME_WORDS = [
  '한빛',
  '새터',
  '늘품',
  '다온',
  '푸른들',
  '온누리',
  '새봄',
  '가람',
  '나래',
  '미리내',
  '한결',
  '든솔',
  '바른',
  '보람',
  '솔빛',
  '예담',
  '해오름',
  '한마음',
  '동행',
  '새날',
  '희망',
  '누리',
  '초록',
  '소망',
  '한울',
  '햇살',
  '은하',
  '다솜',
  '청솔',
  '두레',
  '새벽',
  '마중',
  '이웃',
  '단비',
  '봄날',
  '고운',
  '참빛',
  '열매',
] as const;

/** Where the firms are: weighted to the capital region as the persons are; every Hana Center region but Jeju. */
const EMPLOYER_REGIONS: readonly (readonly [Region, number])[] = [
  ['seoul', 19],
  ['gyeonggi', 16],
  ['incheon', 6],
  ['busan', 4],
  ['daegu', 2],
  ['chungnam', 2],
  ['gyeongbuk', 2],
  ['gyeongnam', 2],
  ['chungbuk', 1],
  ['gangwon', 1],
  ['daejeon', 1],
  ['gwangju', 1],
  ['ulsan', 1],
  ['jeonbuk', 1],
  ['jeonnam', 1],
];

type CourseTiming = 'past' | 'running' | 'upcoming';

// biome-ignore format: a table reads best one row a line
const COURSES: readonly (readonly [string, string, string, number, Region, number, boolean, string | null, CourseTiming])[] = [
  ['요양보호사 양성과정', '서울남부 직업전문학교(예시)', '0423', 320, 'seoul', 25, false, 'care_worker', 'past'],
  ['한식조리기능사 취득과정', '서울남부 직업전문학교(예시)', '1321', 240, 'seoul', 20, false, 'korean_cook', 'past'],
  ['전기기능사 과정', '한국폴리텍대학 가상캠퍼스(예시)', '1721', 600, 'seoul', 20, false, 'electrician', 'past'],
  ['용접 기능사 1년 과정', '한국폴리텍대학 가상캠퍼스(예시)', '1621', 1_400, 'incheon', 20, true, 'welder', 'past'],
  ['지게차운전기능사 취득과정', '경기 중장비직업훈련원(예시)', '1451', 60, 'gyeonggi', 20, false, 'forklift_operator', 'past'],
  ['요양보호사 양성과정(부산)', '부산 직업전문학교(예시)', '0423', 320, 'busan', 20, false, 'care_worker', 'past'],
  ['전산회계 2급 실무과정', '새터 IT 아카데미(예시)', '0232', 160, 'seoul', 20, false, 'computerized_accounting', 'running'],
  ['제과·제빵 기능사 과정', '부산 직업전문학교(예시)', '1831', 300, 'busan', 15, false, 'baker', 'running'],
  ['컴퓨터활용능력 2급 과정', '새터 IT 아카데미(예시)', '0231', 120, 'seoul', 25, false, 'computer_literacy', 'upcoming'],
  ['봉제 기능 향상과정', '인천 봉제기술교육원(예시)', '1811', 200, 'incheon', 15, false, null, 'upcoming'],
  ['1종 대형 운전면허 취득반', '경기 운전전문학원(예시)', '1442', 40, 'gyeonggi', 20, false, 'driver_large', 'upcoming'],
];

/** What people sought, by sex (most defectors in the South are women), before age and region shift it. */
// biome-ignore format: a table reads best one row a line
const SOUGHT: Readonly<Record<'female' | 'male', readonly (readonly [string, number])[]>> = {
  female: [['0423', 14], ['1341', 10], ['1351', 9], ['1321', 8], ['1331', 6], ['1832', 6], ['1691', 6], ['1811', 5], ['1711', 5], ['1323', 4], ['0425', 4], ['1421', 4], ['1422', 4], ['0231', 4], ['0261', 3], ['0631', 3], ['1311', 3], ['1831', 3], ['1361', 3], ['0424', 2], ['0632', 2], ['0232', 2], ['1322', 2], ['1812', 2], ['0262', 2], ['0421', 1]],
  male: [['1451', 10], ['1541', 8], ['1461', 8], ['1692', 8], ['1441', 7], ['1621', 7], ['1611', 7], ['1352', 5], ['1431', 5], ['1631', 3], ['1721', 3], ['1442', 3], ['1511', 3], ['1521', 3], ['1322', 3], ['1711', 3], ['0231', 3], ['1351', 3], ['1832', 3], ['1531', 2], ['1622', 2], ['1911', 2], ['1921', 1]],
};
/** Younger people look for office and counter work more; older ones for cleaning, guarding and care. */
const YOUNGER = new Set(['0231', '0232', '0261', '0262', '1421', '0424', '0631']);
const OLDER = new Set(['1351', '1352', '0425', '0423', '1341']);
const FARMING = new Set(['1911', '1921']);
const NORTH_WORK = ['1911', '1692', '1811', '1341', '1461', '1832', '1621'];
const THIRD_COUNTRY_WORK = ['1341', '1331', '1911', '1811', '1692', '0425'];

/** Months of a stretch of work, and of the current job (most defectors change jobs often in the first years). */
const SPELL_MONTHS: readonly (readonly [readonly [number, number], number])[] = [
  [[2, 5], 30],
  [[6, 11], 25],
  [[12, 30], 30],
  [[31, 72], 15],
];
const CURRENT_MONTHS: readonly (readonly [readonly [number, number], number])[] = [
  [[1, 6], 22],
  [[7, 18], 28],
  [[19, 48], 28],
  [[49, 144], 22],
];

// ——— the plan: what happens to whom and when, from the seed and the population alone ———

/** A person as the plan sees them: what the registry keeps in plaintext, and the protection demo's categories. */
export interface JobsPlanPerson {
  /** The demo organization key of the person's Hana Center (its id for any other center). */
  readonly center: string;
  readonly sex: string | null;
  readonly birthYear: number | null;
  readonly decision: IsoDate | null;
  readonly residenceStart: IsoDate | null;
  readonly region: Region | null;
  readonly categories: readonly string[];
}

export interface JobsPlanOptions {
  readonly seed: number;
  readonly today: IsoDate;
  /** In a stable order (the order of registration), so the same population gives the same plan. */
  readonly persons: readonly JobsPlanPerson[];
  /** Centers with a demo case worker: their persons' jobs work is done through the use cases. */
  readonly workerCenters: readonly string[];
  /** The demo case worker's center, whose persons the demo employment officer is assigned to. */
  readonly officerCenter: string | null;
  readonly officerRegion: Region | null;
}

interface PlannedEmployer {
  readonly name: string;
  readonly businessNumber: string | null;
  readonly region: Region;
  readonly priorityPurchasing: boolean;
  readonly occupations: readonly string[];
}

interface PlannedPosting {
  readonly employer: number;
  opensOn: IsoDate;
  /** The day it is marked closed, or null for a posting still open. */
  closedOn: IsoDate | null;
  readonly input: Omit<PostingInput, 'employerId' | 'version' | 'closingOn'> & { closingOn: IsoDate };
}

/** A stretch of work; `served` when a demo account records it, else it is written with the insurance history. */
interface PlannedWork {
  readonly person: number;
  readonly served: boolean;
  readonly employer: number;
  readonly startOn: IsoDate;
  readonly endOn: IsoDate | null;
  readonly insured: boolean;
  readonly occupation: string;
  readonly monthlyWage: number;
}

interface PlannedProfile {
  readonly person: number;
  readonly served: boolean;
  readonly savedOn: IsoDate;
  readonly input: Omit<SeekerProfileInput, 'version'>;
}

interface PlannedApplication {
  readonly person: number;
  readonly posting: number;
  readonly createdOn: IsoDate;
  readonly stage: 'recommended' | 'applied';
  readonly steps: readonly { readonly on: IsoDate; readonly move: Omit<ApplicationMove, 'version'> }[];
}

interface PlannedEnrolment {
  readonly person: number;
  readonly course: number;
  readonly enrolledOn: IsoDate;
  readonly outcome: {
    readonly on: IsoDate;
    readonly status: 'completed' | 'dropped';
    readonly attendedHours: number;
    readonly completedOn: IsoDate | null;
    readonly certificate: { readonly code: string; readonly on: IsoDate } | null;
  } | null;
}

export interface DemoJobsPlan {
  readonly employers: readonly PlannedEmployer[];
  readonly postings: readonly PlannedPosting[];
  readonly courses: readonly Omit<CourseInput, 'version'>[];
  readonly profiles: readonly PlannedProfile[];
  readonly officer: readonly { readonly person: number; readonly since: IsoDate }[];
  /** Work as the insurance record shows it today: recorded now, so no check of it is already late. */
  readonly history: readonly PlannedWork[];
  /** Short jobs of served persons within their protection, recorded as they happened and followed up. */
  readonly earlyEnds: readonly PlannedWork[];
  readonly applications: readonly PlannedApplication[];
  readonly enrolments: readonly PlannedEnrolment[];
  /** The person whose childbirths extend the incentive period past today, if the population has one. */
  readonly extended: number | null;
}

const MAX_EARLY_ENDS = 8;

const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) >= 0 ? a : b);
const minDate = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) <= 0 ? a : b);
const roundWage = (won: number) => Math.round(won / 10_000) * 10_000;

function drawMonths(
  random: Random,
  table: readonly (readonly [readonly [number, number], number])[],
): number {
  const [min, max] = random.weighted(table);
  return random.int(min, max);
}

function occupationOf(code: string): Occupation {
  const found = OCCUPATIONS[code];
  if (!found) throw new Error(`demo jobs: no occupation ${code} in the table`);
  return found;
}

/** A wage of `year` for the work: the 2026 wage scaled by that year's minimum wage, never below it. */
function wageIn(random: Random, code: string, year: number, partTime: boolean): number {
  const work = occupationOf(code);
  const years = Object.keys(MINIMUM_HOURLY_WAGE).map(Number);
  const clamped = Math.min(Math.max(year, Math.min(...years)), Math.max(...years));
  const hourly = MINIMUM_HOURLY_WAGE[clamped] as number;
  const base = partTime ? (work.partWage ?? Math.round(work.wage / 2)) : work.wage;
  const wage = roundWage((base * hourly * random.int(95, 110)) / 100 / 10_320);
  return partTime ? wage : Math.max(wage, Math.ceil((hourly * 209) / 10) * 10);
}

function planEmployers(random: Random, total: number): PlannedEmployer[] {
  const quota = EMPLOYER_REGIONS.flatMap(([region, n]) => Array.from({ length: n }, () => region));
  const names = new Set<string>();
  const employers: PlannedEmployer[] = [];
  for (let i = 0; i < total; i++) {
    const region = quota[i % quota.length] as Region;
    const rural =
      !CAPITAL_REGION.has(region) && !['busan', 'daegu', 'gwangju', 'daejeon', 'ulsan'].includes(region);
    const industry = random.weighted(
      INDUSTRIES.filter((kind) => rural || !kind.rural).map((kind) => [kind, kind.weight] as const),
    );
    let name = '';
    while (name === '' || names.has(name)) {
      const base = `${random.pick(NAME_WORDS)}${random.pick(industry.suffixes)}`;
      const form =
        industry.form === 'company'
          ? random.weighted([
              ['(주)', 5],
              ['', 3],
              ['주식회사 ', 2],
            ] as const)
          : '';
      name = `${form}${base}(예시)`;
    }
    names.add(name);
    employers.push({
      name,
      // Tax offices' codes start at 101: 000 marks a number that cannot be anyone's.
      businessNumber: random.chance(0.65) ? `000-00-${String(i + 1).padStart(5, '0')}` : null,
      region,
      // A third: the firms employing defectors that qualify for priority purchasing.
      priorityPurchasing: i % 3 === 1,
      occupations: industry.occupations,
    });
  }
  return employers;
}

function planPostings(
  random: Random,
  employers: readonly PlannedEmployer[],
  today: IsoDate,
): PlannedPosting[] {
  const postings: PlannedPosting[] = [];
  employers.forEach((employer, index) => {
    const n = random.weighted([
      [2, 25],
      [3, 35],
      [4, 28],
      [5, 12],
    ] as const);
    for (let k = 0; k < n; k++) {
      const code = random.chance(0.4)
        ? (employer.occupations[0] as string)
        : random.pick(employer.occupations);
      const work = occupationOf(code);
      const partTime = work.partWage !== null && random.chance(0.2);
      const closed = random.chance(0.15);
      const opensOn = addDays(today, closed ? -random.int(60, 300) : -random.int(3, 45));
      postings.push({
        employer: index,
        opensOn,
        closedOn: null,
        input: {
          title: random.pick(work.titles),
          occupation: code,
          region: employer.region,
          hours: partTime ? 'part_time' : 'full_time',
          schedule: random.weighted(work.schedules),
          heavyPhysicalWork: random.chance(work.heavy),
          monthlyWage: wageIn(random, code, Number(today.slice(0, 4)), partTime),
          requiredSkills: work.skills.filter(() => random.chance(0.7)),
          preferredSkills: work.preferred.filter(() => random.chance(0.5)),
          requiredCertificates: work.licence.filter(() => random.chance(0.85)),
          preferredCertificates: work.certificates.filter(() => random.chance(0.5)),
          requiredKoreanLevel: random.int(work.korean[0], work.korean[1]),
          openings: random.weighted([
            [1, 40],
            [2, 30],
            [3, 15],
            [4, 8],
            [5, 7],
          ] as const),
          closingOn: closed ? addDays(opensOn, random.int(20, 45)) : addDays(today, random.int(7, 60)),
          status: 'open',
        },
      });
      const last = postings[postings.length - 1] as PlannedPosting;
      if (closed) last.closedOn = addDays(last.input.closingOn, 1);
    }
  });
  return postings;
}

function planCourses(random: Random, today: IsoDate): Omit<CourseInput, 'version'>[] {
  return COURSES.map(
    ([title, provider, code, hours, region, capacity, oneYearCourse, certificate, timing]) => {
      // Six hours a weekday: calendar days are 7/5 of the teaching days.
      const days = Math.ceil(((hours / 6) * 7) / 5);
      const startOn =
        timing === 'past'
          ? addDays(today, -random.int(40, 300) - days)
          : timing === 'running'
            ? addDays(today, -random.int(10, 40))
            : addDays(today, random.int(10, 45));
      const endOn =
        timing === 'running' ? maxDate(addDays(startOn, days), addDays(today, 7)) : addDays(startOn, days);
      return {
        title,
        provider,
        occupation: code,
        hours,
        startOn,
        endOn,
        region,
        capacity,
        oneYearCourse,
        certificate,
      };
    },
  );
}

/** Employment incentive amounts are on record for lines falling due from this day (domain/benefits). */
const INCENTIVE_RATES_FROM = '2014-11-29';

interface Who {
  readonly index: number;
  readonly sex: 'female' | 'male';
  readonly age: number;
  readonly ageAtDecision: number;
  readonly decision: IsoDate;
  readonly residenceStart: IsoDate;
  readonly region: Region;
  readonly categories: ReadonlySet<string>;
}

function workingAge(person: JobsPlanPerson, index: number, year: number): Who | null {
  if (!person.birthYear || !person.decision || !person.residenceStart || !person.region) return null;
  const age = year - person.birthYear;
  if (age < 18 || age > 64) return null;
  return {
    index,
    sex: person.sex === 'male' ? 'male' : 'female',
    age,
    ageAtDecision: Number(person.decision.slice(0, 4)) - person.birthYear,
    decision: person.decision,
    residenceStart: person.residenceStart,
    region: person.region,
    categories: new Set(person.categories),
  };
}

function soughtOccupation(random: Random, who: Who): string {
  const capital = CAPITAL_REGION.has(who.region);
  return random.weighted(
    SOUGHT[who.sex].map(
      ([code, weight]) =>
        [
          code,
          weight *
            (who.age < 35 && YOUNGER.has(code) ? 2.5 : 1) *
            (who.age >= 55 && OLDER.has(code) ? 2 : 1) *
            (capital && FARMING.has(code) ? 0 : 1),
        ] as const,
    ),
  );
}

function statusWeights(who: Who): (readonly [SeekerStatus, number])[] {
  const unwell = who.categories.has('disability') || who.categories.has('chronic_illness');
  return [
    ['seeking', who.categories.has('unemployed') ? 65 : 40],
    ['employed', 44],
    ['not_seeking', (who.age >= 58 ? 30 : 14) + (unwell ? 10 : 0)],
  ];
}

/** Everything of a profile but its status, the work in the South and childbirths. */
function seekerBasics(random: Random, who: Who, year: number) {
  const primary = soughtOccupation(random, who);
  const occupations = [primary];
  const sameGroup = Object.keys(OCCUPATIONS).filter(
    (code) => code !== primary && code.slice(0, 2) === primary.slice(0, 2),
  );
  if (sameGroup.length > 0 && random.chance(0.5)) occupations.push(random.pick(sameGroup));
  const fallback = random.pick(['1692', '1691', '1351', '1341']);
  if (random.chance(0.25) && !occupations.includes(fallback)) occupations.push(fallback);
  const computerLevel = random.weighted(
    who.age < 35
      ? ([
          [3, 3],
          [4, 4],
          [5, 2],
        ] as const)
      : who.age < 50
        ? ([
            [1, 1],
            [2, 4],
            [3, 4],
            [4, 1],
          ] as const)
        : ([
            [1, 4],
            [2, 4],
            [3, 1],
          ] as const),
  );
  const skills = new Set<string>();
  occupations.forEach((code, k) => {
    const work = occupationOf(code);
    for (const skill of work.skills) if (random.chance(k === 0 ? 0.8 : 0.5)) skills.add(skill);
    for (const skill of work.preferred) if (random.chance(0.35)) skills.add(skill);
  });
  if (random.chance(0.3)) skills.add('chinese_language');
  if (computerLevel >= 3 && random.chance(0.6)) skills.add('office_computer');
  const main = occupationOf(primary);
  const certificates = new Set<string>();
  for (const certificate of main.licence) if (random.chance(0.6)) certificates.add(certificate);
  for (const certificate of main.certificates) if (random.chance(0.3)) certificates.add(certificate);
  if (random.chance(who.sex === 'male' ? 0.3 : 0.1)) certificates.add('driver_class1');
  if (certificates.has('driver_class1') || certificates.has('driver_large')) skills.add('driving');

  // Recorded with the person's agreement: childcare for many single parents, health for a few.
  const constraints: SeekerConstraint[] = [];
  const parent = who.categories.has('single_parent') || who.categories.has('infant_care');
  if (
    parent
      ? random.chance(0.7)
      : who.sex === 'female' && who.age >= 25 && who.age <= 45 && random.chance(0.06)
  )
    constraints.push('childcare');
  const ill = who.categories.has('chronic_illness') || who.categories.has('mental_health');
  if (random.chance(ill ? 0.5 : who.age >= 55 ? 0.1 : 0.03)) constraints.push('health');
  if (who.categories.has('disability') && random.chance(0.6)) constraints.push('disability');
  const hours = random.weighted(
    constraints.includes('childcare') || who.age >= 58
      ? ([
          ['part_time', 4],
          ['either', 3],
          ['full_time', 3],
        ] as const)
      : ([
          ['full_time', 6],
          ['either', 3],
          ['part_time', 1],
        ] as const),
  );
  const yearsHere = year - Number(who.decision.slice(0, 4));
  const koreanLevel = random.weighted(
    yearsHere >= 10
      ? ([
          [3, 2],
          [4, 5],
          [5, 3],
        ] as const)
      : yearsHere >= 5
        ? ([
            [2, 1],
            [3, 4],
            [4, 4],
            [5, 1],
          ] as const)
        : ([
            [2, 3],
            [3, 4],
            [4, 2],
          ] as const),
  );
  const neighbours = REGIONS.filter((region) => areNeighbouringRegions(who.region, region));
  const willingToMoveTo = neighbours.length > 0 && random.chance(0.08) ? [random.pick(neighbours)] : [];
  const wageBase = hours === 'part_time' ? (main.partWage ?? Math.round(main.wage / 2)) : main.wage;
  const expectedMonthlyWage = random.chance(0.15) ? 0 : roundWage((wageBase * random.int(95, 118)) / 100);
  const earlier: WorkExperience[] = [];
  if (who.ageAtDecision >= 20 && random.chance(0.8))
    earlier.push({
      place: 'north',
      occupation: random.chance(0.5) ? primary : random.pick(NORTH_WORK),
      years: random.int(2, Math.min(20, who.ageAtDecision - 17)),
    });
  if (random.chance(0.55))
    earlier.push({
      place: 'third_country',
      occupation: random.pick(THIRD_COUNTRY_WORK),
      years: random.int(1, 6),
    });
  const seeker: Omit<JobSeeker, 'id'> = {
    occupations,
    skills: [...skills],
    certificates: [...certificates],
    region: who.region,
    willingToMoveTo,
    maxCommuteMinutes: random.weighted([
      [30, 1],
      [40, 3],
      [60, 4],
      [90, 2],
    ] as const),
    hours,
    expectedMonthlyWage,
    koreanLevel,
    constraints,
  };
  return { seeker, computerLevel, earlier };
}

interface Spell {
  readonly startOn: IsoDate;
  readonly endOn: IsoDate | null;
}

/**
 * When a person worked: most found a first job within months of settling (persons keen on the incentive, at
 * the demo centers, a longer one), and then the job of today, the one that ended lately, or none.
 */
function spellDates(random: Random, who: Who, status: SeekerStatus, today: IsoDate, keen: boolean): Spell[] {
  const spells: Spell[] = [];
  const latestEarly = addDays(today, -400);
  let cursor = addDays(addMonths(who.residenceStart, 1), random.int(0, 240));
  const early = keen ? random.int(1, 2) : random.chance(0.7) ? random.int(1, 2) : 0;
  for (let k = 0; k < early && compareDates(cursor, latestEarly) < 0; k++) {
    const months =
      keen && k === 0 && random.chance(0.7) ? random.int(8, 30) : drawMonths(random, SPELL_MONTHS);
    const endOn = minDate(addDays(addMonths(cursor, months), -1), latestEarly);
    spells.push({ startOn: cursor, endOn });
    cursor = addDays(endOn, random.int(20, 300));
  }
  if (status === 'employed') {
    const wanted = addDays(addMonths(today, -drawMonths(random, CURRENT_MONTHS)), -random.int(0, 27));
    const startOn = maxDate(wanted, cursor);
    if (daysBetween(cursor, startOn) > 3 * 365 && random.chance(0.5)) {
      const middleStart = addDays(cursor, random.int(0, 365));
      const middleEnd = minDate(
        addDays(addMonths(middleStart, drawMonths(random, SPELL_MONTHS)), -1),
        addDays(startOn, -30),
      );
      if (daysBetween(middleStart, middleEnd) >= 60) spells.push({ startOn: middleStart, endOn: middleEnd });
    }
    spells.push({ startOn, endOn: null });
  } else if (random.chance(status === 'seeking' ? 0.75 : 0.45)) {
    const endOn = addDays(today, status === 'seeking' ? -random.int(14, 400) : -random.int(90, 1500));
    const startOn = maxDate(cursor, addMonths(endOn, -drawMonths(random, SPELL_MONTHS)));
    if (daysBetween(startOn, endOn) >= 45) spells.push({ startOn, endOn });
  }
  return spells;
}

function pickEmployer(
  random: Random,
  employers: readonly PlannedEmployer[],
  region: Region,
  occupations: readonly string[],
  avoid: number,
): number {
  const offers = (employer: PlannedEmployer) =>
    employer.occupations.some((code) => occupations.includes(code));
  const tests: ((employer: PlannedEmployer) => boolean)[] = [
    (employer) => employer.region === region && offers(employer),
    (employer) => employer.region === region,
    (employer) => areNeighbouringRegions(employer.region, region) && offers(employer),
    offers,
    () => true,
  ];
  for (const test of tests) {
    const found = employers.flatMap((employer, i) => (i !== avoid && test(employer) ? [i] : []));
    if (found.length > 0) return random.pick(found);
  }
  return 0;
}

/** Where each stretch was worked, as what, for how much (a wage of its last year). */
function staffSpells(
  random: Random,
  who: Who,
  spells: readonly Spell[],
  context: { employers: readonly PlannedEmployer[]; today: IsoDate; served: boolean },
  seeker: Pick<JobSeeker, 'occupations' | 'hours'>,
): PlannedWork[] {
  let previous = -1;
  return spells.map((spell) => {
    const employer = pickEmployer(random, context.employers, who.region, seeker.occupations, previous);
    previous = employer;
    const offered = (context.employers[employer] as PlannedEmployer).occupations;
    const code = seeker.occupations.find((each) => offered.includes(each)) ?? random.pick(offered);
    const year = Number((spell.endOn ?? context.today).slice(0, 4));
    return {
      person: who.index,
      served: context.served,
      employer,
      startOn: spell.startOn,
      endOn: spell.endOn,
      insured: random.chance(spell.endOn === null ? 0.9 : 0.82),
      occupation: code,
      monthlyWage: wageIn(random, code, year, seeker.hours === 'part_time'),
    };
  });
}

function southExperience(
  work: readonly PlannedWork[],
  occupation: string,
  savedOn: IsoDate,
): WorkExperience[] {
  const days = work.reduce(
    (sum, each) =>
      compareDates(each.startOn, savedOn) >= 0
        ? sum
        : sum + daysBetween(each.startOn, minDate(each.endOn ?? savedOn, savedOn)),
    0,
  );
  const years = Math.round(days / 182.6) / 2;
  return years >= 0.5 ? [{ place: 'south', occupation, years }] : [];
}

/**
 * The last day a job of a person protected from `decision` can complete its 36th month and still fall due,
 * with two childbirths extending the period — if that is still ahead. Only such a person can show an
 * upcoming incentive line today.
 */
function extensionDue(decision: IsoDate, today: IsoDate): IsoDate | null {
  const months = rulesFor(decision).residenceProtectionMonths + 24;
  const target = minDate(addDays(periodEnd(decision, months), -30), addMonths(today, 8));
  return compareDates(target, addDays(today, 30)) > 0 ? target : null;
}

function extensionCandidate(options: JobsPlanOptions, year: number): number {
  const eligible = (person: JobsPlanPerson) =>
    person.sex === 'female' &&
    person.birthYear !== null &&
    person.decision !== null &&
    person.residenceStart !== null &&
    person.region !== null &&
    year - person.birthYear >= 22 &&
    year - person.birthYear <= 50 &&
    Number(person.decision.slice(0, 4)) - person.birthYear <= 40 &&
    extensionDue(person.decision, options.today) !== null;
  const tests = [
    (person: JobsPlanPerson) => options.officerCenter !== null && person.center === options.officerCenter,
    (person: JobsPlanPerson) => options.officerRegion !== null && person.region === options.officerRegion,
  ];
  for (const test of tests) {
    const index = options.persons.findIndex((person) => test(person) && eligible(person));
    if (index >= 0) return index;
  }
  return -1;
}

type Outcome = 'recommended' | 'applied' | 'interview' | 'offer' | 'rejected' | 'withdrawn';

const REJECTED_BECAUSE = [
  ['skills', 3],
  ['language', 2],
  ['no_response', 3],
  ['hours', 1],
  ['other', 1],
] as const;

function postingForMatching(posting: PlannedPosting, index: number): JobPosting {
  const { title: _title, closingOn: _closingOn, status: _status, ...fields } = posting.input;
  return { id: String(index), employerId: String(posting.employer), ...fields };
}

/** Opens a posting before its first application and, if it is to close, after its last step. */
function widen(posting: PlannedPosting, from: IsoDate, until: IsoDate, today: IsoDate): void {
  posting.opensOn = minDate(posting.opensOn, addDays(from, -3));
  if (posting.closedOn === null) return;
  posting.input.closingOn = maxDate(posting.input.closingOn, from);
  posting.closedOn = minDate(maxDate(posting.closedOn, addDays(until, 1)), today);
}

/** One application from `createdOn`, a few days a step, to `outcome` or as far as today allows. */
function pipeline(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  posting: number,
  createdOn: IsoDate,
  outcome: Outcome,
  today: IsoDate,
): PlannedApplication {
  const recommendedFirst = outcome === 'recommended' || random.chance(0.4);
  const path: ApplicationMove['to'][] = [];
  if (outcome === 'withdrawn') {
    if (recommendedFirst ? random.chance(0.5) : true) {
      if (recommendedFirst) path.push('applied');
      if (random.chance(0.3)) path.push('interview');
    }
  } else if (outcome !== 'recommended') {
    if (recommendedFirst) path.push('applied');
    if (outcome === 'interview' || (outcome !== 'applied' && random.chance(outcome === 'offer' ? 0.7 : 0.5)))
      path.push('interview');
  }
  if (outcome === 'offer' || outcome === 'rejected' || outcome === 'withdrawn') path.push(outcome);
  const withdrawnBecause = [
    ['wage', 3],
    ['commute', 3],
    ['hours', 2],
    ['found_other_work', 2],
    ['health', seeker.constraints.includes('health') ? 3 : 1],
    ['childcare', seeker.constraints.includes('childcare') ? 4 : 0],
    ['other', 1],
  ] as const;
  const steps: PlannedApplication['steps'][number][] = [];
  let on = createdOn;
  for (const to of path) {
    on = addDays(on, random.int(1, 6));
    if (compareDates(on, today) > 0) break;
    const reason =
      to === 'rejected'
        ? random.weighted(REJECTED_BECAUSE)
        : to === 'withdrawn'
          ? random.weighted(withdrawnBecause)
          : undefined;
    steps.push({ on, move: reason ? { to, reason } : { to } });
  }
  return {
    person: who.index,
    posting,
    createdOn,
    stage: recommendedFirst ? 'recommended' : 'applied',
    steps,
  };
}

/** The way to the job a served person started lately: through a posting of that work in their region. */
function placementStory(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  work: PlannedWork,
  context: { postings: readonly PlannedPosting[]; placed: number[]; today: IsoDate },
): PlannedApplication | null {
  const { postings, placed, today } = context;
  const recent = daysBetween(work.startOn, today) <= 45;
  const free = (i: number) => (placed[i] as number) < (postings[i] as PlannedPosting).input.openings;
  const same = (digits: number) => (posting: PlannedPosting) =>
    seeker.occupations.some((code) => code.slice(0, digits) === posting.input.occupation.slice(0, digits));
  const near = (posting: PlannedPosting) =>
    posting.input.region === who.region || areNeighbouringRegions(posting.input.region, who.region);
  // Best a posting of that very work in the region, still open if the job began within weeks, closed if
  // earlier; else any posting of it; else of the same kind of work nearby.
  const tests: ((posting: PlannedPosting) => boolean)[] = [
    (posting) =>
      posting.input.region === who.region && same(4)(posting) && (posting.closedOn === null) === recent,
    (posting) => posting.input.region === who.region && same(4)(posting),
    (posting) => near(posting) && same(3)(posting),
    (posting) => posting.input.region === who.region && same(2)(posting),
  ];
  let found: number[] = [];
  for (const test of tests) {
    found = postings.flatMap((posting, i) => (free(i) && test(posting) ? [i] : []));
    if (found.length > 0) break;
  }
  if (found.length === 0) return null;
  const posting = random.pick(found);
  const placedOn = addDays(work.startOn, -random.int(1, 7));
  const offerOn = addDays(placedOn, -random.int(0, 4));
  const interviewOn = random.chance(0.75) ? addDays(offerOn, -random.int(2, 7)) : null;
  const appliedOn = addDays(interviewOn ?? offerOn, -random.int(2, 8));
  const recommended = random.chance(0.5);
  const createdOn = recommended ? addDays(appliedOn, -random.int(1, 5)) : appliedOn;
  placed[posting] = (placed[posting] as number) + 1;
  widen(postings[posting] as PlannedPosting, createdOn, placedOn, today);
  return {
    person: who.index,
    posting,
    createdOn,
    stage: recommended ? 'recommended' : 'applied',
    steps: [
      ...(recommended ? [{ on: appliedOn, move: { to: 'applied' as const } }] : []),
      ...(interviewOn ? [{ on: interviewOn, move: { to: 'interview' as const } }] : []),
      { on: offerOn, move: { to: 'offer' } },
      { on: placedOn, move: { to: 'placed', startOn: work.startOn, insured: work.insured } },
    ],
  };
}

/** An application that came to nothing, on a posting now closed, before `before`. */
function pastAttempt(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  context: { postings: readonly PlannedPosting[]; today: IsoDate; avoid: number; before: IsoDate | null },
): PlannedApplication | null {
  const { postings, today } = context;
  const found = postings.flatMap((posting, i) =>
    i !== context.avoid &&
    posting.closedOn !== null &&
    (posting.input.region === who.region || areNeighbouringRegions(posting.input.region, who.region)) &&
    seeker.occupations.some((code) => code.slice(0, 2) === posting.input.occupation.slice(0, 2))
      ? [i]
      : [],
  );
  if (found.length === 0) return null;
  const index = random.pick(found);
  const posting = postings[index] as PlannedPosting;
  const createdOn = context.before
    ? addDays(context.before, -random.int(20, 60))
    : addDays(posting.input.closingOn, -random.int(0, 20));
  const application = pipeline(
    random,
    who,
    seeker,
    index,
    createdOn,
    random.chance(0.5) ? 'rejected' : 'withdrawn',
    today,
  );
  widen(posting, createdOn, application.steps.at(-1)?.on ?? createdOn, today);
  return application;
}

/** A seeker's applications of the last weeks: among the open postings that fit best, at every stage. */
function seekerApplications(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  context: { postings: readonly PlannedPosting[]; today: IsoDate },
): PlannedApplication[] {
  const { postings, today } = context;
  const n = random.weighted([
    [0, 30],
    [1, 35],
    [2, 25],
    [3, 10],
  ] as const);
  const matcher: JobSeeker = { id: String(who.index), ...seeker };
  const best = postings
    .flatMap((posting, i) =>
      posting.closedOn === null
        ? [{ i, score: scoreMatch(matcher, postingForMatching(posting, i)).score }]
        : [],
    )
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, 8);
  const chosen: number[] = [];
  while (chosen.length < Math.min(n, best.length)) {
    const { i } = random.pick(best);
    if (!chosen.includes(i)) chosen.push(i);
  }
  const applications = chosen.map((posting) => {
    const outcome = random.weighted([
      ['recommended', 20],
      ['applied', 20],
      ['interview', 14],
      ['offer', 6],
      ['rejected', 20],
      ['withdrawn', 20],
    ] as const);
    const createdOn = addDays(today, -random.int(2, 45));
    widen(postings[posting] as PlannedPosting, createdOn, createdOn, today);
    return pipeline(random, who, seeker, posting, createdOn, outcome, today);
  });
  if (random.chance(0.25)) {
    const past = pastAttempt(random, who, seeker, { postings, today, avoid: -1, before: null });
    if (past && !chosen.includes(past.posting)) applications.push(past);
  }
  return applications;
}

/** A course near home in the person's line of work (a computer course for a few seekers): one done, one now. */
function planEnrolments(
  random: Random,
  who: Who,
  seeker: Omit<JobSeeker, 'id'>,
  status: SeekerStatus,
  context: {
    courses: readonly Omit<CourseInput, 'version'>[];
    enrolled: number[];
    today: IsoDate;
    /** False for a person whose profile predates the course: a certificate would come after it. */
    finishedToo: boolean;
  },
): PlannedEnrolment[] {
  const { courses, enrolled, today } = context;
  const planned: PlannedEnrolment[] = [];
  let past = !context.finishedToo;
  let current = false;
  courses.forEach((course, c) => {
    if ((enrolled[c] as number) >= course.capacity) return;
    const near =
      course.region === who.region || (CAPITAL_REGION.has(course.region) && CAPITAL_REGION.has(who.region));
    const finished = compareDates(course.endOn, today) < 0;
    if (!near || (finished ? past : current || status === 'not_seeking')) return;
    const fits = seeker.occupations.some((code) => code.slice(0, 3) === course.occupation.slice(0, 3));
    const computing = course.occupation === '0231' && status === 'seeking';
    if (!(fits ? random.chance(0.6) : computing && random.chance(0.15))) return;
    enrolled[c] = (enrolled[c] as number) + 1;
    const started = compareDates(course.startOn, today) <= 0;
    const enrolledOn = started
      ? addDays(course.startOn, -random.int(3, 20))
      : addDays(today, -random.int(0, 10));
    if (!finished) {
      current = true;
      planned.push({ person: who.index, course: c, enrolledOn, outcome: null });
      return;
    }
    past = true;
    if (random.chance(0.8)) {
      const certificate =
        course.certificate && random.chance(0.7)
          ? {
              code: course.certificate,
              on: minDate(addDays(course.endOn, random.int(14, 50)), addDays(today, -2)),
            }
          : null;
      planned.push({
        person: who.index,
        course: c,
        enrolledOn,
        outcome: {
          on: certificate ? addDays(certificate.on, 1) : addDays(course.endOn, random.int(1, 3)),
          status: 'completed',
          attendedHours: course.hours - random.int(0, Math.floor(course.hours * 0.08)),
          completedOn: course.endOn,
          certificate,
        },
      });
    } else {
      const attendedHours = random.int(Math.floor(course.hours * 0.2), Math.floor(course.hours * 0.6));
      planned.push({
        person: who.index,
        course: c,
        enrolledOn,
        outcome: {
          on: addDays(course.startOn, Math.ceil(((attendedHours / 6) * 7) / 5)),
          status: 'dropped',
          attendedHours,
          completedOn: null,
          certificate: null,
        },
      });
    }
  });
  return planned;
}

export function planDemoJobs(options: JobsPlanOptions): DemoJobsPlan {
  const { today } = options;
  const random = seededRandom(options.seed);
  const year = Number(today.slice(0, 4));
  const employers = planEmployers(random, DEMO_JOBS.employers);
  const postings = planPostings(random, employers, today);
  const courses = planCourses(random, today);
  const profiles: PlannedProfile[] = [];
  const history: PlannedWork[] = [];
  const earlyEnds: PlannedWork[] = [];
  const applications: PlannedApplication[] = [];
  const enrolments: PlannedEnrolment[] = [];
  const officerCandidates: { person: number; since: IsoDate; active: boolean }[] = [];
  const placed = postings.map(() => 0);
  const enrolled = courses.map(() => 0);
  const workerCenters = new Set(options.workerCenters);
  const extended = extensionCandidate(options, year);

  options.persons.forEach((person, index) => {
    const who = workingAge(person, index, year);
    if (!who) return;
    const isExtended = index === extended;
    const served = workerCenters.has(person.center) || isExtended;
    const share = served ? DEMO_JOBS.profileShare.served : DEMO_JOBS.profileShare.elsewhere;
    if (!isExtended && !random.chance(share)) {
      // Not in employment support: their work only as the insurance record shows it.
      const status = random.chance(0.62) ? 'employed' : random.chance(0.4) ? 'not_seeking' : null;
      if (status === null) return;
      const seeker = { occupations: [soughtOccupation(random, who)], hours: 'full_time' as const };
      const spells = spellDates(random, who, status, today, false);
      history.push(...staffSpells(random, who, spells, { employers, today, served: false }, seeker));
      return;
    }
    const status: SeekerStatus = isExtended ? 'employed' : random.weighted(statusWeights(who));
    const { seeker, computerLevel, earlier } = seekerBasics(random, who, year);
    const primary = seeker.occupations[0] as string;
    const keen = served && compareDates(who.decision, INCENTIVE_RATES_FROM) >= 0;
    // The person whose childbirths extend the period: no insured work until the children were small, then one
    // job, whose 36th month is still ahead.
    const due = isExtended ? extensionDue(who.decision, today) : null;
    const spells = due
      ? [{ startOn: addMonths(due, -36), endOn: null }]
      : spellDates(random, who, status, today, keen);
    const work = staffSpells(random, who, spells, { employers, today, served }, seeker).map((each) =>
      isExtended ? { ...each, insured: true } : each,
    );
    const childbirths = isExtended
      ? [addMonths(who.decision, random.int(8, 18)), addMonths(who.decision, random.int(30, 44))]
      : who.sex === 'female' && who.ageAtDecision <= 40 && random.chance(0.12)
        ? [addMonths(who.decision, random.int(8, 58))].filter((date) => compareDates(date, today) < 0)
        : [];
    const profile = (savedOn: IsoDate, certificates: readonly string[], savedStatus: SeekerStatus) => ({
      ...seeker,
      certificates: [...certificates],
      status: savedStatus,
      computerLevel,
      experience: [...earlier, ...southExperience(work, primary, savedOn)],
      childbirths,
    });
    if (!served) {
      history.push(...work);
      const savedOn = maxDate(addDays(today, -random.int(5, 700)), addDays(who.residenceStart, 30));
      profiles.push({ person: index, served, savedOn, input: profile(savedOn, seeker.certificates, status) });
      return;
    }

    // Served by a demo account: the year's work as it happened.
    let placement: PlannedApplication | null = null;
    for (const each of work) {
      if (each.endOn === null && !isExtended && daysBetween(each.startOn, today) <= 365) {
        placement = placementStory(random, who, seeker, each, { postings, placed, today });
        if (placement) continue;
      }
      const protectionEndsOn = periodEnd(who.decision, rulesFor(who.decision).residenceProtectionMonths);
      if (
        each.endOn !== null &&
        earlyEnds.length < MAX_EARLY_ENDS &&
        compareDates(each.startOn, who.decision) >= 0 &&
        compareDates(addDays(each.endOn, 10), protectionEndsOn) <= 0 &&
        daysBetween(each.startOn, each.endOn) < 36 * 30 &&
        random.chance(0.6)
      ) {
        earlyEnds.push(each);
        continue;
      }
      history.push(each);
    }
    const stories: PlannedApplication[] = placement ? [placement] : [];
    if (placement && random.chance(0.35)) {
      const context = { postings, today, avoid: placement.posting, before: placement.createdOn };
      const failed = pastAttempt(random, who, seeker, context);
      if (failed) stories.push(failed);
    }
    if (status === 'seeking') stories.push(...seekerApplications(random, who, seeker, { postings, today }));
    applications.push(...stories);

    const certificates = new Set(seeker.certificates);
    let certifiedOn: IsoDate | null = null;
    const enrolmentContext = { courses, enrolled, today, finishedToo: stories.length === 0 };
    if (!isExtended)
      for (const enrolment of planEnrolments(random, who, seeker, status, enrolmentContext)) {
        enrolments.push(enrolment);
        const certificate = enrolment.outcome?.certificate;
        if (certificate) {
          certificates.add(certificate.code);
          certifiedOn = certificate.on;
        }
      }
    const firstStep = stories.map((story) => story.createdOn).sort(compareDates)[0];
    const savedOn = maxDate(
      firstStep
        ? addDays(firstStep, -random.int(2, 20))
        : certifiedOn
          ? minDate(addDays(certifiedOn, random.int(2, 10)), today)
          : addDays(today, -random.int(3, 200)),
      addDays(who.residenceStart, 30),
    );
    // A person placed through a posting was seeking when the profile was saved; the placement says employed.
    const savedStatus = placement ? 'seeking' : status;
    profiles.push({
      person: index,
      served,
      savedOn,
      input: profile(savedOn, [...certificates], savedStatus),
    });
    if (person.center === options.officerCenter && !isExtended)
      officerCandidates.push({ person: index, since: who.residenceStart, active: status !== 'not_seeking' });
  });

  // The employment protection officer was assigned at the start of residence, as the law has it.
  const extendedPerson = options.persons[extended];
  const officer = [
    ...(extendedPerson?.residenceStart ? [{ person: extended, since: extendedPerson.residenceStart }] : []),
    ...officerCandidates.filter((candidate) => candidate.active),
    ...officerCandidates.filter((candidate) => !candidate.active),
  ]
    .slice(0, DEMO_JOBS.officerPersons)
    .map(({ person, since }) => ({ person, since }));
  return {
    employers,
    postings,
    courses,
    profiles,
    officer,
    history,
    earlyEnds,
    applications,
    enrolments,
    extended: extended >= 0 ? extended : null,
  };
}

// ——— running the plan through the use cases ———

/**
 * The plan for this database's population and demo accounts as of today, with what running it needs; null
 * without the demo employment officer or any person. Exported for the test, which plans twice.
 */
export async function prepareDemoJobs(deps: Deps, seed: number) {
  const staff = await deps.db
    .select({
      id: users.id,
      username: users.username,
      organizationId: users.organizationId,
      roles: users.roles,
    })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.username));
  const named = (username: string) => {
    const user = staff.find((candidate) => candidate.username === username);
    return user ? actorOf({ ...user, roles: user.roles as Role[] }) : null;
  };
  const officer = named('demo-employment-officer');
  if (!officer) return null;
  const caseWorker = named('demo-case-worker');
  const manager = named('demo-center-manager');
  const workerAt = new Map<string, Actor>();
  for (const user of staff)
    if (user.roles.includes('case_worker') && !workerAt.has(user.organizationId))
      workerAt.set(user.organizationId, actorOf({ ...user, roles: user.roles as Role[] }));

  const population = await deps.db
    .select({
      id: persons.id,
      center: persons.hanaCenterId,
      sex: persons.sex,
      birthYear: persons.birthYear,
      decision: persons.protectionDecisionDate,
      residenceStart: persons.residenceStartDate,
      region: persons.residenceRegion,
    })
    .from(persons)
    .where(and(isNull(persons.mergedIntoId), ne(persons.status, 'erased')))
    // Registration order (ids are time-ordered): the same population is planned the same in any database.
    .orderBy(asc(persons.id));
  if (population.length === 0) return null;
  const categories = new Map(
    (
      await deps.db
        .select({ personId: protectionProfiles.personId, categories: protectionProfiles.categories })
        .from(protectionProfiles)
    ).map((row) => [row.personId, row.categories as string[]]),
  );
  const keyOf = new Map([...(await demoOrganizationIds(deps.db))].map(([key, id]) => [id, key]));
  const center = (organizationId: string) => keyOf.get(organizationId) ?? organizationId;
  const [officerOrganization] = await deps.db
    .select({ region: organizations.region })
    .from(organizations)
    .where(eq(organizations.id, officer.organizationId));
  const today = seoulDate(deps.now());
  const plan = planDemoJobs({
    seed,
    today,
    persons: population.map((row) => ({
      center: center(row.center),
      sex: row.sex,
      birthYear: row.birthYear,
      decision: row.decision,
      residenceStart: row.residenceStart,
      region: row.region as Region | null,
      categories: categories.get(row.id) ?? [],
    })),
    workerCenters: [...workerAt.keys()].map(center),
    officerCenter: caseWorker ? center(caseWorker.organizationId) : null,
    officerRegion: (officerOrganization?.region as Region | null | undefined) ?? null,
  });

  return { plan, population, officer, caseWorker, manager, workerAt, today };
}

const pause = () => new Promise<void>((done) => setImmediate(done));

/**
 * Puts the plan into the database, in the order life would have: firms and postings, the officer's persons,
 * profiles, short jobs followed up when they ended, the insurance history, courses, applications (placements
 * make the employment record and its retention checks), postings closed, checks done, incentives paid.
 */
export async function insertDemoJobs(
  deps: Deps,
  options: { seed?: number; signal?: AbortSignal | undefined } = {},
): Promise<DemoJobsResult> {
  const result: DemoJobsResult = {
    employers: 0,
    priorityPurchasing: 0,
    postings: 0,
    closedPostings: 0,
    courses: 0,
    profiles: 0,
    officerPersons: 0,
    employmentRecords: 0,
    applications: 0,
    placements: 0,
    earlyEnds: 0,
    enrolments: 0,
    payments: 0,
  };
  const [employerCount] = await deps.db.select({ n: count() }).from(employersTable);
  const [profileCount] = await deps.db.select({ n: count() }).from(seekerProfiles);
  if ((employerCount?.n ?? 0) > 0 || (profileCount?.n ?? 0) > 0) return result;
  const prepared = await prepareDemoJobs(deps, options.seed ?? DEMO_JOBS.seed);
  if (!prepared) return result;
  const { plan, population, officer, caseWorker, manager, workerAt, today } = prepared;

  const personId = (index: number) => (population[index] as (typeof population)[number]).id;
  const officerPersons = new Set(plan.officer.map((each) => each.person));
  const actorFor = (index: number): Actor | null =>
    officerPersons.has(index) ? officer : (workerAt.get(population[index]?.center ?? '') ?? null);
  const now = deps.now();
  /** 10:00 in Seoul on the day, and some minutes: when the officer recorded what happened; never the future. */
  const clock = (date: IsoDate, minutes = 0): Date =>
    new Date(Math.min(Date.parse(`${date}T01:00:00Z`) + minutes * 60_000, now.getTime()));
  const act = async <T>(actor: Actor, when: Date, task: (clocked: Deps) => Promise<T>): Promise<T> => {
    const value = await runWithContext({ requestId: 'demo-jobs', ip: null, actor }, () =>
      task(at(deps, when)),
    );
    // PGlite answers synchronously: let requests in between the steps.
    await pause();
    return value;
  };
  const stopped = () => options.signal?.aborted === true;

  // Firms, their postings and the courses, as the officer registers them.
  const employerIds: string[] = [];
  for (const [index, employer] of plan.employers.entries()) {
    if (stopped()) return result;
    const firstOpening = plan.postings
      .filter((posting) => posting.employer === index)
      .map((posting) => posting.opensOn)
      .sort(compareDates)[0];
    const { occupations: _occupations, ...input } = employer;
    const view = await act(officer, clock(addDays(firstOpening ?? today, -7)), (clocked) =>
      saveEmployer(clocked, { actor: officer, input }),
    );
    employerIds.push(view.id);
    result.employers += 1;
    if (employer.priorityPurchasing) result.priorityPurchasing += 1;
  }
  const postingViews: { id: string; version: number }[] = [];
  for (const [index, posting] of plan.postings.entries()) {
    if (stopped()) return result;
    const employerId = employerIds[posting.employer] as string;
    const view = await act(officer, clock(posting.opensOn, index % 400), (clocked) =>
      savePosting(clocked, { actor: officer, input: { ...posting.input, employerId } }),
    );
    postingViews.push({ id: view.id, version: view.version });
    result.postings += 1;
  }
  const courseIds: string[] = [];
  for (const course of plan.courses) {
    const view = await act(officer, clock(minDate(addDays(course.startOn, -30), today)), (clocked) =>
      saveCourse(clocked, { actor: officer, input: course }),
    );
    courseIds.push(view.id);
    result.courses += 1;
  }

  // The demo officer's persons; there is no use case for the assignment (it comes from the Employment Center).
  await deps.db.transaction(async (tx) => {
    for (const { person, since } of plan.officer) {
      await tx.insert(personOfficers).values({
        personId: personId(person),
        kind: 'employment',
        userId: officer.userId,
        since,
        until: null,
      });
      await appendAudit(tx, {
        action: 'create',
        entityType: 'person_officer',
        entityId: personId(person),
        subjectId: personId(person),
        actor: null,
        detail: { demo: true, kind: 'employment', since },
      });
    }
  });
  result.officerPersons = plan.officer.length;

  // Profiles and work histories of the persons no demo account serves, as the centers recorded them over the
  // years: written at once, with one audit entry for each table.
  const elsewhere = plan.profiles.filter((profile) => !profile.served);
  const recorded = plan.history.filter((work) => !work.served);
  await deps.db.transaction(async (tx) => {
    for (let start = 0; start < elsewhere.length; start += 500)
      await tx.insert(seekerProfiles).values(
        elsewhere.slice(start, start + 500).map(({ person, savedOn, input }) => ({
          personId: personId(person),
          ...input,
          childbirths: [...new Set(input.childbirths)].sort(),
          updatedBy: null,
          updatedAt: clock(savedOn),
        })),
      );
    for (let start = 0; start < recorded.length; start += 500)
      await tx.insert(employmentRecords).values(
        recorded.slice(start, start + 500).map((work) => ({
          id: newId(),
          personId: personId(work.person),
          employerId: employerIds[work.employer] as string,
          startOn: work.startOn,
          endOn: work.endOn,
          insured: work.insured,
          occupation: work.occupation,
          monthlyWage: work.monthlyWage,
        })),
      );
    await appendAudit(tx, {
      action: 'create',
      entityType: 'seeker_profile',
      actor: null,
      detail: { demo: true, profiles: elsewhere.length },
    });
    await appendAudit(tx, {
      action: 'create',
      entityType: 'employment_record',
      actor: null,
      detail: { demo: true, records: recorded.length },
    });
  });
  result.profiles += elsewhere.length;

  for (const { person, savedOn, input, served } of plan.profiles) {
    const actor = actorFor(person);
    if (!served || !actor) continue;
    if (stopped()) return result;
    await act(actor, clock(savedOn), (clocked) =>
      saveSeekerProfile(clocked, { actor, personId: personId(person), input }),
    );
    result.profiles += 1;
  }

  result.earlyEnds = await recordEarlyEnds(deps, plan, {
    actorFor,
    personId,
    employerIds,
    act,
    clock,
    stopped,
  });

  // The insurance history of the served persons, entered today: no retention check is already late.
  for (const work of plan.history) {
    const actor = actorFor(work.person);
    if (!work.served || !actor) continue;
    if (stopped()) return result;
    const { person, served: _served, employer, ...input } = work;
    await act(actor, clock(today), (clocked) =>
      addEmploymentRecord(clocked, {
        actor,
        personId: personId(person),
        input: { ...input, employerId: employerIds[employer] as string },
      }),
    );
  }

  for (const enrolment of plan.enrolments) {
    const actor = actorFor(enrolment.person);
    if (!actor) continue;
    if (stopped()) return result;
    const view = await act(actor, clock(enrolment.enrolledOn), (clocked) =>
      enrolPerson(clocked, {
        actor,
        personId: personId(enrolment.person),
        courseId: courseIds[enrolment.course] as string,
      }),
    );
    result.enrolments += 1;
    const { outcome } = enrolment;
    if (!outcome) continue;
    await act(actor, clock(outcome.on), (clocked) =>
      changeEnrolment(clocked, {
        actor,
        enrolmentId: view.id,
        change: {
          status: outcome.status,
          attendedHours: outcome.attendedHours,
          completedOn: outcome.completedOn,
          certificateObtained: outcome.certificate?.code ?? null,
          certificateOn: outcome.certificate?.on ?? null,
          version: view.version,
        },
      }),
    );
  }

  // Applications in the order they were made; each step on its day, a little later in the day than the last.
  const byDate = plan.applications
    .map((application, order) => ({ application, order }))
    .sort((a, b) => compareDates(a.application.createdOn, b.application.createdOn) || a.order - b.order);
  const placedPersons: number[] = [];
  for (const { application, order } of byDate) {
    const actor = actorFor(application.person);
    if (!actor) continue;
    if (stopped()) return result;
    const minutes = (order * 37) % 300;
    let view = await act(actor, clock(application.createdOn, minutes), (clocked) =>
      createApplication(clocked, {
        actor,
        personId: personId(application.person),
        postingId: (postingViews[application.posting] as { id: string }).id,
        stage: application.stage,
      }),
    );
    result.applications += 1;
    for (const [k, step] of application.steps.entries()) {
      const version = view.version;
      view = await act(actor, clock(step.on, minutes + 10 * (k + 1)), (clocked) =>
        moveApplication(clocked, { actor, applicationId: view.id, move: { ...step.move, version } }),
      );
      if (step.move.to === 'placed') {
        result.placements += 1;
        placedPersons.push(application.person);
      }
    }
  }

  // Postings that are filled or past their closing day are marked closed (the posting's version grew with none
  // of the above: applications do not change it).
  for (const [index, posting] of plan.postings.entries()) {
    if (posting.closedOn === null) continue;
    if (stopped()) return result;
    const { id, version } = postingViews[index] as { id: string; version: number };
    const employerId = employerIds[posting.employer] as string;
    await act(officer, clock(posting.closedOn), (clocked) =>
      savePosting(clocked, {
        actor: officer,
        postingId: id,
        input: { ...posting.input, employerId, status: 'closed', version },
      }),
    );
    result.closedPostings += 1;
  }

  const random = seededRandom((options.seed ?? DEMO_JOBS.seed) + 1);
  await completeRetentionChecks(deps, { random, placedPersons, personId, actorFor, act, clock, today });
  result.payments = await payIncentives(plan, {
    random,
    centers: population.map((row) => row.center),
    personId,
    officerPersons,
    officer,
    manager,
    officerCenterId: caseWorker?.organizationId ?? null,
    act,
    clock,
    today,
    stopped,
  });
  const [records] = await deps.db.select({ n: count() }).from(employmentRecords);
  result.employmentRecords = records?.n ?? 0;
  return result;
}

type Act = <T>(actor: Actor, when: Date, task: (clocked: Deps) => Promise<T>) => Promise<T>;
type Clock = (date: IsoDate, minutes?: number) => Date;

/**
 * Short jobs within protection, as they happened: recorded on the first days, the checks that fell due done,
 * the last day recorded a few days after it (which cancels the later checks and raises the early-end
 * follow-up), and the talk with the person held within the week.
 */
async function recordEarlyEnds(
  deps: Deps,
  plan: DemoJobsPlan,
  context: {
    actorFor: (person: number) => Actor | null;
    personId: (person: number) => string;
    employerIds: readonly string[];
    act: Act;
    clock: Clock;
    stopped: () => boolean;
  },
): Promise<number> {
  let done = 0;
  for (const work of plan.earlyEnds) {
    const actor = context.actorFor(work.person);
    if (!actor || work.endOn === null) continue;
    if (context.stopped()) break;
    const { person, served: _served, employer, endOn, ...rest } = work;
    const input = { ...rest, employerId: context.employerIds[employer] as string };
    const subject = context.personId(person);
    const record = await context.act(actor, context.clock(addDays(work.startOn, 2)), (clocked) =>
      addEmploymentRecord(clocked, { actor, personId: subject, input: { ...input, endOn: null } }),
    );
    const checks = await deps.db
      .select({ id: tasks.id, dueOn: tasks.dueOn, version: tasks.version })
      .from(tasks)
      .where(
        and(
          eq(tasks.personId, subject),
          eq(tasks.kind, 'retention_check'),
          eq(tasks.status, 'open'),
          sql`${tasks.period}->>'start' = ${work.startOn}`,
          lte(tasks.dueOn, endOn),
        ),
      )
      .orderBy(asc(tasks.dueOn));
    for (const check of checks)
      await context.act(actor, context.clock(check.dueOn, 60), (clocked) =>
        completeTask(clocked, { actor, taskId: check.id, version: check.version }),
      );
    const recordedOn = addDays(endOn, 3);
    await context.act(actor, context.clock(recordedOn), (clocked) =>
      changeEmploymentRecord(clocked, {
        actor,
        recordId: record.id,
        input: { ...input, endOn, version: record.version },
      }),
    );
    const [followUp] = await deps.db
      .select({ id: tasks.id, version: tasks.version })
      .from(tasks)
      .where(
        and(eq(tasks.personId, subject), eq(tasks.kind, 'employment_ended_early'), eq(tasks.status, 'open')),
      );
    if (followUp)
      await context.act(actor, context.clock(addDays(recordedOn, 4)), (clocked) =>
        completeTask(clocked, { actor, taskId: followUp.id, version: followUp.version }),
      );
    done += 1;
  }
  return done;
}

/** The retention checks of the placements that have fallen due: most done within days, a few left late. */
async function completeRetentionChecks(
  deps: Deps,
  context: {
    random: Random;
    placedPersons: readonly number[];
    personId: (person: number) => string;
    actorFor: (person: number) => Actor | null;
    act: Act;
    clock: Clock;
    today: IsoDate;
  },
): Promise<void> {
  if (context.placedPersons.length === 0) return;
  const indexOf = new Map(context.placedPersons.map((person) => [context.personId(person), person]));
  const open = await deps.db
    .select({ id: tasks.id, personId: tasks.personId, dueOn: tasks.dueOn, version: tasks.version })
    .from(tasks)
    .where(
      and(
        eq(tasks.kind, 'retention_check'),
        eq(tasks.status, 'open'),
        lt(tasks.dueOn, context.today),
        inArray(tasks.personId, [...indexOf.keys()]),
      ),
    );
  const person = (task: (typeof open)[number]) => indexOf.get(task.personId) as number;
  open.sort((a, b) => person(a) - person(b) || compareDates(a.dueOn, b.dueOn));
  for (const task of open) {
    if (!context.random.chance(0.85)) continue;
    const actor = context.actorFor(person(task));
    if (!actor) continue;
    const doneOn = minDate(addDays(task.dueOn, context.random.int(0, 4)), context.today);
    await context.act(actor, context.clock(doneOn, 90), (clocked) =>
      completeTask(clocked, { actor, taskId: task.id, version: task.version }),
    );
  }
}

/**
 * Employment incentives claimed and paid, in the order they fell due: the older lines mostly, the recent ones
 * less often. Recorded by the demo officer for the officer's persons and by the center manager at that center
 * (no other demo account may pay); a few persons at the demo case worker's center keep their latest line due.
 */
async function payIncentives(
  plan: DemoJobsPlan,
  context: {
    random: Random;
    centers: readonly string[];
    personId: (person: number) => string;
    officerPersons: ReadonlySet<number>;
    officer: Actor;
    manager: Actor | null;
    officerCenterId: string | null;
    act: Act;
    clock: Clock;
    today: IsoDate;
    stopped: () => boolean;
  },
): Promise<number> {
  const { random, today } = context;
  const working = new Set([
    ...plan.history.filter((work) => work.served).map((work) => work.person),
    ...plan.earlyEnds.map((work) => work.person),
  ]);
  let paid = 0;
  let kept = 0;
  for (const person of [...working].sort((a, b) => a - b)) {
    if (context.stopped()) break;
    const center = context.centers[person];
    const payer = context.officerPersons.has(person)
      ? context.officer
      : context.manager?.organizationId === center
        ? context.manager
        : null;
    if (!payer) continue;
    const subject = context.personId(person);
    const statement = await context.act(payer, context.clock(today), (clocked) =>
      readIncentiveStatement(clocked, { actor: payer, personId: subject }),
    );
    const due = statement.lines
      .flatMap((line) =>
        line.status === 'due' && line.kind.startsWith('employment_') && line.dueOn !== null
          ? [{ kind: line.kind, amount: line.amount, dueOn: line.dueOn }]
          : [],
      )
      .sort((a, b) => compareDates(a.dueOn, b.dueOn));
    if (due.length === 0) continue;
    const extended = person === plan.extended;
    const keepLast = extended || (center === context.officerCenterId && kept < 3);
    if (keepLast && !extended) kept += 1;
    for (const line of keepLast ? due.slice(0, -1) : due) {
      // Claims come in order: one not made yet holds back the later ones.
      if (!extended && !random.chance(daysBetween(line.dueOn, today) > 180 ? 0.8 : 0.4)) break;
      const paidOn = minDate(addDays(line.dueOn, random.int(14, 60)), today);
      const claimedOn = minDate(addDays(line.dueOn, random.int(1, 10)), paidOn);
      const recordedOn = minDate(addDays(paidOn, random.int(0, 3)), today);
      await context.act(payer, context.clock(recordedOn, 120), (clocked) =>
        recordIncentivePayment(clocked, {
          actor: payer,
          personId: subject,
          input: { line: line.kind, amount: line.amount, paidOn, claimedOn },
        }),
      );
      paid += 1;
    }
  }
  return paid;
}

// ——— for the browser tests ———

export interface JobsShowcase {
  /** Seekers whose best open posting scores at least the minimum, with that posting. */
  readonly recommended: readonly { personId: string; code: string; postingId: string; score: number }[];
  /** Persons with an employment incentive line due now. */
  readonly incentiveDue: readonly { personId: string; code: string; line: string; amount: number }[];
}

/**
 * What a browser walk can show the signed-in account, found through the API only (`get` answers a path with
 * the response's JSON): seekers with a good recommendation, and persons with an employment incentive due. A
 * test relies on this, never on the ids or codes of one database. Empty until the demo jobs are in.
 */
export async function findJobsShowcase(
  get: (path: string) => Promise<unknown>,
  options: { minScore?: number; wanted?: number } = {},
): Promise<JobsShowcase> {
  const minScore = options.minScore ?? 60;
  const wanted = options.wanted ?? 3;
  const seekers: SeekerListItem[] = [];
  for (let page = 1; ; page++) {
    const list = SeekerList.parse(await get(`/api/jobs/seekers?pageSize=100&page=${page}`));
    seekers.push(...list.items);
    if (list.items.length === 0 || seekers.length >= list.total) break;
  }
  seekers.sort((a, b) => (a.person.code < b.person.code ? -1 : a.person.code > b.person.code ? 1 : 0));
  const recommended: JobsShowcase['recommended'][number][] = [];
  for (const { person, status } of seekers) {
    if (recommended.length >= wanted) break;
    if (status !== 'seeking') continue;
    const [best] = PostingRecommendationList.parse(
      await get(`/api/persons/${person.id}/jobs/recommendations`),
    ).items;
    if (best && best.score >= minScore)
      recommended.push({
        personId: person.id,
        code: person.code,
        postingId: best.posting.id,
        score: best.score,
      });
  }
  const incentiveDue: JobsShowcase['incentiveDue'][number][] = [];
  for (const { person } of seekers) {
    if (incentiveDue.length >= wanted) break;
    const statement = IncentiveStatementView.parse(await get(`/api/persons/${person.id}/incentives`));
    const line = statement.lines.find((each) => each.status === 'due' && each.kind.startsWith('employment_'));
    if (line)
      incentiveDue.push({ personId: person.id, code: person.code, line: line.kind, amount: line.amount });
  }
  return { recommended, incentiveDue };
}
