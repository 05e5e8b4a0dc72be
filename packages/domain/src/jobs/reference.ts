import type { OccupationCode } from './schemas';

/**
 * The reference lists a profile, a posting and a course choose from: occupations, skills and certificates.
 *
 * Occupations follow the structure of the Korean Employment Classification of Occupations (KECO, 7th revision,
 * 2018): the first two digits name the middle group (중분류), the first three the minor group (소분류), all four
 * the detailed occupation (세분류). The codes below are ieum's own selection of the occupations defectors most
 * often seek and Hana Centers place in, grouped that way; they are not the official KECO code numbers. A list
 * carries the date it applies from, so a later revision is a new entry, not an edit.
 */
export interface ReferenceItem {
  readonly code: string;
  readonly ko: string;
  readonly en: string;
}

export interface OccupationGroup {
  readonly code: string;
  readonly ko: string;
  readonly en: string;
}

export interface OccupationList {
  readonly version: string;
  readonly validFrom: string;
  readonly groups: readonly OccupationGroup[];
  readonly occupations: readonly (ReferenceItem & { readonly code: OccupationCode })[];
}

export const OCCUPATIONS_2018: OccupationList = {
  version: 'ieum-keco-2018',
  validFrom: '2018-01-01',
  groups: [
    { code: '02', ko: '경영·행정·사무', en: 'Management, administration, office' },
    { code: '04', ko: '사회복지·돌봄', en: 'Social welfare and care' },
    { code: '06', ko: '보건·의료', en: 'Health and medical' },
    { code: '13', ko: '미용·숙박·음식·경비·청소', en: 'Beauty, lodging, food, security, cleaning' },
    { code: '14', ko: '영업·판매·운전·운송', en: 'Sales, driving, transport' },
    { code: '15', ko: '건설', en: 'Construction' },
    { code: '16', ko: '기계·금속·제조', en: 'Machinery, metal, manufacturing' },
    { code: '17', ko: '전기·전자', en: 'Electrical and electronics' },
    { code: '18', ko: '섬유·의복·식품 가공', en: 'Textiles, clothing, food processing' },
    { code: '19', ko: '농림어업', en: 'Agriculture, forestry, fishing' },
  ],
  occupations: [
    { code: '0231', ko: '총무·일반 사무원', en: 'General office clerk' },
    { code: '0232', ko: '회계·경리 사무원', en: 'Accounting clerk' },
    { code: '0261', ko: '고객 상담원', en: 'Customer service agent' },
    { code: '0262', ko: '안내·접수원', en: 'Receptionist' },
    { code: '0421', ko: '사회복지사', en: 'Social worker' },
    { code: '0423', ko: '요양보호사', en: 'Care worker' },
    { code: '0424', ko: '보육교사', en: 'Childcare teacher' },
    { code: '0425', ko: '가사·육아 도우미', en: 'Housekeeping and childminding helper' },
    { code: '0631', ko: '간호조무사', en: 'Nurse aide' },
    { code: '0632', ko: '병원 보조원', en: 'Hospital orderly' },
    { code: '1311', ko: '미용사', en: 'Hairdresser' },
    { code: '1321', ko: '한식 조리사', en: 'Korean cuisine cook' },
    { code: '1322', ko: '중식 조리사', en: 'Chinese cuisine cook' },
    { code: '1323', ko: '단체 급식 조리사', en: 'Institutional cook' },
    { code: '1331', ko: '음식 서비스원', en: 'Food server' },
    { code: '1341', ko: '주방 보조원', en: 'Kitchen assistant' },
    { code: '1351', ko: '청소원', en: 'Cleaner' },
    { code: '1352', ko: '경비원', en: 'Security guard' },
    { code: '1361', ko: '숙박 시설 서비스원', en: 'Hotel room attendant' },
    { code: '1411', ko: '영업원', en: 'Sales representative' },
    { code: '1421', ko: '매장 판매원', en: 'Shop sales assistant' },
    { code: '1422', ko: '계산원', en: 'Cashier' },
    { code: '1431', ko: '택배원', en: 'Parcel delivery worker' },
    { code: '1432', ko: '음식 배달원', en: 'Food delivery worker' },
    { code: '1441', ko: '화물차 운전원', en: 'Truck driver' },
    { code: '1442', ko: '버스 운전원', en: 'Bus driver' },
    { code: '1451', ko: '지게차 운전원', en: 'Forklift operator' },
    { code: '1461', ko: '하역·적재 단순 종사원', en: 'Loading and unloading worker' },
    { code: '1511', ko: '건축 목공', en: 'Construction carpenter' },
    { code: '1521', ko: '도배·도장공', en: 'Wallpaperer and painter' },
    { code: '1531', ko: '건설 전기공', en: 'Construction electrician' },
    { code: '1541', ko: '건설 단순 종사원', en: 'Construction labourer' },
    { code: '1611', ko: '기계 조립원', en: 'Machine assembler' },
    { code: '1621', ko: '용접원', en: 'Welder' },
    { code: '1622', ko: '판금원', en: 'Sheet metal worker' },
    { code: '1631', ko: '자동차 정비원', en: 'Car mechanic' },
    { code: '1691', ko: '포장원', en: 'Packer' },
    { code: '1692', ko: '제조 단순 종사원', en: 'Manufacturing labourer' },
    { code: '1711', ko: '전자 부품 조립원', en: 'Electronic component assembler' },
    { code: '1721', ko: '전기 설비 설치원', en: 'Electrical installer' },
    { code: '1811', ko: '재봉사', en: 'Sewing machinist' },
    { code: '1812', ko: '의류 검사원', en: 'Garment inspector' },
    { code: '1831', ko: '제과·제빵원', en: 'Baker' },
    { code: '1832', ko: '식품 가공원', en: 'Food processing worker' },
    { code: '1911', ko: '작물 재배원', en: 'Crop grower' },
    { code: '1921', ko: '축산원', en: 'Livestock worker' },
  ],
};

