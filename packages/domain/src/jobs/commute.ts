import type { Region } from '../platform/regions';

/**
 * Regions share a land border (or, for the metropolitan cities, sit inside or against the province). Kept
 * one-sided here and made symmetric below, so an edit cannot make "A borders B" true and "B borders A" false.
 * Jeju borders nobody.
 */
const BORDERS: readonly (readonly [Region, Region])[] = [
  ['seoul', 'gyeonggi'],
  ['seoul', 'incheon'],
  ['incheon', 'gyeonggi'],
  ['gyeonggi', 'gangwon'],
  ['gyeonggi', 'chungbuk'],
  ['gyeonggi', 'chungnam'],
  ['gangwon', 'chungbuk'],
  ['gangwon', 'gyeongbuk'],
  ['chungbuk', 'chungnam'],
  ['chungbuk', 'sejong'],
  ['chungbuk', 'daejeon'],
  ['chungbuk', 'jeonbuk'],
  ['chungbuk', 'gyeongbuk'],
  ['chungnam', 'sejong'],
  ['chungnam', 'daejeon'],
  ['chungnam', 'jeonbuk'],
  ['sejong', 'daejeon'],
  ['jeonbuk', 'jeonnam'],
  ['jeonbuk', 'gyeongbuk'],
  ['jeonbuk', 'gyeongnam'],
  ['jeonnam', 'gwangju'],
  ['jeonnam', 'gyeongnam'],
  ['gyeongbuk', 'daegu'],
  ['gyeongbuk', 'ulsan'],
  ['gyeongbuk', 'gyeongnam'],
  ['gyeongnam', 'daegu'],
  ['gyeongnam', 'busan'],
  ['gyeongnam', 'ulsan'],
  ['busan', 'ulsan'],
];

const neighbours = new Map<Region, Set<Region>>();
for (const [a, b] of BORDERS) {
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const set = neighbours.get(from) ?? new Set<Region>();
    set.add(to);
    neighbours.set(from, set);
  }
}

export function areNeighbouringRegions(a: Region, b: Region): boolean {
  return neighbours.get(a)?.has(b) ?? false;
}

/**
 * We know a seeker's and a workplace's province, not their addresses, so the commute is an estimate: a typical
 * one-way trip within a province and between neighbouring provinces by public transport. Coarse on purpose; when
 * addresses are known the server can pass a better estimate, but the score must not pretend to a precision the
 * data does not have. Dated, because transport changes (GTX lines shorten the capital region's trips).
 */
export const COMMUTE_ESTIMATES = {
  since: '2026-11-26',
  sameRegionMinutes: 40,
  neighbouringRegionMinutes: 80,
} as const;
