import { z } from 'zod';

/**
 * The 17 first-level administrative divisions (시·도) of the Republic of Korea, by their statistical code.
 * Names changed in 2023-2024 (강원특별자치도, 전북특별자치도); the codes stayed. Labels live in the i18n resources.
 */
export const REGIONS = [
  'seoul',
  'busan',
  'daegu',
  'incheon',
  'gwangju',
  'daejeon',
  'ulsan',
  'sejong',
  'gyeonggi',
  'gangwon',
  'chungbuk',
  'chungnam',
  'jeonbuk',
  'jeonnam',
  'gyeongbuk',
  'gyeongnam',
  'jeju',
] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

/** Regions counted as the capital region (수도권), where benefit rates differ from the provinces. */
export const CAPITAL_REGION: ReadonlySet<Region> = new Set<Region>(['seoul', 'incheon', 'gyeonggi']);
