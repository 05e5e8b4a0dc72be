import type { NkProvince, Region } from '@ieum/domain';
import type { z } from 'zod';

/**
 * The figures the synthetic population is drawn from. Published numbers are cited by their number in
 * /work/shared/DOMAIN.md ("Numbers for realistic data"); everything marked ASSUMPTION or INTERPOLATED is ours,
 * chosen to look plausible, and must not be quoted as a statistic.
 */

/** Arrivals by year, [total, men, women], as published for 2015-2020 [33][77]. */
const PUBLISHED_ARRIVALS: Readonly<Record<number, readonly [number, number, number]>> = {
  2015: [1275, 251, 1024],
  2016: [1418, 302, 1116],
  2017: [1127, 188, 939],
  2018: [1137, 168, 969],
  2019: [1047, 202, 845],
  2020: [229, 72, 157],
};
/** Cumulative arrivals to September 2020, and the share of women among them [77]. */
export const CUMULATIVE_ARRIVALS = 33_718;
const WOMEN_SHARE_OVERALL = 0.72;
/** The peak year [33]. */
const PEAK = { year: 2009, arrivals: 2914 } as const;

/**
 * INTERPOLATED: only 2015-2020, the 2009 peak and the cumulative total are published in our sources. The
 * years between are straight lines: 2001 (ASSUMPTION: 600 arrivals) rising to the 2009 peak, then falling to
 * the published 2015 figure. What the cumulative total leaves for earlier years is spread evenly over
 * 1998-2000: everyone in the population was protected under the Act in force since 1997-07-14 (the statutory
 * timeline has no rules before it). The 2020 figure is the whole year while the cumulative total is of September 2020; the
 * difference (a few dozen) is ignored.
 */
function interpolatedArrivals(): Map<number, number> {
  const byYear = new Map<number, number>();
  const first = 600;
  for (let year = 2001; year <= PEAK.year; year++)
    byYear.set(year, Math.round(first + ((PEAK.arrivals - first) * (year - 2001)) / (PEAK.year - 2001)));
  const published2015 = PUBLISHED_ARRIVALS[2015]?.[0] ?? 0;
  for (let year = PEAK.year + 1; year < 2015; year++)
    byYear.set(
      year,
      Math.round(PEAK.arrivals + ((published2015 - PEAK.arrivals) * (year - PEAK.year)) / (2015 - PEAK.year)),
    );
  for (const [year, [total]] of Object.entries(PUBLISHED_ARRIVALS)) byYear.set(Number(year), total);
  const counted = [...byYear.values()].reduce((sum, n) => sum + n, 0);
  const early = [1998, 1999, 2000];
  const remainder = CUMULATIVE_ARRIVALS - counted;
  early.forEach((year, index) => {
    byYear.set(year, Math.floor(remainder / early.length) + (index < remainder % early.length ? 1 : 0));
  });
  return new Map([...byYear.entries()].sort(([a], [b]) => a - b));
}

export interface ArrivalYear {
  readonly year: number;
  readonly arrivals: number;
  /** Share of women among that year's arrivals. */
  readonly womenShare: number;
}

/**
 * Women's share before 2015 is DERIVED: 72% of the cumulative total, less the published women of 2015-2020,
 * over the arrivals before 2015 (about 70%).
 */
export const ARRIVAL_YEARS: readonly ArrivalYear[] = (() => {
  const arrivals = interpolatedArrivals();
  const published = Object.values(PUBLISHED_ARRIVALS);
  const publishedTotal = published.reduce((sum, [total]) => sum + total, 0);
  const publishedWomen = published.reduce((sum, [, , women]) => sum + women, 0);
  const earlierWomenShare =
    (WOMEN_SHARE_OVERALL * CUMULATIVE_ARRIVALS - publishedWomen) / (CUMULATIVE_ARRIVALS - publishedTotal);
  return [...arrivals.entries()].map(([year, total]) => {
    const row = PUBLISHED_ARRIVALS[year];
    return { year, arrivals: total, womenShare: row ? row[2] / row[0] : earlierWomenShare };
  });
})();

