import {
  maskName,
  type ReferralDetail,
  type ReferralQuery,
  type ReferralStatus,
  type ReferralSummary,
  seoulDate,
} from '@ieum/domain';
import { inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit-log';
import type { Actor } from '../../platform/context';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { unsealName } from '../registry/person-view';
import { persons } from '../registry/schema';
import { consentTermsOf } from './consents.repository';
import { carriedData, referralCoverage, toSummary } from './referral-view';
import { referralHistory, referralsFor, unsafeReferralSubject } from './referrals.repository';

/**
 * One box of referrals. The sending center sees masked names; the recipient sees no personal data in the
 * list at all (only purpose, categories, dates and status), so the list needs no consent check to be shown,
 * but says which referrals are suspended.
 */
export async function listReferrals(
  deps: Deps,
  options: { actor: Actor } & ReferralQuery,
): Promise<{ items: ReferralSummary[]; total: number }> {
  const { actor } = options;
  const today = seoulDate(deps.now());
  const side = options.box === 'sent' ? 'sender' : 'recipient';
  if (options.personId && side === 'recipient') {
    // The receiving side never learns which person a referral is about from a list.
    throw new AppError('request.invalid', {
      fieldErrors: [
        {
          path: 'personId',
          message: {
            ko: '대상자별 조회는 보낸 의뢰에서만 할 수 있습니다.',
            en: 'Referrals can be listed by person only among those sent.',
          },
        },
      ],
    });
  }
  const { rows, total } = await referralsFor(deps.db, actor).list({
    side,
    view: options.view,
    today,
    page: options.page,
    pageSize: options.pageSize,
    personId: options.personId,
  });
  const personIds = rows.map((row) => row.referral.personId);
  const consents = await consentTermsOf(deps.db, personIds);
  const names = side === 'sender' ? await maskedNames(deps, personIds) : new Map<string, never>();
  const items = rows.map((row) =>
    toSummary(row, {
      side,
      person: names.get(row.referral.personId) ?? null,
      covered: referralCoverage(row, consents.get(row.referral.personId) ?? [], today).covered,
      today,
    }),
  );
  if (side === 'recipient') {
    await recordAudit(deps.db, {
      action: 'view',
      entityType: 'referral_list',
      reason: 'referral',
      detail: { box: options.box, view: options.view, results: items.length, total },
    });
  }
  return { items, total };
}

/** Pseudonymous codes and masked names, for the sending center's eyes only. */
async function maskedNames(deps: Deps, personIds: readonly string[]) {
  const ids = [...new Set(personIds)];
  const names = new Map<string, { id: string; code: string; maskedName: string }>();
  if (ids.length === 0) return names;
  const [rows, unseal] = await Promise.all([
    deps.db.select().from(persons).where(inArray(persons.id, ids)),
    deps.vault.unsealerFor(deps.db, 'person', ids),
  ]);
  for (const person of rows) {
    names.set(person.id, {
      id: person.id,
      code: person.code,
      maskedName: maskName(unsealName(person, unseal)),
    });
  }
  return names;
}

/**
 * One referral. The sending center sees it whole. The recipient sees the carried categories only, and only
 * while a consent covers the referral today: consent is checked on every read, not just at sending. Each
 * recipient read is audited with the data subject (`view`, reason `referral`), each refusal as
 * `permission_denied`.
 */
export async function getReferral(
  deps: Deps,
  options: { actor: Actor; referralId: string },
): Promise<ReferralDetail> {
  const { actor, referralId } = options;
  const found = await referralsFor(deps.db, actor).findById(referralId);
  if (!found) {
    const subjectId = await unsafeReferralSubject(deps.db, referralId);
    if (subjectId) {
      await recordAudit(deps.db, {
        action: 'permission_denied',
        entityType: 'referral',
        entityId: referralId,
        subjectId,
        reason: 'referral',
        detail: { refused: 'out_of_scope' },
      });
    }
    throw notFound();
  }
  const { referral } = found;
  const today = seoulDate(deps.now());
  const consents = (await consentTermsOf(deps.db, [referral.personId])).get(referral.personId) ?? [];
  const coverage = referralCoverage(found, consents, today);
  const audit = { entityType: 'referral', entityId: referral.id, subjectId: referral.personId } as const;

  if (found.side === 'recipient' && !coverage.covered) {
    await recordAudit(deps.db, {
      ...audit,
      action: 'permission_denied',
      reason: 'referral',
      detail: { refused: 'consent', missing: coverage.missing },
    });
    throw new AppError('referral.consent_lapsed');
  }

  const subject = { type: 'person' as const, id: referral.personId };
  const message =
    (await deps.vault.decrypt(deps.db, subject, `referral_message:${referral.id}`, referral.messageSealed)) ??
    '';
  const history = await Promise.all(
    (await referralHistory(deps.db, referral.id)).map(async ({ event, organizationName }) => ({
      status: event.status as ReferralStatus,
      at: event.at.toISOString(),
      organizationName,
      note: event.noteSealed
        ? await deps.vault.decrypt(deps.db, subject, `referral_event:${event.id}`, event.noteSealed)
        : null,
    })),
  );

  if (found.side === 'recipient') {
    const detail: ReferralDetail = {
      ...toSummary(found, { side: 'recipient', person: null, covered: true, today }),
      side: 'recipient',
      message,
      ...(await carriedData(deps, deps.db, referral)),
      history,
    };
    await recordAudit(deps.db, {
      ...audit,
      action: 'view',
      reason: 'referral',
      detail: { categories: referral.categories },
    });
    return detail;
  }

  const person = (await maskedNames(deps, [referral.personId])).get(referral.personId) ?? null;
  await recordAudit(deps.db, { ...audit, action: 'view', detail: { side: 'sender' } });
  return {
    ...toSummary(found, {
      side: 'sender',
      person,
      covered: coverage.covered,
      today,
    }),
    side: 'sender',
    message,
    consentId: coverage.covered ? coverage.consent.id : referral.consentId,
    consentGaps: coverage.missing,
    history,
  };
}
