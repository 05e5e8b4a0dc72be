import type { CategoryInput, MetricKey } from '@ieum/domain';

/**
 * The content of the 2020 plan demo (seed/demo-plan.ts). The seven categories are those of the Ministry of
 * Unification's press release of 18 February 2020; the 53 tasks are illustrative: the real list is not public
 * (../shared/DOMAIN.md), so each task says so in its description. Where the release names a real 2020 item
 * (Hana Center-Employment Center cooperation, the Employment Success Package, priority purchasing, Hanawon's
 * vocational building, alternative-school criteria, overseas study), the task carries its name.
 */
export const ILLUSTRATIVE =
  '예시 과제: 실제 2020년 시행계획의 과제 목록은 공개되지 않았습니다. 보도자료(2020. 2. 18.)의 7개 분야에 맞춰 만든 데모 데이터입니다.';
const NAMED_IN_RELEASE = '과제명은 보도자료에 언급된 2020년 추진 사항이며, 세부 내용·지표·실적은 예시입니다.';

export const DEMO_MASTER_PLAN = {
  titleKo: '제2차 북한이탈주민 정착지원 기본계획(2018~2020)',
  titleEn: 'Second Master Plan for Settlement Support of North Korean Defectors (2018-2020)',
  startYear: 2018,
  endYear: 2020,
} as const;

export const DEMO_PLAN_SUMMARY = [
  '통일부는 20개 중앙행정기관, 3개 지방자치단체와 함께 제2차 기본계획(2018~2020)의 마지막 해인 2020년 시행계획을 수립하였습니다. ' +
    '북한이탈주민 대책협의회 서면 협의(2020. 2. 7.~2. 13.)를 거쳐 7개 분야 53개 과제를 확정하였습니다.',
  '일자리와 교육을 통해 북한이탈주민이 생산적 시민으로 자립하도록 돕고, 생활 밀착형 서비스와 취약계층 보호를 강화하며, ' +
    '하나센터를 중심으로 중앙·지방·민간의 협업을 넓혀 지역사회 통합을 이룹니다.',
  `※ ${ILLUSTRATIVE}`,
].join('\n\n');

export const DEMO_CATEGORIES: readonly CategoryInput[] = [
  {
    code: 1,
    nameKo: '일자리',
    nameEn: 'Jobs',
    goal: '새로운 역량 개발과 일자리 연계로 북한이탈주민을 생산적 시민으로',
  },
  {
    code: 2,
    nameKo: '교육지원',
    nameEn: 'Education support',
    goal: '탈북 청소년의 학교 적응과 학습 능력 향상',
  },
  {
    code: 3,
    nameKo: '생활밀착형 서비스',
    nameEn: 'Services for daily living',
    goal: '생활 편의 체계와 법률 교육·상담으로 일상의 어려움 해소',
  },
  {
    code: 4,
    nameKo: '정책 협업체계',
    nameEn: 'Policy cooperation',
    goal: '중앙·지방정부, 민간, 북한이탈주민 공동체가 함께하는 정책 추진',
  },
  {
    code: 5,
    nameKo: '하나센터',
    nameEn: 'Hana Centers',
    goal: '지역 기반 정착지원의 거점으로서 지자체와 민간의 역할 확대',
  },
  {
    code: 6,
    nameKo: '취약계층 보호',
    nameEn: 'Protection of vulnerable defectors',
    goal: '위기 가구의 발굴과 상담, 생계 지원',
  },
  {
    code: 7,
    nameKo: '사회통합',
    nameEn: 'Social integration',
    goal: '북한이탈주민과 지역주민의 소통과 화합',
  },
];

/** A KPI the lead organization reports each quarter: name, unit word (null for a rate), baseline, target. */
type ManualKpiSpec = readonly [nameKo: string, unitLabelKo: string | null, baseline: number, target: number];

/** A KPI computed from the platform's own data (domain/plan/metrics.ts). */
export interface MetricKpiSpec {
  readonly key: MetricKey;
  readonly nameKo: string;
  readonly baseline: number;
  readonly target: number;
}

export interface DemoTaskSpec {
  readonly title: string;
  /** A key of DEMO_ORGANIZATIONS. */
  readonly lead: string;
  readonly with: readonly string[];
  readonly kpi: ManualKpiSpec;
  readonly metric?: MetricKpiSpec;
  /** Named in the press release (the title is real, the rest illustrative). */
  readonly named?: true;
}

