import {
  compareDates,
  type HoursPreference,
  type IsoDate,
  type Region,
  type WorkSchedule,
} from '@ieum/domain';
import type { Random } from './prng';

/**
 * What the jobs demo is made of: the reference occupations with their 2026 wages, skills, certificates and
 * posting titles; kinds of firm and the words of their names; where firms are; the training courses; what
 * people seek; and the minimum wage by year, to date a wage of an older job. Every name is made up.
 */
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

export interface Occupation {
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
export const OCCUPATIONS: Readonly<Record<string, Occupation>> = {
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
export const INDUSTRIES: readonly { suffixes: readonly string[]; form: 'company' | 'facility'; occupations: readonly string[]; weight: number; rural?: true }[] = [
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
export const NAME_WORDS = [
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
export const EMPLOYER_REGIONS: readonly (readonly [Region, number])[] = [
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
export const COURSES: readonly (readonly [string, string, string, number, Region, number, boolean, string | null, CourseTiming])[] = [
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
export const SOUGHT: Readonly<Record<'female' | 'male', readonly (readonly [string, number])[]>> = {
  female: [['0423', 14], ['1341', 10], ['1351', 9], ['1321', 8], ['1331', 6], ['1832', 6], ['1691', 6], ['1811', 5], ['1711', 5], ['1323', 4], ['0425', 4], ['1421', 4], ['1422', 4], ['0231', 4], ['0261', 3], ['0631', 3], ['1311', 3], ['1831', 3], ['1361', 3], ['0424', 2], ['0632', 2], ['0232', 2], ['1322', 2], ['1812', 2], ['0262', 2], ['0421', 1]],
  male: [['1451', 10], ['1541', 8], ['1461', 8], ['1692', 8], ['1441', 7], ['1621', 7], ['1611', 7], ['1352', 5], ['1431', 5], ['1631', 3], ['1721', 3], ['1442', 3], ['1511', 3], ['1521', 3], ['1322', 3], ['1711', 3], ['0231', 3], ['1351', 3], ['1832', 3], ['1531', 2], ['1622', 2], ['1911', 2], ['1921', 1]],
};
/** Younger people look for office and counter work more; older ones for cleaning, guarding and care. */
export const YOUNGER = new Set(['0231', '0232', '0261', '0262', '1421', '0424', '0631']);
export const OLDER = new Set(['1351', '1352', '0425', '0423', '1341']);
export const FARMING = new Set(['1911', '1921']);
export const NORTH_WORK = ['1911', '1692', '1811', '1341', '1461', '1832', '1621'];
export const THIRD_COUNTRY_WORK = ['1341', '1331', '1911', '1811', '1692', '0425'];

/** Months of a stretch of work, and of the current job (most defectors change jobs often in the first years). */
export const SPELL_MONTHS: readonly (readonly [readonly [number, number], number])[] = [
  [[2, 5], 30],
  [[6, 11], 25],
  [[12, 30], 30],
  [[31, 72], 15],
];
export const CURRENT_MONTHS: readonly (readonly [readonly [number, number], number])[] = [
  [[1, 6], 22],
  [[7, 18], 28],
  [[19, 48], 28],
  [[49, 144], 22],
];

export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) >= 0 ? a : b);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) <= 0 ? a : b);
export const roundWage = (won: number) => Math.round(won / 10_000) * 10_000;

export function drawMonths(
  random: Random,
  table: readonly (readonly [readonly [number, number], number])[],
): number {
  const [min, max] = random.weighted(table);
  return random.int(min, max);
}

export function occupationOf(code: string): Occupation {
  const found = OCCUPATIONS[code];
  if (!found) throw new Error(`demo jobs: no occupation ${code} in the table`);
  return found;
}

/** A wage of `year` for the work: the 2026 wage scaled by that year's minimum wage, never below it. */
export function wageIn(random: Random, code: string, year: number, partTime: boolean): number {
  const work = occupationOf(code);
  const years = Object.keys(MINIMUM_HOURLY_WAGE).map(Number);
  const clamped = Math.min(Math.max(year, Math.min(...years)), Math.max(...years));
  const hourly = MINIMUM_HOURLY_WAGE[clamped] as number;
  const base = partTime ? (work.partWage ?? Math.round(work.wage / 2)) : work.wage;
  const wage = roundWage((base * hourly * random.int(95, 110)) / 100 / 10_320);
  return partTime ? wage : Math.max(wage, Math.ceil((hourly * 209) / 10) * 10);
}

type Weights<T> = readonly (readonly [T, number])[];

// biome-ignore format: a table reads best one row a line
export const COMPANY_FORMS: Weights<string> = [['(주)', 5], ['', 3], ['주식회사 ', 2]];
// biome-ignore format: a table reads best one row a line
export const POSTINGS_PER_EMPLOYER: Weights<number> = [[2, 25], [3, 35], [4, 28], [5, 12]];
// biome-ignore format: a table reads best one row a line
export const OPENINGS: Weights<number> = [[1, 40], [2, 30], [3, 15], [4, 8], [5, 7]];
/** Applications of a seeker in the last weeks, and where each stands now. */
// biome-ignore format: a table reads best one row a line
export const APPLICATIONS_PER_SEEKER: Weights<number> = [[0, 30], [1, 35], [2, 25], [3, 10]];
// biome-ignore format: a table reads best one row a line
export const OUTCOMES = [['recommended', 20], ['applied', 20], ['interview', 14], ['offer', 6], ['rejected', 20], ['withdrawn', 20]] as const;

/** Computer level (1-5) by age: under 35, under 50, older. */
// biome-ignore format: a table reads best one row a line
export const COMPUTER_LEVEL: Readonly<Record<'younger' | 'middle' | 'older', Weights<number>>> = {
  younger: [[3, 3], [4, 4], [5, 2]],
  middle: [[1, 1], [2, 4], [3, 4], [4, 1]],
  older: [[1, 4], [2, 4], [3, 1]],
};
/** Workplace Korean (1-5) by years in the South: ten or more, five or more, fewer. */
// biome-ignore format: a table reads best one row a line
export const KOREAN_LEVEL: Readonly<Record<'settled' | 'settling' | 'recent', Weights<number>>> = {
  settled: [[3, 2], [4, 5], [5, 3]],
  settling: [[2, 1], [3, 4], [4, 4], [5, 1]],
  recent: [[2, 3], [3, 4], [4, 2]],
};
/** Hours wanted: with young children or from 58, part-time more often. */
// biome-ignore format: a table reads best one row a line
export const HOURS_WANTED: Readonly<Record<'limited' | 'usual', Weights<HoursPreference>>> = {
  limited: [['part_time', 4], ['either', 3], ['full_time', 3]],
  usual: [['full_time', 6], ['either', 3], ['part_time', 1]],
};
// biome-ignore format: a table reads best one row a line
export const COMMUTE_MINUTES: Weights<number> = [[30, 1], [40, 3], [60, 4], [90, 2]];
