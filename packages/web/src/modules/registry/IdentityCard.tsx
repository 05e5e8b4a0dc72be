import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetailData } from './api';
import { formatPhone, formatRrn } from './format';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Th w={160}>{label}</Table.Th>
      <Table.Td data-testid={testId}>{children}</Table.Td>
    </Table.Tr>
  );
}

export interface IdentityCardProps {
  person: PersonDetailData;
  /** Null when the user may not unmask. */
  onUnmask: (() => void) | null;
  /** The heading takes focus after unmasking (the button that opened the dialog is gone by then). */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The identity block: masked by default; full only after an audited unmasking in this session. */
export function IdentityCard({ person, onUnmask, headingRef }: IdentityCardProps) {
  const { t } = useTranslation();
  const identity = person.identity;
  const none = t('persons.notRecorded');
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="person-identity"
      data-testid="identity-card"
    >
      <Group justify="space-between" align="center" mb="sm" wrap="wrap">
        <Group gap="sm">
          <Title order={2} size="h4" id="person-identity" ref={headingRef} tabIndex={-1}>
            {t('persons.identityHeading')}
          </Title>
          <Badge color={identity.masked ? 'gray' : 'orange'} tt="none" data-testid="identity-state">
            {identity.masked ? t('persons.identityMasked') : t('persons.identityUnmasked')}
          </Badge>
        </Group>
        {identity.masked && onUnmask ? (
          <Button variant="light" onClick={onUnmask} data-testid="unmask-button">
            {t('persons.unmask.button')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="sm">
        {identity.masked ? (
          <Text size="sm">{t('persons.identityMaskedHint')}</Text>
        ) : (
          <Alert color="orange" data-testid="identity-unmasked-notice">
            <Text size="sm">{t('persons.identityUnmaskedHint')}</Text>
          </Alert>
        )}
        <Table variant="vertical" layout="fixed" withRowBorders={false} aria-labelledby="person-identity">
          <Table.Tbody>
            <Row label={t('persons.name')} testId="identity-name">
              {identity.name}
            </Row>
            <Row label={t('persons.otherNames')}>
              {identity.otherNames.length > 0 ? identity.otherNames.join(', ') : none}
            </Row>
            <Row label={t('persons.rrn')}>
              <span className="mono">{identity.rrn ? formatRrn(identity.rrn) : none}</span>
            </Row>
            <Row label={t('persons.birthDate')}>{identity.birthDate ?? none}</Row>
            <Row label={t('persons.sex')}>{person.sex ? t(`sex.${person.sex}`) : none}</Row>
            <Row label={t('persons.phone')}>
              <span className="mono">{identity.phone ? formatPhone(identity.phone) : none}</span>
            </Row>
            <Row label={t('persons.address')}>{identity.address ?? none}</Row>
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
