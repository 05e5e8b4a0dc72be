import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TransferData } from './api';

const STATUS_COLOR: Record<TransferData['status'], string> = {
  requested: 'blue',
  accepted: 'teal',
  declined: 'orange',
  cancelled: 'gray',
};

export function TransferStatus({ status }: { status: TransferData['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="transfer-status">
      {t(`transfers.statuses.${status}`)}
    </Badge>
  );
}
