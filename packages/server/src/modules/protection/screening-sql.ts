import {
  type AlertLevel,
  type IsoDate,
  REASON_ORDER,
  type ScreeningRules,
  SIGNAL_TYPES,
  VULNERABILITY_CATEGORIES,
} from '@ieum/domain';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The screening of domain/protection/screening.ts (`scorePerson`), as one set-based query: every person's
 * reasons as rows, summed and ordered in the database. The two must give the same scores and the same
 * reasons for the same facts; screen-population.test.ts checks them against each other on random data.
 *
 * `population` is a query with columns (id, decided_on, moved_in_on): everybody, or a batch of persons.
 * The result has columns person_id, score, level, reasons (jsonb, ordered as `sortReasons` orders them).
 */
export function screeningQuery(rules: ScreeningRules, asOf: IsoDate, population: SQL): SQL {
  const day = sql`${asOf}::date`;
  const signalRules = SIGNAL_TYPES.flatMap((type) => {
    const rule = rules.signals[type];
    return rule
      ? [
          sql`(${type}::text, ${rule.points}::int, ${rule.windowDays}::int, ${rule.hardship}::boolean, ${rule.boost?.minValue ?? null}::float8, ${rule.boost?.points ?? 0}::int)`,
        ]
      : [];
  });
  const vulnerabilityRules = VULNERABILITY_CATEGORIES.map(
    (category) => sql`(${category}::text, ${rules.vulnerability[category]}::int)`,
  );
  const tiers = rules.noContact.map((tier) => sql`(${tier.minDays}::int, ${tier.points}::int)`);
  const cap = sql`${rules.vulnerabilityCap}::int`;
  const protectionEnd = sql`((p.decided_on + make_interval(months => ${rules.protectionMonths}::int))::date - 1)`;
  const settledUntil = sql`((p.moved_in_on + make_interval(months => ${rules.earlySettlement.withinMonths}::int))::date - 1)`;
  const order = (code: keyof typeof REASON_ORDER) => sql.raw(String(REASON_ORDER[code]));

  return sql`
    with
    sig_rules (type, points, window_days, hardship, boost_min, boost_points) as (values ${sql.join(signalRules, sql`, `)}),
    vuln_rules (category, points) as (values ${sql.join(vulnerabilityRules, sql`, `)}),
    tiers (min_days, points) as (values ${sql.join(tiers, sql`, `)}),
    population as (${population}),
    sig as (
      select s.person_id, s.type, count(*)::int as n, max(s.observed_on) as latest_on, max(s.value) as max_value,
             r.points, r.hardship, r.boost_min, r.boost_points
      from population p
      join protection_signals s on s.person_id = p.id
      join sig_rules r on r.type = s.type
      where s.observed_on <= ${day} and s.observed_on > ${day} - r.window_days
      group by s.person_id, s.type, r.points, r.hardship, r.boost_min, r.boost_points
    ),
    sig_scored as (
      select person_id, type, n, latest_on, max_value, hardship,
             coalesce(max_value >= boost_min, false) as boosted,
             points + case when coalesce(max_value >= boost_min, false) then boost_points else 0 end as total
      from sig
    ),
    profile as (
      select pr.person_id, pr.categories, pr.children_in_household, pr.benefits
      from protection_profiles pr join population p on p.id = pr.person_id
    ),
    vuln as (
      select pr.person_id, v.category, v.points
      from profile pr
      cross join lateral (select distinct unnest(pr.categories) as category) c
      join vuln_rules v on v.category = c.category
    ),
    vuln_total as (select person_id, sum(points)::int as total from vuln group by person_id),
    contact as (
      select person_id, max(d) as last_on from (
        select c.person_id, (c.contacted_at at time zone 'Asia/Seoul')::date as d
          from protection_contacts c join population p on p.id = c.person_id where c.reached
        union all
        select a.person_id, (a.starts_at at time zone 'Asia/Seoul')::date
          from appointments a join population p on p.id = a.person_id where a.status = 'done'
        union all
        select k.person_id, (n.created_at at time zone 'Asia/Seoul')::date
          from case_notes n join cases k on k.id = n.case_id join population p on p.id = k.person_id
        union all
        select sc.person_id, sc.checked_on
          from survey_checks sc join population p on p.id = sc.person_id
          where sc.finding is not null and sc.finding <> 'unreachable'
      ) contacts
      where d <= ${day}
      group by person_id
    ),
    no_contact as (
      select p.id as person_id, c.last_on, ${day} - coalesce(c.last_on, p.moved_in_on, p.decided_on) as days
      from population p left join contact c on c.person_id = p.id
      where coalesce(c.last_on, p.moved_in_on, p.decided_on) <= ${day}
    ),
    reasons (person_id, points, ord, key, reason) as (
      select person_id, total, ${order('signal')}, type,
             jsonb_build_object('code', 'signal', 'points', total, 'signalType', type, 'count', n,
                                'latestOn', latest_on::text, 'maxValue', max_value, 'boosted', boosted)
        from sig_scored
      union all
      select person_id, points, ${order('vulnerability')}, category,
             jsonb_build_object('code', 'vulnerability', 'points', points, 'category', category)
        from vuln
      union all
      select person_id, ${cap} - total, ${order('vulnerability_cap')}, '',
             jsonb_build_object('code', 'vulnerability_cap', 'points', ${cap} - total, 'cap', ${cap})
        from vuln_total where total > ${cap}
      union all
      select pr.person_id, ${rules.childrenWithHardship}::int, ${order('children_with_hardship')}, '',
             jsonb_build_object('code', 'children_with_hardship', 'points', ${rules.childrenWithHardship}::int,
                                'children', pr.children_in_household)
        from profile pr
        where pr.children_in_household > 0
          and exists (select 1 from sig_scored s where s.person_id = pr.person_id and s.hardship)
      union all
      select nc.person_id, t.points, ${order('no_contact')}, '',
             jsonb_build_object('code', 'no_contact', 'points', t.points, 'days', nc.days,
                                'lastContactOn', nc.last_on::text)
        from no_contact nc
        cross join lateral (
          select tiers.points from tiers where nc.days >= tiers.min_days order by tiers.min_days desc limit 1
        ) t
      union all
      select p.id, ${rules.protectionEnded}::int, ${order('protection_ended')}, '',
             jsonb_build_object('code', 'protection_ended', 'points', ${rules.protectionEnded}::int,
                                'endedOn', ${protectionEnd}::text)
        from population p
        where p.decided_on is not null and ${protectionEnd} < ${day}
      union all
      select p.id, ${rules.earlySettlement.points}::int, ${order('early_settlement')}, '',
             jsonb_build_object('code', 'early_settlement', 'points', ${rules.earlySettlement.points}::int,
                                'since', p.moved_in_on::text)
        from population p
        where p.moved_in_on is not null and p.moved_in_on <= ${day} and ${day} <= ${settledUntil}
      union all
      select pr.person_id, ${rules.receivesSupport}::int, ${order('receives_support')}, '',
             jsonb_build_object('code', 'receives_support', 'points', ${rules.receivesSupport}::int,
                                'benefits', (select jsonb_agg(b order by b collate "C")
                                             from (select distinct unnest(pr.benefits) as b) benefits))
        from profile pr where cardinality(pr.benefits) > 0
    ),
    scored as (
      select person_id,
             greatest(0, least(100, sum(points)))::int as score,
             bool_or(ord = ${order('signal')}) as signalled,
             jsonb_agg(reason order by (points < 0), points desc, ord, key collate "C") as reasons
      from reasons
      group by person_id
    )
    select person_id, score, case when signalled then ${levelCase(rules, sql`score`)} end as level, reasons
    from scored`;
}

/** The level of a score under the rules, as SQL. */
export function levelCase(rules: ScreeningRules, score: SQL): SQL {
  return sql`case
    when ${score} >= ${rules.levels.crisis}::int then 'crisis'
    when ${score} >= ${rules.levels.high}::int then 'high'
    when ${score} >= ${rules.levels.watch}::int then 'watch'
  end`;
}

export const LEVEL_RANK: Record<AlertLevel, number> = { watch: 1, high: 2, crisis: 3 };

export function levelRank(level: SQL): SQL {
  return sql`case ${level} when 'watch' then 1 when 'high' then 2 when 'crisis' then 3 else 0 end`;
}

/** Hours to the first contact for an alert of `level`, as SQL. */
export function deadlineHours(rules: ScreeningRules, level: SQL): SQL {
  return sql`case ${level}
    when 'crisis' then ${rules.deadlines.crisis.contactWithinHours}::int
    when 'high' then ${rules.deadlines.high.contactWithinHours}::int
    else ${rules.deadlines.watch.contactWithinHours}::int
  end`;
}
