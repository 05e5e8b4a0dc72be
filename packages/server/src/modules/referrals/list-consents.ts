import {
  type ConsentPurpose,
  type ConsentView,
  consentState,
  type DataCategory,
  type OrganizationType,
  type RecipientType,
  seoulDate,
} from '@ieum/domain';
import { personScopes } from '../../platform/access/scope';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { personsFor } from '../registry/persons.repository';
import { refuseOutOfScope } from '../registry/refuse-out-of-scope';
import { consentsFor } from './consents.repository';

/** A person's consents, newest first, each with where it stands today. Audited as a view of the person's data. */
export async function listConsents(
  deps: Deps,
  options: { actor: Actor; personId: string },
): Promise<{ items: ConsentView[] }> {
  const scopes = personScopes(options.actor);
  const found = await personsFor(deps.db, scopes).findById(options.personId);
  if (!found)
    throw await refuseOutOfScope(deps.db, {
      personId: options.personId,
      entityType: 'consent',
      entityId: options.personId,
    });
  const today = seoulDate(deps.now());
  const rows = await consentsFor(deps.db, scopes).listForPerson(found.person.id);
  await recordAudit(deps.db, {
    action: 'view',
    entityType: 'consent',
    subjectId: found.person.id,
    detail: { results: rows.length },
  });
  return {
    items: rows.map(({ consent, organization, recordedBy, withdrawnBy }) => ({
      id: consent.id,
      personId: consent.personId,
      recipientOrganization: organization
        ? { ...organization, type: organization.type as OrganizationType }
        : null,
      recipientType: consent.recipientType as RecipientType | null,
      categories: consent.categories as DataCategory[],
      purpose: consent.purpose as ConsentPurpose,
      givenOn: consent.givenOn,
      expiresOn: consent.expiresOn,
      withdrawnOn: consent.withdrawnOn,
      withdrawnBy,
      recordedBy,
      recordedAt: consent.createdAt.toISOString(),
      state: consentState(consent, today),
      version: consent.version,
    })),
  };
}
