import type { CaseStatus, NoteSensitivity } from '@ieum/domain';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<CaseStatus, string> = {
  intake: 'gray',
  assessment: 'indigo',
  active: 'teal',
  review: 'yellow',
  closed: 'dark',
  transferred: 'grape',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

const SENSITIVITY_COLOR: Record<NoteSensitivity, string> = {
  normal: 'gray',
  sensitive: 'orange',
  restricted: 'red',
};

export function SensitivityBadge({ sensitivity }: { sensitivity: NoteSensitivity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SENSITIVITY_COLOR[sensitivity]} variant="light" size="sm">
      {t(`cases.sensitivity.${sensitivity}`)}
    </Badge>
  );
}
