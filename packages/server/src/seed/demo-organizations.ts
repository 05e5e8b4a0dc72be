import type { OrganizationType, Region } from '@ieum/domain';
import { appendAudit } from '../platform/audit/audit-log';
import type { Db } from '../platform/db/client';
import { newId } from '../platform/db/ids';
import { organizations } from '../platform/db/schema';

export interface DemoOrganization {
  readonly key: string;
  readonly name: string;
  readonly nameEn: string;
  readonly type: OrganizationType;
  readonly region: Region | null;
}

/**
 * The 25 regional Hana Centers (지역적응센터) by region. Their number matches the public record (25 in
 * 2018 and 2023); the split within Seoul and Gyeonggi is illustrative.
 */
const HANA_CENTERS: readonly [string, string, Region][] = [
  ['서울동부하나센터', 'Seoul East Hana Center', 'seoul'],
  ['서울서부하나센터', 'Seoul West Hana Center', 'seoul'],
  ['서울남부하나센터', 'Seoul South Hana Center', 'seoul'],
  ['서울북부하나센터', 'Seoul North Hana Center', 'seoul'],
  ['부산하나센터', 'Busan Hana Center', 'busan'],
  ['대구하나센터', 'Daegu Hana Center', 'daegu'],
  ['인천남부하나센터', 'Incheon South Hana Center', 'incheon'],
  ['인천서부하나센터', 'Incheon West Hana Center', 'incheon'],
  ['광주하나센터', 'Gwangju Hana Center', 'gwangju'],
  ['대전하나센터', 'Daejeon Hana Center', 'daejeon'],
  ['울산하나센터', 'Ulsan Hana Center', 'ulsan'],
  ['경기북부하나센터', 'Gyeonggi North Hana Center', 'gyeonggi'],
  ['경기남부하나센터', 'Gyeonggi South Hana Center', 'gyeonggi'],
  ['경기서부하나센터', 'Gyeonggi West Hana Center', 'gyeonggi'],
  ['경기동부하나센터', 'Gyeonggi East Hana Center', 'gyeonggi'],
  ['경기중부하나센터', 'Gyeonggi Central Hana Center', 'gyeonggi'],
  ['경기서남부하나센터', 'Gyeonggi Southwest Hana Center', 'gyeonggi'],
  ['강원하나센터', 'Gangwon Hana Center', 'gangwon'],
  ['충북하나센터', 'Chungbuk Hana Center', 'chungbuk'],
  ['충남하나센터', 'Chungnam Hana Center', 'chungnam'],
  ['전북하나센터', 'Jeonbuk Hana Center', 'jeonbuk'],
  ['전남하나센터', 'Jeonnam Hana Center', 'jeonnam'],
  ['경북하나센터', 'Gyeongbuk Hana Center', 'gyeongbuk'],
  ['경남하나센터', 'Gyeongnam Hana Center', 'gyeongnam'],
  ['제주하나센터', 'Jeju Hana Center', 'jeju'],
];

/**
 * The government departments that drew up the 2020 implementation plan with the Ministry of Unification (20 with
 * it, by the press release of 18 Feb 2020). The release does not list them: these 19 are the departments whose
 * work touches settlement support, chosen for the plan demo (seed/demo-plan.ts). Public institutions, by their
 * 2020 names and seats.
 */