/** Age at entry by band, persons (n=33,648) [77]. ASSUMPTION: "60+" means 60 to 75. */
export const AGE_AT_ENTRY: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 9], 1297],
  [[10, 19], 3800],
  [[20, 29], 9567],
  [[30, 39], 9665],
  [[40, 49], 5597],
  [[50, 59], 2026],
  [[60, 75], 1336],
];

/**
 * Where defectors live, percent. Seoul 29, Gyeonggi 27, Incheon 9 are published (2011) [81][82]; the other
 * 35% is spread over the provinces by weights that are an ASSUMPTION (roughly by population). Sejong has no
 * Hana Center and is left out.
 */
export const RESIDENCE_SHARES: readonly (readonly [Region, number])[] = (() => {
  const capital: [Region, number][] = [
    ['seoul', 29],
    ['gyeonggi', 27],
    ['incheon', 9],
  ];
  const provinces: [Region, number][] = [
    ['busan', 3],
    ['daegu', 2],
    ['gwangju', 1.5],
    ['daejeon', 1.5],
    ['ulsan', 1.2],
    ['gangwon', 2],
    ['chungbuk', 2.5],
    ['chungnam', 3],
    ['jeonbuk', 1.5],
    ['jeonnam', 1.5],
    ['gyeongbuk', 3],
    ['gyeongnam', 3],
    ['jeju', 0.5],
  ];
  const weight = provinces.reduce((sum, [, w]) => sum + w, 0);
  return [...capital, ...provinces.map(([region, w]): [Region, number] => [region, (35 * w) / weight])];
})();

/**
 * Province of origin in the North. ASSUMPTION: most come from the border provinces (North Hamgyong,
 * Ryanggang), as press reports say; the exact shares are ours.
 */
export const ORIGIN_PROVINCES: readonly (readonly [z.infer<typeof NkProvince>, number])[] = [
  ['north_hamgyong', 55],
  ['ryanggang', 22],
  ['south_hamgyong', 8],
  ['south_pyongan', 3],
  ['pyongyang', 2],
  ['chagang', 2],
  ['north_pyongan', 2],
  ['kangwon', 1.5],
  ['south_hwanghae', 1.5],
  ['north_hwanghae', 1.5],
  ['nampo', 0.5],
  ['rason', 0.5],
  ['unknown', 0.5],
];

/**
 * Surnames, percent of the population (Statistics Korea, 2015 census, rounded), with a customary
 * romanization and, where it differs, the North's spelling (no initial-sound rule: 리, 류, 림, 로, 라, 량).
 */
export const SURNAMES: readonly (readonly [
  surname: string,
  percent: number,
  roman: string,
  north?: string,
])[] = [
  ['김', 21.5, 'Kim'],
  ['이', 14.7, 'Lee', '리'],
  ['박', 8.4, 'Park'],
  ['최', 4.7, 'Choi'],
  ['정', 4.3, 'Jung'],
  ['강', 2.4, 'Kang'],
  ['조', 2.1, 'Cho'],
  ['윤', 2.1, 'Yoon'],
  ['장', 2.0, 'Jang'],
  ['임', 1.7, 'Lim', '림'],
  ['한', 1.5, 'Han'],
  ['오', 1.5, 'Oh'],
  ['서', 1.5, 'Seo'],
  ['신', 1.5, 'Shin'],
  ['권', 1.4, 'Kwon'],
  ['황', 1.4, 'Hwang'],
  ['안', 1.4, 'Ahn'],
  ['송', 1.3, 'Song'],
  ['전', 1.1, 'Jeon'],
  ['홍', 1.1, 'Hong'],
  ['유', 1.1, 'Yoo', '류'],
  ['고', 0.9, 'Ko'],
  ['문', 0.9, 'Moon'],
  ['양', 0.9, 'Yang', '량'],
  ['손', 0.9, 'Son'],
  ['배', 0.8, 'Bae'],
  ['백', 0.7, 'Baek'],
  ['허', 0.6, 'Heo'],
  ['남', 0.6, 'Nam'],
  ['심', 0.5, 'Shim'],
  ['노', 0.4, 'Roh', '로'],
  ['하', 0.5, 'Ha'],
  ['곽', 0.4, 'Kwak'],
  ['성', 0.4, 'Sung'],
  ['차', 0.4, 'Cha'],
  ['주', 0.4, 'Joo'],
  ['우', 0.4, 'Woo'],
  ['구', 0.4, 'Koo'],
  ['민', 0.3, 'Min'],
  ['류', 0.3, 'Ryu'],
  ['나', 0.3, 'Na', '라'],
  ['진', 0.3, 'Jin'],
  ['지', 0.3, 'Ji'],
  ['엄', 0.3, 'Eom'],
  ['채', 0.3, 'Chae'],
  ['원', 0.3, 'Won'],
  ['천', 0.2, 'Chun'],
  ['방', 0.2, 'Bang'],
  ['공', 0.2, 'Kong'],
  ['현', 0.2, 'Hyun'],
];

