import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSession } from '../../platform/auth/session';
import { organizationName, useLocale } from '../../platform/i18n';
import { PageHeader } from '../../platform/ui/PageHeader';
import { PasswordChangeForm } from './PasswordChangeForm';
import { TotpSection } from './TotpSection';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const { logout } = useSession();

  const totp = (
    <Section id="account-totp" title={t('account.totpHeading')}>
      <TotpSection />
    </Section>
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t('account.title')} />
      {me.totpEnrollmentRequired ? (
        <Alert color="yellow" data-testid="totp-required">
          {t('guard.totpRequired')}
        </Alert>
      ) : null}
      {/* While enrolment is required, it is the first thing on the page. */}
      {me.totpEnrollmentRequired ? totp : null}

      <Section id="account-profile" title={t('account.profileHeading')}>
        <Table variant="vertical" layout="fixed" withRowBorders={false} aria-labelledby="account-profile">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140}>{t('account.username')}</Table.Th>
              <Table.Td className="mono">{me.username}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('account.displayName')}</Table.Th>
              <Table.Td>{me.displayName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('account.organization')}</Table.Th>
              <Table.Td>{organizationName(me.organization, locale)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('account.roles')}</Table.Th>
              <Table.Td>
                <Group gap="xs">
                  {me.roles.map((role) => (
                    <Badge key={role} color="blue" tt="none">
                      {t(`roles.${role}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Section>

      <Section id="account-password" title={t('account.passwordHeading')}>
        <PasswordChangeForm />
      </Section>

      {me.totpEnrollmentRequired ? null : totp}

      <Section id="account-sessions" title={t('account.sessionsHeading')}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('account.sessionsIntro')}</Text>
          <Button
            color="red"
            variant="light"
            onClick={() => void logout({ everywhere: true })}
            data-testid="account-logout-all"
          >
            {t('account.logoutAll')}
          </Button>
        </Stack>
      </Section>
    </Stack>
  );
}