/** The occupation list in force on a date (the latest whose `validFrom` is not after it). */
export const OCCUPATION_LISTS: readonly OccupationList[] = [OCCUPATIONS_2018];

export function occupationListOn(date: string): OccupationList {
  const lists = OCCUPATION_LISTS.filter((list) => list.validFrom <= date);
  return lists[lists.length - 1] ?? OCCUPATIONS_2018;
}

export const SKILLS: readonly ReferenceItem[] = [
  { code: 'forklift', ko: '지게차 운전', en: 'Forklift driving' },
  { code: 'welding', ko: '용접', en: 'Welding' },
  { code: 'sewing', ko: '재봉', en: 'Sewing' },
  { code: 'cooking_korean', ko: '한식 조리', en: 'Korean cooking' },
  { code: 'cooking_chinese', ko: '중식 조리', en: 'Chinese cooking' },
  { code: 'baking', ko: '제과·제빵', en: 'Baking' },
  { code: 'customer_service', ko: '고객 응대', en: 'Customer service' },
  { code: 'office_computer', ko: '문서 작성(컴퓨터)', en: 'Office computer work' },
  { code: 'accounting', ko: '회계·장부', en: 'Bookkeeping' },
  { code: 'driving', ko: '차량 운전', en: 'Driving' },
  { code: 'care', ko: '돌봄·요양', en: 'Care' },
  { code: 'childcare', ko: '영유아 보육', en: 'Childcare' },
  { code: 'cleaning', ko: '청소·위생 관리', en: 'Cleaning and hygiene' },
  { code: 'electrical', ko: '전기 작업', en: 'Electrical work' },
  { code: 'assembly', ko: '부품 조립', en: 'Assembly' },
  { code: 'machine_operation', ko: '생산 설비 조작', en: 'Machine operation' },
  { code: 'inventory', ko: '재고·물류 관리', en: 'Inventory and logistics' },
  { code: 'hairdressing', ko: '미용', en: 'Hairdressing' },
  { code: 'carpentry', ko: '목공', en: 'Carpentry' },
  { code: 'painting', ko: '도장·도배', en: 'Painting and wallpapering' },
  { code: 'farming', ko: '작물 재배', en: 'Crop farming' },
  { code: 'chinese_language', ko: '중국어', en: 'Chinese language' },
];

export const CERTIFICATES: readonly ReferenceItem[] = [
  { code: 'forklift_operator', ko: '지게차운전기능사', en: 'Forklift Operator (craftsman)' },
  { code: 'welder', ko: '용접기능사', en: 'Welder (craftsman)' },
  { code: 'korean_cook', ko: '한식조리기능사', en: 'Korean Cuisine Cook (craftsman)' },
  { code: 'chinese_cook', ko: '중식조리기능사', en: 'Chinese Cuisine Cook (craftsman)' },
  { code: 'baker', ko: '제빵기능사', en: 'Baker (craftsman)' },
  { code: 'care_worker', ko: '요양보호사', en: 'Care Worker licence' },
  { code: 'nurse_aide', ko: '간호조무사', en: 'Nurse Aide licence' },
  { code: 'childcare_teacher', ko: '보육교사 2급', en: 'Childcare Teacher, level 2' },
  { code: 'social_worker', ko: '사회복지사 2급', en: 'Social Worker, level 2' },
  { code: 'driver_class1', ko: '1종 보통 운전면허', en: 'Driving licence, class 1 ordinary' },
  { code: 'driver_large', ko: '1종 대형 운전면허', en: 'Driving licence, class 1 large' },
  { code: 'hairdresser', ko: '미용사(일반)', en: 'Hairdresser (general)' },
  { code: 'electrician', ko: '전기기능사', en: 'Electrician (craftsman)' },
  { code: 'computer_literacy', ko: '컴퓨터활용능력 2급', en: 'Computer Literacy, level 2' },
  { code: 'computerized_accounting', ko: '전산회계 2급', en: 'Computerized Accounting, level 2' },
  { code: 'auto_mechanic', ko: '자동차정비기능사', en: 'Car Mechanic (craftsman)' },
  { code: 'dressmaker', ko: '양장기능사', en: 'Dressmaker (craftsman)' },
];

const bySkill = new Map(SKILLS.map((item) => [item.code, item]));
const byCertificate = new Map(CERTIFICATES.map((item) => [item.code, item]));
const byOccupation = new Map(
  OCCUPATION_LISTS.flatMap((list) => list.occupations).map((item) => [item.code, item]),
);

export type ReferenceKind = 'occupation' | 'skill' | 'certificate';

/** The label of a code in a language; an unknown code reads as itself (an old code from an earlier list). */
export function referenceLabel(kind: ReferenceKind, code: string, locale: 'ko' | 'en'): string {
  const item =
    kind === 'occupation'
      ? byOccupation.get(code)
      : kind === 'skill'
        ? bySkill.get(code)
        : byCertificate.get(code);
  return item ? item[locale] : code;
}

export function isKnownReference(kind: ReferenceKind, code: string): boolean {
  return (kind === 'occupation' ? byOccupation : kind === 'skill' ? bySkill : byCertificate).has(code);
}
