import { Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../platform/i18n';
import { UNCLIPPED } from '../../../platform/ui/badges';
import { TableFrame } from '../../../platform/ui/TableFrame';
import { type ConsultationData, useOrganizations } from '../api';
import { orgName } from '../text';

type Invitee = ConsultationData['invitees'][number];

function tally(invitees: readonly Invitee[], kind: Invitee['kind']) {
  const of = invitees.filter((i) => i.kind === kind);
  return { total: of.length, answered: of.filter((i) => i.answered).length };
}

/** Who was asked and who has answered: a comment or "no comment" both count as an answer. */
export function InviteeOverview({ consultation }: { consultation: ConsultationData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The consultation names organizations in Korean; an English reader gets their English names where known.
  const organizations = useOrganizations(locale === 'en');
  const english = new Map((organizations.data ?? []).map((o) => [o.id, o]));
  const nameOf = (invitee: Invitee) => {
    const known = invitee.kind === 'organization' ? english.get(invitee.id) : undefined;
    return known ? orgName(known, locale) : invitee.name;
  };
  const { invitees } = consultation;
  if (invitees.length === 0) return <Text size="sm">{t('plan.consultation.noInvitees')}</Text>;
  const organizationTally = tally(invitees, 'organization');
  const members = tally(invitees, 'council_member');
  const label = t('plan.consultation.inviteesTable');
  return (
    <Stack gap="sm">
      <Stack gap={2} data-testid="plan-invitees-summary">
        {organizationTally.total > 0 ? (
          <Text size="sm" fw={600}>
            {t('plan.consultation.organizationsSummary', organizationTally)}
          </Text>
        ) : null}
        {members.total > 0 ? (
          <Text size="sm" fw={600}>
            {t('plan.consultation.membersSummary', members)}
          </Text>
        ) : null}
      </Stack>
      <TableFrame label={label}>
        <Table miw={560} aria-label={label} data-testid="plan-invitees">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.consultation.columns.kind')}</Table.Th>
              <Table.Th scope="col">{t('plan.consultation.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('plan.consultation.columns.answered')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('plan.consultation.columns.comments')}
              </Table.Th>
              <Table.Th scope="col">{t('plan.consultation.columns.noComment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitees.map((invitee) => (
              <Table.Tr key={`${invitee.kind}:${invitee.id}`} data-testid={`plan-invitee-${invitee.id}`}>
                <Table.Td>{t(`plan.consultation.kinds.${invitee.kind}`)}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  {nameOf(invitee)}
                </Table.Th>
                <Table.Td>
                  <Badge
                    color={invitee.answered ? 'teal' : 'gray'}
                    variant="light"
                    styles={UNCLIPPED}
                    data-testid="plan-invitee-answered"
                  >
                    {invitee.answered ? t('plan.consultation.answered') : t('plan.consultation.notAnswered')}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{invitee.comments}</Table.Td>
                <Table.Td>{invitee.noComment ? t('plan.consultation.noCommentMark') : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableFrame>
    </Stack>
  );
}
