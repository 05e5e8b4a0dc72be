import { MergedInto, type Permission, PersonSummary } from '@ieum/domain';
import { Button, Card, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type ComponentType, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError, problemOf } from '../../platform/api';
import { hasPermission, useMe } from '../../platform/auth/session';
import { formatDate, formatDateTime } from '../../platform/format';
import { useLocale } from '../../platform/i18n';
import { Fact } from '../../platform/ui/Fact';
import { PageHeader } from '../../platform/ui/PageHeader';
import { PageLoader } from '../../platform/ui/PageLoader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { type PersonDetailData, registryKeys, usePerson } from './api';
import { IdentityCard } from './IdentityCard';
import { UnmaskDialog } from './UnmaskDialog';

function BackToList() {
  const { t } = useTranslation();
  return (
    <Button variant="default" component={Link} to="/persons">
      {t('persons.backToList')}
    </Button>
  );
}

/** Not found and not permitted look the same: a refusal must not confirm that a record exists. */
function PersonNotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" data-testid="person-not-found">
      <PageHeader title={t('persons.notFoundTitle')} />
      <Text>{t('persons.notFoundMessage')}</Text>
      <BackToList />
    </Stack>
  );
}

/** A record merged into another: where its data went (the server says so only when both are in scope). */
function PersonMergedAway({ target }: { target: { id: string; code: string } }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" data-testid="person-merged-away">
      <PageHeader title={t('merge.mergedAwayTitle')} />
      <Text>{t('merge.mergedAwayText', { code: target.code })}</Text>
      <Group>
        <Button component={Link} to={`/persons/${target.id}`}>
          {t('merge.mergedAwayLink', { code: target.code })}
        </Button>
        <BackToList />
      </Group>
    </Stack>
  );
}

