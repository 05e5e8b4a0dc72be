import type { Permission, Role } from '@ieum/domain';
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useMe } from '../../platform/auth/session';
import { organizationName, useLocale } from '../../platform/i18n';
import { useDocumentTitle } from '../../platform/ui/PageHeader';
import { PageLoader } from '../../platform/ui/PageLoader';

// The role dashboards bring the charts library; only those with a work list download it.
const HomeDashboard = lazy(() => import('../dashboard/HomeDashboard'));
// A task reporter's reminders: the quarterly reports their organization owes on the plan's tasks.
const DueReports = lazy(() => import('../plan/DueReports'));

interface Shortcut {
  readonly key: 'persons' | 'users' | 'organizations' | 'audit' | 'account';
  readonly to: string;
  readonly permission?: Permission;
}

const SHORTCUTS: readonly Shortcut[] = [
  { key: 'persons', to: '/persons', permission: 'persons.read' },
  { key: 'users', to: '/admin/users', permission: 'users.read' },
  { key: 'organizations', to: '/admin/organizations', permission: 'organizations.read' },
  { key: 'audit', to: '/audit', permission: 'audit.read' },
  { key: 'account', to: '/account' },
];

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  useDocumentTitle(t('home.title'));
  const shortcuts = SHORTCUTS.filter(
    (item) => item.permission === undefined || hasPermission(me, item.permission),
  );
  const organization = me.organization;
  // Only the roles whose work is still partly missing have a line; a role with everything built has none.
  const upcomingTexts: Partial<Record<Role, string>> = t('home.upcoming', { returnObjects: true });
  const upcoming = me.roles.flatMap((role) => {
    const text = upcomingTexts[role];
    return text ? [[role, text] as const] : [];
  });

  return (
    <Stack gap="xl">
      <Title order={1} size="h2">
        {t('home.greeting', { name: me.displayName })}
      </Title>

      {hasPermission(me, 'tasks.read') && !me.totpEnrollmentRequired ? (
        <Suspense fallback={<PageLoader />}>
          <HomeDashboard />
        </Suspense>
      ) : null}

      {hasPermission(me, 'plans.report') && !me.totpEnrollmentRequired ? (
        <Suspense fallback={<PageLoader />}>
          <DueReports />
        </Suspense>
      ) : null}

      <section aria-labelledby="home-profile">
        <Title order={2} size="h4" id="home-profile" mb="sm">
          {t('home.profileHeading')}
        </Title>
        <Card withBorder padding="md">
          <Table variant="vertical" layout="fixed" withRowBorders={false} aria-labelledby="home-profile">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{t('home.organization')}</Table.Th>
                <Table.Td>{organizationName(organization, locale)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.organizationType')}</Table.Th>
                <Table.Td>{t(`organizationTypes.${organization.type}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.region')}</Table.Th>
                <Table.Td>
                  {organization.region ? t(`regions.${organization.region}`) : t('home.regionNone')}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('home.roles')}</Table.Th>
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
        </Card>
      </section>

      <section aria-labelledby="home-shortcuts">
        <Title order={2} size="h4" id="home-shortcuts" mb="sm">
          {t('home.shortcutsHeading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {shortcuts.map((item) => (
            <Card key={item.key} withBorder padding="md" data-testid={`home-card-${item.key}`}>
              <Title order={3} size="h5" mb={6}>
                <Anchor component={Link} to={item.to}>
                  {t(`nav.${item.key}`)}
                </Anchor>
              </Title>
              <Text size="sm">{t(`home.cards.${item.key}`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      {upcoming.length > 0 ? (
        <section aria-labelledby="home-upcoming" data-testid="home-upcoming">
          <Title order={2} size="h4" id="home-upcoming" mb="sm">
            {t('home.upcomingHeading')}
          </Title>
          <Card withBorder padding="md">
            <Text size="sm" mb="sm">
              {t('home.upcomingIntro')}
            </Text>
            <List size="sm" spacing={4}>
              {upcoming.map(([role, text]) => (
                <List.Item key={role}>
                  <Text span fw={600} size="sm">
                    {t(`roles.${role}`)}
                  </Text>
                  {' — '}
                  {text}
                </List.Item>
              ))}
            </List>
          </Card>
        </section>
      ) : null}
    </Stack>
  );
}
