import { assessDuplicate, type DuplicateAssessment, type DuplicateCheck, maskName } from '@ieum/domain';
import { personScopes } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Queryable } from '../../platform/db/client';
import type { Deps } from '../../platform/deps';
import { unsealName } from './person-view';
import { personsFor, unsafeFindDuplicateCandidates } from './persons.repository';
import { duplicateProbeTokens, rrnIndex } from './search-tokens';

export interface DuplicateCandidateView {
  readonly personId: string;
  readonly code: string;
  readonly maskedName: string | null;
  readonly hanaCenterName: string;
  readonly inScope: boolean;
  readonly score: number;
  readonly level: DuplicateAssessment['level'];
  readonly reasons: DuplicateAssessment['reasons'];
}

const MAX_CANDIDATES = 10;

/**
 * Finds records that may be the person about to be registered, across the whole registry, and explains
 * each score. Records outside the worker's scope are reported by ID and center only. Each candidate's
 * data was processed, so each gets an audit entry with its data subject.
 */
export async function checkDuplicates(
  deps: Deps,
  q: Queryable,
  options: { actor: Actor; identity: DuplicateCheck; excludePersonId?: string },
): Promise<DuplicateCandidateView[]> {
  const { identity } = options;
  const birthDate = identity.birthDate ?? null;
  const names = [identity.name, ...identity.otherNames];
  const rrnKey = identity.rrn ? rrnIndex(deps.vault, identity.rrn) : null;
  const rows = await unsafeFindDuplicateCandidates(q, {
    rrnIndex: rrnKey,
    tokens: duplicateProbeTokens(deps.vault, { names, birthDate }),
    limit: 200,
  });
  const candidates = rows.filter((row) => row.person.id !== options.excludePersonId);
  const unseal = await deps.vault.unsealerFor(
    q,
    'person',
    candidates.map((row) => row.person.id),
  );
  const assessed = candidates
    .map((row) => {
      const p = row.person;
      const existing = {
        name: unsealName(p, unseal),
        otherNames: JSON.parse(
          (p.otherNamesSealed && unseal(p.id, 'other_names', p.otherNamesSealed)) || '[]',
        ) as string[],
        birthDate: p.birthDateSealed ? unseal(p.id, 'birth_date', p.birthDateSealed) : null,
        sex: (p.sex as 'male' | 'female' | null) ?? null,
      };
      const assessment = assessDuplicate(
        { name: identity.name, otherNames: identity.otherNames, birthDate, sex: identity.sex ?? null },
        existing,
        rrnKey !== null && p.rrnIndex === rrnKey,
      );
      return { row, existing, assessment };
    })
    .filter(({ assessment }) => assessment.level !== 'unlikely')
    .sort((a, b) => b.assessment.score - a.assessment.score)
    .slice(0, MAX_CANDIDATES);

  const visible = personsFor(q, personScopes(options.actor));
  const views: DuplicateCandidateView[] = [];
  for (const { row, existing, assessment } of assessed) {
    const inScope = (await visible.findById(row.person.id)) !== null;
    views.push({
      personId: row.person.id,
      code: row.person.code,
      maskedName: inScope ? maskName(existing.name) : null,
      hanaCenterName: row.centerName,
      inScope,
      score: assessment.score,
      level: assessment.level,
      reasons: assessment.reasons,
    });
  }
  if (views.length > 0) {
    await deps.db.transaction(async (tx) => {
      for (const view of views) {
        await appendAudit(tx, {
          action: 'view',
          entityType: 'person',
          entityId: view.personId,
          subjectId: view.personId,
          reason: 'duplicate_check',
          detail: { score: view.score, inScope: view.inScope },
        });
      }
    });
  }
  return views;
}

/** The candidate as the API shows it: without the internal id, reasons as a plain array. */
export function publicCandidate({ personId: _id, reasons, ...candidate }: DuplicateCandidateView) {
  return { ...candidate, reasons: [...reasons] };
}
