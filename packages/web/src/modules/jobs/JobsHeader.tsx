import type { Permission } from '@ieum/domain';
import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasPermission, useMe } from '../../platform/auth/session';
import { PageHeader } from '../../platform/ui/PageHeader';

interface JobsLink {
  readonly to: string;
  readonly key: 'seekers' | 'postings' | 'employers' | 'courses' | 'fair' | 'reports';
  readonly permission: Permission;
}

export const JOBS_LINKS: readonly JobsLink[] = [
  { to: '/jobs', key: 'seekers', permission: 'jobs.read' },
  { to: '/jobs/postings', key: 'postings', permission: 'jobs.read' },
  { to: '/jobs/employers', key: 'employers', permission: 'jobs.read' },
  { to: '/jobs/courses', key: 'courses', permission: 'jobs.read' },
  { to: '/jobs/fair', key: 'fair', permission: 'jobs.read' },
  { to: '/jobs/reports', key: 'reports', permission: 'jobs.reports' },
];

function current(pathname: string): JobsLink | undefined {
  return JOBS_LINKS.filter((link) => pathname === link.to || pathname.startsWith(`${link.to}/`)).sort(
    (a, b) => b.to.length - a.to.length,
  )[0];
}

/**
 * The jobs pages' heading and their own menu: links (not tabs), since each is a page with its own address.
 * Someone who may see only one of them (a plan manager sees only the statistics) gets no menu at all.
 */
export function JobsHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const links = JOBS_LINKS.filter((link) => hasPermission(me, link.permission));
  const active = current(pathname);
  return (
    <Stack gap={0}>
      <PageHeader title={title} actions={actions} />
      {links.length > 1 ? (
        <Group
          component="nav"
          aria-label={t('jobs.hub.navLabel')}
          gap={4}
          mt={-8}
          mb="md"
          wrap="wrap"
          data-testid="jobs-nav"
        >
          {links.map((link) => {
            const isActive = link === active;
            return (
              <Button
                key={link.key}
                component={Link}
                to={link.to}
                size="sm"
                variant={isActive ? 'light' : 'subtle'}
                aria-current={isActive ? 'page' : undefined}
                data-testid={`jobs-nav-${link.key}`}
              >
                {t(`jobs.hub.links.${link.key}`)}
              </Button>
            );
          })}
        </Group>
      ) : null}
    </Stack>
  );
}