function ProtectionCard({ person }: { person: PersonDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t('persons.notRecorded');
  const date = (value: string | null) => (value ? formatDate(value, locale) : none);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-protection">
      <Title order={2} size="h4" id="person-protection" mb="sm">
        {t('persons.protectionHeading')}
      </Title>
      <Table variant="vertical" layout="fixed" withRowBorders={false} aria-labelledby="person-protection">
        <Table.Tbody>
          <Fact label={t('persons.hanaCenter')}>{person.hanaCenter.name}</Fact>
          <Fact label={t('persons.originProvince')}>
            {person.originProvince ? t(`nkProvinces.${person.originProvince}`) : none}
          </Fact>
          <Fact label={t('persons.arrivalDate')}>{date(person.arrivalDate)}</Fact>
          <Fact label={t('persons.hanawonClass')}>{person.hanawonClass ?? none}</Fact>
          <Fact label={t('persons.hanawonCompletionDate')}>{date(person.hanawonCompletionDate)}</Fact>
          <Fact label={t('persons.protectionDecisionDate')}>{date(person.protectionDecisionDate)}</Fact>
          <Fact label={t('persons.residenceStartDate')}>{date(person.residenceStartDate)}</Fact>
          <Fact label={t('persons.residenceRegion')}>
            {person.residenceRegion ? t(`regions.${person.residenceRegion}`) : none}
          </Fact>
          <Fact label={t('persons.municipality')}>{person.municipality?.name ?? none}</Fact>
          <Fact label={t('persons.createdAt')}>{formatDateTime(person.createdAt, locale)}</Fact>
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/**
 * A section of the person page that another module contributes (the case, consents and referrals, the
 * timeline). The page shows a tab only to those holding its permission, and renders its panel only while
 * it is open, so a closed tab asks the server nothing and leaves nothing in the access log.
 */
export interface PersonTab {
  /** Unique, stable: it becomes the tab's id and test id (`person-tab-<value>`). */
  readonly value: string;
  /** The tab's label, already translated. */
  readonly label: (t: TFunction) => string;
  readonly permission: Permission;
  /** Best `lazy(() => import(…))`, so the module's code loads only when its tab is first opened. */
  readonly Panel: ComponentType<{ person: PersonDetailData }>;
}

function PersonRecord({ person, tabs }: { person: PersonDetailData; tabs: readonly PersonTab[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [unmasking, setUnmasking] = useState(false);
  const identityHeading = useRef<HTMLHeadingElement>(null);
  const focusIdentity = useRef(false);

  useEffect(() => {
    if (!focusIdentity.current || person.identity.masked) return;
    focusIdentity.current = false;
    identityHeading.current?.focus();
  }, [person.identity.masked]);

  const onUnmasked = (unmasked: PersonDetailData) => {
    queryClient.setQueryData(registryKeys.person(unmasked.id), unmasked);
    focusIdentity.current = true;
    setUnmasking(false);
    notifications.show({ color: 'teal', message: t('persons.unmask.done') });
  };

  const visibleTabs = tabs.filter((tab) => hasPermission(me, tab.permission));
  // A link may open a module's tab (`?tab=jobs`); anything else, or a tab the reader cannot see, opens the overview.
  const [params] = useSearchParams();
  const linkedTab = visibleTabs.find((tab) => tab.value === params.get('tab'))?.value ?? 'overview';
  const summary = [
    person.sex ? t(`sex.${person.sex}`) : null,
    person.birthYear ? t('persons.bornIn', { year: person.birthYear }) : null,
    person.hanaCenter.name,
  ].filter((part): part is string => part !== null);

  return (
    <Stack gap="lg">
      {/* The pseudonymous ID is the page's name (and the document title, which browser history keeps). */}
      <PageHeader title={person.code} actions={<BackToList />} />
      <Group gap="sm" mt={-12} wrap="wrap" data-testid="person-header">
        <Text size="sm" c="dimmed">
          {t('persons.maskedName')}
        </Text>
        <Text fw={700} size="lg" data-testid="person-header-name">
          {person.maskedName}
        </Text>
        <Text size="sm">{summary.join(' · ')}</Text>
      </Group>
      <Tabs defaultValue={linkedTab} keepMounted={false} variant="outline">
        <Tabs.List aria-label={t('persons.tabsLabel')}>
          <Tabs.Tab value="overview" data-testid="person-tab-overview">
            {t('persons.overviewTab')}
          </Tabs.Tab>
          {visibleTabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value} data-testid={`person-tab-${tab.value}`}>
              {tab.label(t)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="lg">
          <Stack gap="lg">
            <IdentityCard
              person={person}
              headingRef={identityHeading}
              onUnmask={hasPermission(me, 'persons.unmask') ? () => setUnmasking(true) : null}
            />
            <ProtectionCard person={person} />
          </Stack>
        </Tabs.Panel>
        {visibleTabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="lg">
            <Suspense fallback={<PageLoader />}>
              <tab.Panel person={person} />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>
      <UnmaskDialog
        personId={person.id}
        code={person.code}
        opened={unmasking}
        onClose={() => setUnmasking(false)}
        onUnmasked={onUnmasked}
      />
    </Stack>
  );
}

/** One person's record: the pseudonymous ID first, the identity masked until unmasked with a reason. */
export default function PersonPage({ tabs = [] }: { tabs?: readonly PersonTab[] }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const wellFormed = PersonSummary.shape.id.safeParse(id).success;
  const person = usePerson(id, wellFormed);

  if (!wellFormed || (isApiError(person.error) && person.error.status === 404)) return <PersonNotFound />;
  if (isApiError(person.error, 'person.merged')) {
    const target = person.error.extension('mergedInto', MergedInto);
    if (target) return <PersonMergedAway target={target} />;
  }
  if (person.isError) {
    return (
      <Stack>
        <PageHeader title={t('persons.title')} actions={<BackToList />} />
        <ProblemAlert problem={problemOf(person.error, t('errors.unexpected'))} />
      </Stack>
    );
  }
  if (!person.data) return <PageLoader />;
  return <PersonRecord person={person.data} tabs={tabs} />;
}