/**
 * Given-name syllables and their customary romanization. Names are two of these drawn at random (rarely
 * one), so any resemblance to a real person is a coincidence of common syllables.
 */
export const GIVEN_SYLLABLES: Readonly<Record<'female' | 'male', readonly (readonly [string, string])[]>> = {
  female: [
    ['영', 'young'],
    ['희', 'hee'],
    ['순', 'soon'],
    ['옥', 'ok'],
    ['미', 'mi'],
    ['은', 'eun'],
    ['정', 'jung'],
    ['혜', 'hye'],
    ['경', 'kyung'],
    ['숙', 'sook'],
    ['화', 'hwa'],
    ['선', 'sun'],
    ['향', 'hyang'],
    ['금', 'keum'],
    ['춘', 'chun'],
    ['련', 'ryon'],
    ['실', 'sil'],
    ['란', 'ran'],
    ['진', 'jin'],
    ['주', 'joo'],
    ['애', 'ae'],
    ['명', 'myung'],
    ['수', 'soo'],
    ['지', 'ji'],
    ['나', 'na'],
    ['아', 'a'],
    ['예', 'ye'],
    ['유', 'yu'],
    ['하', 'ha'],
    ['설', 'seol'],
    ['림', 'rim'],
    ['별', 'byul'],
  ],
  male: [
    ['철', 'chul'],
    ['수', 'soo'],
    ['성', 'sung'],
    ['호', 'ho'],
    ['민', 'min'],
    ['광', 'kwang'],
    ['영', 'young'],
    ['일', 'il'],
    ['남', 'nam'],
    ['명', 'myung'],
    ['혁', 'hyuk'],
    ['국', 'kook'],
    ['진', 'jin'],
    ['준', 'jun'],
    ['학', 'hak'],
    ['용', 'yong'],
    ['룡', 'ryong'],
    ['석', 'seok'],
    ['훈', 'hoon'],
    ['기', 'ki'],
    ['현', 'hyun'],
    ['동', 'dong'],
    ['세', 'se'],
    ['원', 'won'],
    ['범', 'bum'],
    ['웅', 'woong'],
    ['근', 'geun'],
    ['식', 'sik'],
    ['복', 'bok'],
  ],
};

/**
 * Address parts: the region as written in addresses and some of its districts with weights. The districts
 * are real place names; the weights are an ASSUMPTION (defectors cluster in some districts, e.g. Nowon,
 * Yangcheon, Gangseo in Seoul). Roads are invented, and every address ends in "(예시)".
 */
export const ADDRESS_AREAS: Readonly<
  Record<
    Exclude<Region, 'sejong'>,
    { readonly name: string; readonly districts: readonly (readonly [string, number])[] }
  >