const DEPARTMENTS: readonly [string, string, string, Region][] = [
  ['dept-moef', '기획재정부', 'Ministry of Economy and Finance', 'sejong'],
  ['dept-moe', '교육부', 'Ministry of Education', 'sejong'],
  ['dept-msit', '과학기술정보통신부', 'Ministry of Science and ICT', 'sejong'],
  ['dept-mofa', '외교부', 'Ministry of Foreign Affairs', 'seoul'],
  ['dept-moj', '법무부', 'Ministry of Justice', 'gyeonggi'],
  ['dept-mnd', '국방부', 'Ministry of National Defense', 'seoul'],
  ['dept-mois', '행정안전부', 'Ministry of the Interior and Safety', 'sejong'],
  ['dept-mcst', '문화체육관광부', 'Ministry of Culture, Sports and Tourism', 'sejong'],
  ['dept-mafra', '농림축산식품부', 'Ministry of Agriculture, Food and Rural Affairs', 'sejong'],
  ['dept-motie', '산업통상자원부', 'Ministry of Trade, Industry and Energy', 'sejong'],
  ['dept-mohw', '보건복지부', 'Ministry of Health and Welfare', 'sejong'],
  ['dept-moel', '고용노동부', 'Ministry of Employment and Labor', 'sejong'],
  ['dept-mogef', '여성가족부', 'Ministry of Gender Equality and Family', 'seoul'],
  ['dept-molit', '국토교통부', 'Ministry of Land, Infrastructure and Transport', 'sejong'],
  ['dept-mof', '해양수산부', 'Ministry of Oceans and Fisheries', 'sejong'],
  ['dept-mss', '중소벤처기업부', 'Ministry of SMEs and Startups', 'daejeon'],
  ['dept-fsc', '금융위원회', 'Financial Services Commission', 'seoul'],
  ['dept-pps', '조달청', 'Public Procurement Service', 'daejeon'],
  ['dept-knpa', '경찰청', 'Korean National Police Agency', 'seoul'],
];

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  { key: 'ministry', name: '통일부', nameEn: 'Ministry of Unification', type: 'ministry', region: 'seoul' },
  ...DEPARTMENTS.map(([key, name, nameEn, region]) => ({
    key,
    name,
    nameEn,
    type: 'ministry' as const,
    region,
  })),
  ...HANA_CENTERS.map(([name, nameEn, region], index) => ({
    key: `hana-${index + 1}`,
    name,
    nameEn,
    type: 'hana_center' as const,
    region,
  })),
  {
    key: 'lg-nowon',
    name: '서울특별시 노원구청',
    nameEn: 'Nowon-gu Office, Seoul',
    type: 'local_government',
    region: 'seoul',
  },
  {
    key: 'lg-namdong',
    name: '인천광역시 남동구청',
    nameEn: 'Namdong-gu Office, Incheon',
    type: 'local_government',
    region: 'incheon',
  },
  {
    key: 'lg-hwaseong',
    name: '경기도 화성시청',
    nameEn: 'Hwaseong City Hall',
    type: 'local_government',
    region: 'gyeonggi',
  },
  {
    key: 'employment',
    name: '서울북부고용센터',
    nameEn: 'Seoul North Employment Center',
    type: 'employment_center',
    region: 'seoul',
  },
  { key: 'police', name: '서울노원경찰서', nameEn: 'Nowon Police Station', type: 'police', region: 'seoul' },
  {
    key: 'foundation',
    name: '남북하나재단',
    nameEn: 'Korea Hana Foundation',
    type: 'foundation',
    region: 'seoul',
  },
  {
    key: 'school',
    name: '한겨레중고등학교',
    nameEn: 'Hangyeore Middle and High School',
    type: 'school',
    region: 'gyeonggi',
  },
  {
    key: 'legal-aid',
    name: '대한법률구조공단 서울북부지부',
    nameEn: 'Korea Legal Aid Corporation, Seoul North',
    type: 'legal_aid',
    region: 'seoul',
  },
  // The welfare ministry's information service: its blind-spot system sends crisis signals (issue 6).
  {
    key: 'ssis',
    name: '한국사회보장정보원',
    nameEn: 'Social Security Information Service',
    type: 'public_agency',
    region: 'seoul',
  },
  // A fictitious NGO: demo data never names a real private group as a partner.
  {
    key: 'ngo',
    name: '이음나눔협회(예시)',
    nameEn: 'Ieum Sharing Association (example)',
    type: 'partner_ngo',
    region: 'seoul',
  },
];

/** The ids of the demo organizations this database has, by key (seedDemo stores them by name). */
export async function demoOrganizationIds(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, type: organizations.type })
    .from(organizations);
  const ids = new Map<string, string>();
  for (const org of DEMO_ORGANIZATIONS) {
    const row = rows.find((candidate) => candidate.name === org.name && candidate.type === org.type);
    if (row) ids.set(org.key, row.id);
  }
  return ids;
}

/**
 * Adds the demo organizations a database seeded before they joined the list does not have (by name and type,
 * as seedDemo stored them), and answers the ids of all of them by key. Running it again adds nothing.
 */
export async function ensureDemoOrganizations(db: Db): Promise<Map<string, string>> {
  const ids = await demoOrganizationIds(db);
  const missing = DEMO_ORGANIZATIONS.filter((org) => !ids.has(org.key));
  if (missing.length === 0) return ids;
  const rows = missing.map((org) => ({
    id: newId(),
    name: org.name,
    nameEn: org.nameEn,
    type: org.type,
    region: org.region,
  }));
  await db.transaction(async (tx) => {
    await tx.insert(organizations).values(rows);
    await appendAudit(tx, {
      action: 'create',
      actor: null,
      entityType: 'demo_seed',
      detail: { organizations: rows.length },
    });
  });
  for (const [index, org] of missing.entries()) ids.set(org.key, (rows[index] as { id: string }).id);
  return ids;
}
