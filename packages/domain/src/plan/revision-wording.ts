import type { Locale } from '../platform/schemas';
import { type MetricUnit, metricDefinition } from './metrics';
import type {
  CategoryFieldChange,
  CategoryRef,
  KpiFieldChange,
  KpiRef,
  OrganizationName,
  PlanChange,
  TaskFieldChange,
  TaskRef,
} from './revision-diff';
import type { KpiDirection, KpiSource } from './schemas';

/**
 * The words of a revision's changes. Korean in 개조식, as the 신구대비표 of an amended plan is written: each
 * line names the category or task and ends in a noun (신설, 삭제, 변경, 이관, 수정), without a final period.
 * English in short sentences.
 */
function orgName(org: OrganizationName, locale: Locale): string {
  return locale === 'en' ? (org.nameEn ?? org.name) : org.name;
}
function orgList(orgs: readonly OrganizationName[], locale: Locale): string {
  return orgs.map((o) => orgName(o, locale)).join(', ');
}

function category(ref: CategoryRef, locale: Locale): string {
  const name = locale === 'ko' ? ref.nameKo : ref.nameEn;
  if (locale === 'ko') return name ? `분야 ${ref.code}(${name})` : `분야 ${ref.code}`;
  return name ? `category ${ref.code} (${name})` : `category ${ref.code}`;
}

function task(ref: TaskRef, locale: Locale): string {
  return locale === 'ko' ? `과제 ${ref.code} ‘${ref.title}’` : `Task ${ref.code} “${ref.title}”`;
}

function kpiName(ref: KpiRef, locale: Locale): string {
  return locale === 'ko' ? `‘${ref.nameKo}’` : `“${ref.nameEn ?? ref.nameKo}”`;
}

const UNIT_WORDS: Record<MetricUnit, Record<Locale, string>> = {
  count: { ko: '건수', en: 'count' },
  rate: { ko: '비율(%)', en: 'rate (%)' },
  krw: { ko: '금액(원)', en: 'amount (KRW)' },
  days: { ko: '일수', en: 'days' },
};

const DIRECTION_WORDS: Record<KpiDirection, Record<Locale, string>> = {
  up: { ko: '높을수록 우수', en: 'higher is better' },
  down: { ko: '낮을수록 우수', en: 'lower is better' },
};

function number(value: number | null, unit: MetricUnit, locale: Locale): string {
  if (value === null) return locale === 'ko' ? '없음' : 'none';
  const text = value.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1 });
  return unit === 'rate' ? `${text}%` : text;
}

function source(value: KpiSource, locale: Locale): string {
  if (value.kind === 'manual') return locale === 'ko' ? '직접 입력' : 'entered by hand';
  const label = metricDefinition(value.metricKey).label;
  return locale === 'ko' ? `자동 산출(${label.ko})` : `computed (${label.en})`;
}

function categoryField(change: CategoryFieldChange, locale: Locale): string {
  switch (change.field) {
    case 'name_ko':
      return locale === 'ko'
        ? `명칭 ‘${change.from}’ → ‘${change.to}’`
        : `Korean name “${change.from}” → “${change.to}”`;
    case 'name_en':
      return locale === 'ko'
        ? `영문 명칭 ‘${change.from}’ → ‘${change.to}’`
        : `name “${change.from}” → “${change.to}”`;
    case 'goal':
      return locale === 'ko' ? '목표 수정' : 'goal reworded';
    default: {
      const unknown: never = change;
      return unknown;
    }
  }
}

function taskField(change: TaskFieldChange, locale: Locale): string {
  const ko = locale === 'ko';
  switch (change.field) {
    case 'code':
      return ko ? `과제 번호 ${change.from} → ${change.to}` : `code ${change.from} → ${change.to}`;
    case 'title':
      return ko ? `과제명 ‘${change.from}’ → ‘${change.to}’` : `title “${change.from}” → “${change.to}”`;
    case 'description':
      return ko ? '과제 내용 수정' : 'description reworded';
    case 'lead_organization':
      return ko
        ? `주관기관 ${orgName(change.from, locale)} → ${orgName(change.to, locale)}`
        : `lead ${orgName(change.from, locale)} → ${orgName(change.to, locale)}`;
    case 'cooperating_organizations': {
      const parts: string[] = [];
      if (change.added.length > 0) {
        parts.push(
          ko
            ? `협업기관 추가(${orgList(change.added, locale)})`
            : `cooperating added: ${orgList(change.added, locale)}`,
        );
      }
      if (change.removed.length > 0) {
        parts.push(
          ko
            ? `협업기관 제외(${orgList(change.removed, locale)})`
            : `cooperating removed: ${orgList(change.removed, locale)}`,
        );
      }
      return parts.join(', ');
    }
    case 'milestones': {
      const quarters = change.quarters.map((q) => (ko ? `${q}/4분기` : `Q${q}`)).join(', ');
      return ko ? `추진일정 수정(${quarters})` : `milestones changed (${quarters})`;
    }
    default: {
      const unknown: never = change;
      return unknown;
    }
  }
}

