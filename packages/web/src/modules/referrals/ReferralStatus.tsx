import type { ReferralStatus as Status } from '@ieum/domain';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<Status, string> = {
  sent: 'blue',
  accepted: 'teal',
  declined: 'orange',
  completed: 'gray',
  cancelled: 'gray',
};

/** The status, and beside it whether it is overdue or suspended for want of consent: in words, not colour alone. */
export function ReferralStatus({
  referral,
}: {
  referral: { status: Status; overdue: boolean; suspended: boolean };
}) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={STATUS_COLOR[referral.status]} variant="light" data-testid="referral-status">
        {t(`referrals.statuses.${referral.status}`)}
      </Badge>
      {referral.overdue ? (
        <Badge color="red" variant="filled" data-testid="referral-overdue">
          {t('referrals.overdue')}
        </Badge>
      ) : null}
      {referral.suspended ? (
        <Badge color="red" variant="outline" data-testid="referral-suspended">
          {t('referrals.suspended')}
        </Badge>
      ) : null}
    </Group>
  );
}