const LGS = ['lg-nowon', 'lg-namdong', 'lg-hwaseong'];

/** By category code, in task order: the task's code is `<category>-<position>`. */
export const DEMO_TASKS: Readonly<Record<number, readonly DemoTaskSpec[]>> = {
  1: [
    {
      title: '하나센터-고용센터 협업 체계 구축',
      lead: 'ministry',
      with: ['dept-moel', 'employment', 'foundation'],
      kpi: ['고용센터 연계 상담 건수', '건', 1200, 1800],
      metric: { key: 'jobs.placements', nameKo: '취업 연계 건수(자동 산출)', baseline: 0, target: 120 },
      named: true,
    },
    {
      title: '취업성공패키지 북한이탈주민 참여 확대',
      lead: 'dept-moel',
      with: ['ministry', 'employment'],
      kpi: ['취업성공패키지 참여자', '명', 850, 1000],
      metric: {
        key: 'jobs.employment_rate',
        nameKo: '생산가능인구 취업률(자동 산출)',
        baseline: 55,
        target: 60,
      },
      named: true,
    },
    {
      title: '북한이탈주민 고용기업 우선구매 확대',
      lead: 'ministry',
      with: ['dept-pps', 'dept-mss', 'foundation'],
      kpi: ['우선구매 참여 공공기관', '개소', 40, 60],
      named: true,
    },
    {
      title: '하나원 직업훈련관 개관(미용·조리·제빵 자격 과정)',
      lead: 'ministry',
      with: ['dept-moel'],
      kpi: ['직업훈련관 자격 과정 수료생', '명', 0, 150],
      named: true,
    },
    {
      title: '국민내일배움카드 연계 맞춤형 직업훈련',
      lead: 'dept-moel',
      with: ['ministry', 'employment'],
      kpi: ['직업훈련 수료자', '명', 600, 750],
    },
    {
      title: '북한이탈주민 창업 교육 및 사업화 지원',
      lead: 'dept-mss',
      with: ['ministry', 'foundation'],
      kpi: ['창업 지원 기업', '개소', 25, 40],
    },
    {
      title: '영농 정착 지원 및 귀농 교육',
      lead: 'ministry',
      with: ['dept-mafra'],
      kpi: ['영농 교육 수료자', '명', 40, 60],
    },
    {
      title: '미래행복통장 자산 형성 지원',
      lead: 'ministry',
      with: ['foundation', 'dept-fsc'],
      kpi: ['미래행복통장 가입자', '명', 2300, 2600],
    },
    {
      title: '취업장려금 제도 개선(근속 연계 강화)',
      lead: 'ministry',
      with: ['dept-moel'],
      kpi: ['취업장려금 지급 인원', '명', 1500, 1600],
    },
    {
      title: '공공부문 채용 확대',
      lead: 'dept-mois',
      with: ['ministry', 'dept-moef'],
      kpi: ['공공기관 채용 인원', '명', 60, 80],
    },
  ],
  2: [
    {
      title: '대안학교 지원 기준 객관화',
      lead: 'ministry',
      with: ['dept-moe', 'school'],
      kpi: ['평가 기준 적용 대안학교', '개소', 0, 12],
      named: true,
    },
    {
      title: '탈북학생 학교 적응 전담 코디네이터 운영',
      lead: 'dept-moe',
      with: ['ministry', 'foundation'],
      kpi: ['코디네이터 배치 학교', '개소', 45, 60],
    },
    {
      title: '제3국 출생 자녀 한국어 교육 지원',
      lead: 'dept-moe',
      with: ['ministry', 'dept-mogef'],
      kpi: ['한국어 교육 참여 학생', '명', 700, 900],
    },
    {
      title: '탈북 대학생 해외 연수',
      lead: 'ministry',
      with: ['foundation', 'dept-mofa'],
      kpi: ['해외 연수 참여 학생', '명', 30, 40],
      named: true,
    },
    {
      title: '탈북 대학생 장학금 지원',
      lead: 'ministry',
      with: ['foundation'],
      kpi: ['장학금 수혜 학생', '명', 1000, 1100],
    },
    {
      title: '화상 멘토링 방과후 학습 지도',
      lead: 'dept-moe',
      with: ['dept-msit'],
      kpi: ['학습 멘토링 참여 학생', '명', 400, 550],
    },
    {
      title: '진로·진학 상담 및 직업 체험',
      lead: 'dept-moe',
      with: ['dept-moel', 'school'],
      kpi: ['진로 상담 참여 학생', '명', 800, 1000],
    },
    {
      title: '탈북학생 지도 교원 연수',
      lead: 'dept-moe',
      with: ['ministry'],
      kpi: ['연수 이수 교원', '명', 300, 400],
    },
  ],
  3: [
    {
      title: '법률 교육 및 찾아가는 법률 상담',
      lead: 'dept-moj',
      with: ['ministry', 'legal-aid'],
      kpi: ['법률 상담 건수', '건', 900, 1100],
    },
    {
      title: '전입 초기 공공임대주택 우선 공급',
      lead: 'ministry',
      with: ['dept-molit', ...LGS],
      kpi: ['임대주택 알선 가구', '가구', 900, 950],
    },
    {
      title: '금융 교육 및 채무 상담',
      lead: 'ministry',
      with: ['dept-fsc', 'foundation'],
      kpi: ['금융 교육 이수자', '명', 500, 700],
    },
    {
      title: '의료비 지원 및 건강검진 연계',
      lead: 'dept-mohw',
      with: ['ministry', 'foundation'],
      kpi: ['의료비 지원 인원', '명', 700, 800],
    },
    {
      title: '트라우마 치유 및 정신건강 상담',
      lead: 'dept-mohw',
      with: ['foundation', ...LGS],
      kpi: ['정신건강 상담 인원', '명', 350, 500],
    },
    {
      title: '정착 생활 정보 모바일 안내 서비스',
      lead: 'ministry',
      with: ['dept-msit', 'foundation'],
      kpi: ['안내 서비스 이용자', '명', 3000, 5000],
    },
    {
      title: '운전면허 등 생활 자격 취득 지원',
      lead: 'ministry',
      with: ['dept-knpa'],
      kpi: ['자격 취득 지원 인원', '명', 250, 300],
    },
    {
      title: '신변보호 및 개인정보 보호 안내 강화',
      lead: 'dept-mois',
      with: ['ministry', 'dept-knpa'],
      kpi: ['보호 안내 교육 이수자', '명', 1000, 1200],
    },
  ],
  4: [
    {
      title: '중앙-지방 정착지원 정책협의회 운영',
      lead: 'ministry',
      with: ['dept-mois', ...LGS],
      kpi: ['정책협의회 개최', '회', 2, 4],
    },
    {
      title: '지역협의회 활성화',
      lead: 'dept-mois',
      with: ['ministry', ...LGS],
      kpi: ['정기 개최 지역협의회', '개', 80, 100],
    },
    {
      title: '지자체 정착지원 조례 정비',
      lead: 'dept-mois',
      with: ['ministry', 'lg-nowon', 'lg-hwaseong'],
      kpi: ['조례 정비 지자체', '개', 60, 75],
    },
    {
      title: '민간단체 협력 네트워크 구축',
      lead: 'ministry',
      with: ['ngo', 'foundation'],
      kpi: ['협약 민간단체', '개', 20, 30],
    },
    {
      title: '북한이탈주민 정책 모니터링단 운영',
      lead: 'ministry',
      with: ['foundation'],
      kpi: ['모니터링단 제안 반영', '건', 10, 20],
    },
    {
      title: '정착 실태조사 및 통계 정비',
      lead: 'ministry',
      with: ['foundation', 'dept-moel'],
      kpi: ['실태조사 응답률', null, 70, 80],
    },
    {
      title: '거주지 보호 업무 표준 매뉴얼 보급',
      lead: 'lg-namdong',
      with: ['dept-mois', 'ministry'],
      kpi: ['매뉴얼 적용 지자체', '개', 0, 30],
    },
  ],
  5: [
    {
      title: '하나센터 사례관리 강화',
      lead: 'ministry',
      with: ['foundation', ...LGS],
      kpi: ['사례관리 종결 건수', '건', 1500, 1800],
      metric: { key: 'cases.opened', nameKo: '사례관리 개시 건수(자동 산출)', baseline: 0, target: 400 },
    },
    {
      title: '초기 집중교육(8일 50시간) 내실화',
      lead: 'ministry',
      with: ['foundation'],
      kpi: ['초기 집중교육 이수자', '명', 1000, 1100],
    },
    {
      title: '하나센터 전문 인력 보강',
      lead: 'ministry',
      with: ['dept-mois', 'dept-moef'],
      kpi: ['하나센터 종사자', '명', 180, 210],
    },
    {
      title: '지자체의 하나센터 운영 참여 확대',
      lead: 'lg-nowon',
      with: ['ministry', 'dept-mois'],
      kpi: ['운영비 분담 지자체', '개', 5, 10],
    },
    {
      title: '하나센터 전문상담사 배치',
      lead: 'ministry',
      with: ['foundation'],
      kpi: ['전문상담사 배치 센터', '개소', 15, 25],
    },
    {
      title: '정착도우미 운영 내실화',
      lead: 'lg-hwaseong',
      with: ['ministry', 'foundation'],
      kpi: ['정착도우미 활동 인원', '명', 40, 60],
    },
    {
      title: '하나센터 정보보안 점검',
      lead: 'ministry',
      with: ['foundation'],
      kpi: ['보안 점검 완료 센터', '개소', 25, 25],
    },
  ],
  6: [
    {
      title: '위기 가구 조기 발굴(사회보장정보시스템 연계)',
      lead: 'dept-mohw',
      with: ['ministry', 'ssis'],
      kpi: ['연계 정보 항목', '개', 14, 18],
      metric: {
        key: 'protection.alerts_opened',
        nameKo: '위기 경보 발생 건수(자동 산출)',
        baseline: 0,
        target: 300,
      },
    },
    {
      title: '위기 가구 신속 지원',
      lead: 'ministry',
      with: ['dept-mohw', 'foundation', ...LGS],
      kpi: ['긴급 복지 연계 가구', '가구', 200, 300],
      metric: {
        key: 'protection.crisis_reached_within_deadline',
        nameKo: '기한 내 접촉한 위기 가구(자동 산출)',
        baseline: 0,
        target: 100,
      },
    },
    {
      title: '취약계층 실태 전수 조사',
      lead: 'ministry',
      with: ['dept-mois', ...LGS],
      kpi: ['조사 완료율', null, 0, 100],
    },
    {
      title: '한부모 가족 양육 지원',
      lead: 'dept-mogef',
      with: ['ministry', 'foundation'],
      kpi: ['양육 지원 가구', '가구', 300, 400],
    },
    {
      title: '고령 북한이탈주민 돌봄 연계',
      lead: 'dept-mohw',
      with: ['lg-hwaseong', 'foundation'],
      kpi: ['돌봄 연계 인원', '명', 150, 250],
    },
    {
      title: '긴급 생계비 지원',
      lead: 'ministry',
      with: ['foundation', ...LGS],
      kpi: ['긴급 생계비 지원 가구', '가구', 250, 300],
    },
    {
      title: '24시간 콜센터 위기 상담',
      lead: 'ministry',
      with: ['foundation'],
      kpi: ['위기 상담 건수', '건', 2000, 2500],
    },
  ],
  7: [
    {
      title: '지역주민 소통 행사',
      lead: 'lg-hwaseong',
      with: ['ministry', 'ngo'],
      kpi: ['소통 행사 개최', '회', 4, 8],
    },
    {
      title: '북한이탈주민 인식 개선 교육',
      lead: 'ministry',
      with: ['dept-moe', 'dept-mcst'],
      kpi: ['인식 개선 교육 이수자', '명', 5000, 8000],
    },
    {
      title: '남북 주민 어울림 멘토링',
      lead: 'dept-mogef',
      with: ['ministry', 'ngo'],
      kpi: ['멘토링 결연', '쌍', 100, 150],
    },
    {
      title: '문화·체육 교류 프로그램',
      lead: 'ministry',
      with: ['dept-mcst', ...LGS],
      kpi: ['교류 프로그램 참여자', '명', 1500, 2000],
    },
    {
      title: '학교 통일교육과 연계한 탈북민 강사 활동',
      lead: 'ministry',
      with: ['dept-moe'],
      kpi: ['탈북민 강사 활동 학교', '개교', 200, 260],
    },
    {
      title: '긍정적 인식 확산 홍보',
      lead: 'ministry',
      with: ['dept-mcst'],
      kpi: ['홍보 콘텐츠 제작', '건', 20, 30],
    },
  ],
};

/** The task description: what it is for, and that it is illustrative. */
export function demoTaskDescription(spec: DemoTaskSpec, categoryGoal: string): string {
  return [ILLUSTRATIVE, spec.named ? NAMED_IN_RELEASE : null, `분야 목표: ${categoryGoal}`]
    .filter((line) => line !== null)
    .join('\n\n');
}
