import type { CommentResolution, ProgressStatus } from '@ieum/domain';

/**
 * Who speaks in the 2020 plan demo (seed/demo-plan.ts): the task reporter of each lead organization, the
 * invited organizations' comments in the consultation with the plan manager's resolutions, and the words of
 * the quarterly reports. All illustrative.
 */

/** The task reporter of each lead organization: the demo one at the ministry, one made here elsewhere. */
export const REPORTERS: Readonly<Record<string, string>> = {
  ministry: 'demo-task-reporter',
  'dept-moel': 'demo-task-reporter-moel',
  'dept-moe': 'demo-task-reporter-moe',
  'dept-mohw': 'demo-task-reporter-mohw',
  'dept-moj': 'demo-task-reporter-moj',
  'dept-mois': 'demo-task-reporter-mois',
  'dept-mogef': 'demo-task-reporter-mogef',
  'dept-mss': 'demo-task-reporter-mss',
  'lg-nowon': 'demo-task-reporter-nowon',
  'lg-namdong': 'demo-task-reporter-namdong',
  'lg-hwaseong': 'demo-task-reporter-hwaseong',
};

/** Who answered the consultation and how the plan manager resolved it (반영, 일부 반영, 미반영). */
export const COMMENTS: readonly {
  by: string;
  task: string | null;
  body: string;
  resolution: CommentResolution;
  reason: string;
}[] = [
  {
    by: 'demo-task-reporter-moel',
    task: null,
    body: '일자리 분야 성과지표에 고용보험 가입 기준 취업률을 함께 제시해 주시기 바랍니다.',
    resolution: 'partly_accepted',
    reason:
      '취업률은 플랫폼이 자동 산출하는 지표로 반영하고, 고용보험 기준 지표는 2021년 계획에서 검토합니다.',
  },
  {
    by: 'demo-task-reporter-moel',
    task: '1-1',
    body: '하나센터-고용센터 협업 과제에 고용센터별 전담 상담사 지정을 명시해 주십시오.',
    resolution: 'accepted',
    reason: '',
  },
  {
    by: 'demo-task-reporter-moe',
    task: '2-1',
    body: '대안학교 지원 기준에 학생 수와 교원 자격 요건을 포함해 주시기 바랍니다.',
    resolution: 'accepted',
    reason: '',
  },
  {
    by: 'demo-task-reporter-moe',
    task: '2-4',
    body: '해외 연수는 감염병 상황에 따라 국내 대체 프로그램을 함께 마련할 필요가 있습니다.',
    resolution: 'partly_accepted',
    reason: '하반기 상황을 보아 국내 대체 과정을 검토하기로 하고, 목표 인원은 유지합니다.',
  },
  {
    by: 'demo-task-reporter-mohw',
    task: '6-1',
    body: '사회보장정보시스템 연계 항목에 건강보험료 체납 정보를 추가해 주십시오.',
    resolution: 'accepted',
    reason: '',
  },
  {
    by: 'demo-task-reporter-mohw',
    task: '3-4',
    body: '의료비 지원 대상을 기초생활수급 여부와 연동해 주시기 바랍니다.',
    resolution: 'not_accepted',
    reason: '정착 초기에는 수급 여부와 관계없이 지원하는 것이 기본계획의 방향이므로 현행 기준을 유지합니다.',
  },
  {
    by: 'demo-task-reporter-mogef',
    task: '6-4',
    body: '한부모 가족 양육 지원에 아이돌봄 서비스 우선 연계를 포함해 주십시오.',
    resolution: 'accepted',
    reason: '',
  },
  {
    by: 'demo-task-reporter-mss',
    task: '1-6',
    body: '창업 지원 목표를 40개소에서 50개소로 높일 것을 제안합니다.',
    resolution: 'not_accepted',
    reason: '올해 예산 범위에서 40개소를 유지하고, 성과를 보아 2021년에 확대를 검토합니다.',
  },
  {
    by: 'demo-residence-officer',
    task: '5-4',
    body: '하나센터 운영비 분담 비율의 표준안을 먼저 제시해 주시기 바랍니다.',
    resolution: 'partly_accepted',
    reason: '분담 비율 표준안은 상반기 중 지자체 의견을 모아 마련하되, 참여 확대 목표는 유지합니다.',
  },
  {
    by: 'demo-foundation-staff',
    task: null,
    body: '재단이 수행하는 사업(장학금, 콜센터, 전문상담사)의 소관을 과제별로 분명히 해 주십시오.',
    resolution: 'accepted',
    reason: '',
  },
  {
    by: 'demo-foundation-staff',
    task: '6-7',
    body: '콜센터 위기 상담 건수 외에 후속 연계율 지표가 필요합니다.',
    resolution: 'not_accepted',
    reason: '후속 연계는 위기 가구 신속 지원(6-2)의 자동 산출 지표로 측정하므로 별도 지표를 두지 않습니다.',
  },
];

/** Invitees who answered that they had nothing to add (의견 없음). */
export const NO_COMMENT_BY = ['demo-task-reporter-moj', 'demo-task-reporter-mois'];

export const NARRATIVES: Record<ProgressStatus, string> = {
  on_track: '(예시) 계획대로 추진하고 있으며 분기 목표를 달성했습니다.',
  delayed:
    '(예시) 코로나19 확산으로 집합 교육과 대면 행사를 미루어 일정이 늦어지고 있습니다. 비대면 방식으로 바꾸어 추진할 예정입니다.',
  at_risk:
    '(예시) 예산 집행과 인력 확보가 늦어져 연내 목표 달성이 어려울 수 있습니다. 관계기관과 대책을 협의하고 있습니다.',
  done: '(예시) 연간 목표를 상반기에 달성하여 과제를 마쳤습니다.',
};
