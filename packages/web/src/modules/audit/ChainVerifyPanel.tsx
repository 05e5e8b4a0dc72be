import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { verifyAuditChain } from './api';

/** Walks the hash chain on the server and says whether, and where, it is broken. */
export function ChainVerifyPanel() {
  const { t } = useTranslation();
  const verification = useMutation({ mutationFn: verifyAuditChain });
  const result = verification.data;

  return (
    <Stack gap="md" align="flex-start">
      <Title order={2} size="h4">
        {t('audit.verifyHeading')}
      </Title>
      <Text size="sm">{t('audit.verifyIntro')}</Text>
      <Button
        onClick={() => verification.mutate()}
        loading={verification.isPending}
        data-testid="audit-verify"
      >
        {t('audit.verify')}
      </Button>
      {verification.isError ? (
        <ProblemAlert problem={problemOf(verification.error, t('errors.unexpected'))} />
      ) : null}
      {result ? (
        <Alert
          color={result.ok ? 'teal' : 'red'}
          title={
            result.ok
              ? t('audit.verifyOk', { checked: result.checked })
              : t('audit.verifyBroken', { seq: result.firstBrokenSeq ?? '—', checked: result.checked })
          }
          data-testid="audit-verify-result"
          data-ok={result.ok}
          w="100%"
        >
          {result.reason ? <Text size="sm">{t('audit.verifyReason', { reason: result.reason })}</Text> : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