> = {
  seoul: {
    name: '서울특별시',
    districts: [
      ['노원구', 10],
      ['양천구', 12],
      ['강서구', 12],
      ['구로구', 7],
      ['금천구', 5],
      ['관악구', 5],
      ['도봉구', 5],
      ['강북구', 4],
      ['중랑구', 5],
      ['은평구', 5],
      ['송파구', 5],
      ['영등포구', 5],
      ['성북구', 4],
      ['마포구', 4],
      ['강남구', 3],
      ['동대문구', 4],
    ],
  },
  busan: {
    name: '부산광역시',
    districts: [
      ['해운대구', 1],
      ['사하구', 1],
      ['북구', 1],
      ['금정구', 1],
    ],
  },
  daegu: {
    name: '대구광역시',
    districts: [
      ['달서구', 2],
      ['북구', 1],
      ['동구', 1],
    ],
  },
  incheon: {
    name: '인천광역시',
    districts: [
      ['남동구', 30],
      ['미추홀구', 15],
      ['연수구', 15],
      ['부평구', 15],
      ['서구', 10],
      ['계양구', 10],
      ['중구', 5],
    ],
  },
  gwangju: {
    name: '광주광역시',
    districts: [
      ['광산구', 2],
      ['북구', 1],
      ['서구', 1],
    ],
  },
  daejeon: {
    name: '대전광역시',
    districts: [
      ['서구', 1],
      ['유성구', 1],
      ['대덕구', 1],
    ],
  },
  ulsan: {
    name: '울산광역시',
    districts: [
      ['남구', 1],
      ['중구', 1],
      ['북구', 1],
    ],
  },
  gyeonggi: {
    name: '경기도',
    districts: [
      ['화성시', 8],
      ['수원시', 9],
      ['부천시', 8],
      ['안산시', 8],
      ['시흥시', 8],
      ['고양시', 8],
      ['김포시', 7],
      ['평택시', 6],
      ['성남시', 6],
      ['용인시', 7],
      ['파주시', 6],
      ['남양주시', 6],
      ['의정부시', 5],
      ['안양시', 4],
      ['광명시', 4],
    ],
  },
  gangwon: {
    name: '강원특별자치도',
    districts: [
      ['춘천시', 1],
      ['원주시', 1],
      ['강릉시', 1],
    ],
  },
  chungbuk: {
    name: '충청북도',
    districts: [
      ['청주시', 3],
      ['충주시', 1],
    ],
  },
  chungnam: {
    name: '충청남도',
    districts: [
      ['천안시', 2],
      ['아산시', 1],
      ['당진시', 1],
    ],
  },
  jeonbuk: {
    name: '전북특별자치도',
    districts: [
      ['전주시', 2],
      ['익산시', 1],
      ['군산시', 1],
    ],
  },
  jeonnam: {
    name: '전라남도',
    districts: [
      ['목포시', 1],
      ['여수시', 1],
      ['순천시', 1],
    ],
  },
  gyeongbuk: {
    name: '경상북도',
    districts: [
      ['포항시', 1],
      ['구미시', 1],
      ['경산시', 1],
    ],
  },
  gyeongnam: {
    name: '경상남도',
    districts: [
      ['창원시', 2],
      ['김해시', 1],
      ['진주시', 1],
    ],
  },
  jeju: {
    name: '제주특별자치도',
    districts: [
      ['제주시', 3],
      ['서귀포시', 1],
    ],
  },
};

/** Districts whose local government is a demo organization: residents there get it as their municipality. */
export const DEMO_MUNICIPALITIES: readonly { region: Region; district: string; key: string }[] = [
  { region: 'seoul', district: '노원구', key: 'lg-nowon' },
  { region: 'incheon', district: '남동구', key: 'lg-namdong' },
  { region: 'gyeonggi', district: '화성시', key: 'lg-hwaseong' },
];

/** Invented road names: word + kind. */
export const ROAD_WORDS = [
  '이음',
  '하나',
  '새봄',
  '나래',
  '다온',
  '한울',
  '늘봄',
  '들꽃',
  '해오름',
  '별빛',
  '온새미',
  '가온',
];
export const ROAD_KINDS = ['로', '길', '대로'];

/** Hanawon opened in July 1999; we number its classes one a month from then (ASSUMPTION: the cadence). */
export const HANAWON_OPENED = '1999-07-01';
