import { Box, Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** Server-side paging: where we are in the list, and the pages to go to. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(page * pageSize, total);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" aria-live="polite">
        {t('pagination.summary', { from, to, total })}
      </Text>
      {pages > 1 ? (
        <Box component="nav" aria-label={t('pagination.label')}>
          <Pagination total={pages} value={Math.min(page, pages)} onChange={onChange} withEdges />
        </Box>
      ) : null}
    </Group>
  );
}