function kpiField(change: KpiFieldChange, unit: MetricUnit, locale: Locale): string {
  const ko = locale === 'ko';
  switch (change.field) {
    case 'name_ko':
      return ko
        ? `지표명 ‘${change.from}’ → ‘${change.to}’`
        : `Korean name “${change.from}” → “${change.to}”`;
    case 'name_en':
      return ko
        ? `영문 지표명 ${change.from ?? '없음'} → ${change.to ?? '없음'}`
        : `name “${change.from ?? '—'}” → “${change.to ?? '—'}”`;
    case 'unit':
      return ko
        ? `단위 ${UNIT_WORDS[change.from].ko} → ${UNIT_WORDS[change.to].ko}`
        : `unit ${UNIT_WORDS[change.from].en} → ${UNIT_WORDS[change.to].en}`;
    case 'baseline':
      return `${ko ? '기준치' : 'baseline'} ${number(change.from, unit, locale)} → ${number(change.to, unit, locale)}`;
    case 'target':
      return `${ko ? '목표치' : 'target'} ${number(change.from, unit, locale)} → ${number(change.to, unit, locale)}`;
    case 'direction':
      return `${ko ? '평가 방향' : 'direction'} ${DIRECTION_WORDS[change.from][locale]} → ${DIRECTION_WORDS[change.to][locale]}`;
    case 'source':
      return `${ko ? '측정 방식' : 'source'} ${source(change.from, locale)} → ${source(change.to, locale)}`;
    case 'milestone': {
      const label = ko ? `${change.quarter}/4분기 중간목표` : `Q${change.quarter} milestone`;
      return `${label} ${number(change.from, unit, locale)} → ${number(change.to, unit, locale)}`;
    }
    default: {
      const unknown: never = change;
      return unknown;
    }
  }
}

/** One change in a line: Korean in 개조식 (no final period), English as a sentence. */
export function describeChange(change: PlanChange, locale: Locale): string {
  const ko = locale === 'ko';
  switch (change.kind) {
    case 'category_added':
      return ko
        ? `${category(change.category, locale)} 신설`
        : `${capitalize(category(change.category, locale))} added.`;
    case 'category_removed':
      return ko
        ? `${category(change.category, locale)} 삭제`
        : `${capitalize(category(change.category, locale))} removed.`;
    case 'category_changed': {
      const fields = change.fields.map((f) => categoryField(f, locale)).join(', ');
      return ko
        ? `분야 ${change.category.code} 변경: ${fields}`
        : `Category ${change.category.code} changed: ${fields}.`;
    }
    case 'task_added':
      return ko
        ? `${task(change.task, locale)} 신설(주관: ${orgName(change.lead, locale)})`
        : `${task(change.task, locale)} added (lead: ${orgName(change.lead, locale)}).`;
    case 'task_removed':
      return ko ? `${task(change.task, locale)} 삭제` : `${task(change.task, locale)} removed.`;
    case 'task_moved':
      return ko
        ? `과제 ${change.fromCode} ‘${change.task.title}’ 이관: ${category(change.from, locale)} → ${category(change.to, locale)}, 과제 번호 ${change.fromCode} → ${change.task.code}`
        : `Task ${change.fromCode} “${change.task.title}” moved from ${category(change.from, locale)} to ${category(change.to, locale)} (now ${change.task.code}).`;
    case 'task_changed': {
      const fields = change.fields.map((f) => taskField(f, locale)).join(', ');
      return ko
        ? `${task(change.task, locale)} 변경: ${fields}`
        : `${task(change.task, locale)} changed: ${fields}.`;
    }
    case 'kpi_added':
      return ko
        ? `${task(change.task, locale)} 성과지표 ${kpiName(change.kpi, locale)} 신설`
        : `${task(change.task, locale)}: KPI ${kpiName(change.kpi, locale)} added.`;
    case 'kpi_removed':
      return ko
        ? `${task(change.task, locale)} 성과지표 ${kpiName(change.kpi, locale)} 삭제`
        : `${task(change.task, locale)}: KPI ${kpiName(change.kpi, locale)} removed.`;
    case 'kpi_changed': {
      const fields = change.fields.map((f) => kpiField(f, change.kpi.unit, locale)).join(', ');
      return ko
        ? `${task(change.task, locale)} 성과지표 ${kpiName(change.kpi, locale)} 변경: ${fields}`
        : `${task(change.task, locale)}: KPI ${kpiName(change.kpi, locale)} changed: ${fields}.`;
    }
    default: {
      const unknown: never = change;
      return unknown;
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
