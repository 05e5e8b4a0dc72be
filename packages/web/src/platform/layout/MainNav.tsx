import type { Permission } from '@ieum/domain';
import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasPermission, useMe } from '../auth/session';

interface NavItem {
  readonly to: string;
  readonly key:
    | 'home'
    | 'persons'
    | 'tasks'
    | 'cases'
    | 'transfers'
    | 'referrals'
    | 'protection'
    | 'surveys'
    | 'protectionReports'
    | 'jobs'
    | 'jobsReports'
    | 'plans'
    | 'users'
    | 'organizations'
    | 'audit'
    | 'account';
  readonly permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', key: 'home' },
  { to: '/persons', key: 'persons', permission: 'persons.read' },
  { to: '/tasks', key: 'tasks', permission: 'tasks.read' },
  { to: '/cases', key: 'cases', permission: 'cases.read' },
  { to: '/transfers', key: 'transfers', permission: 'cases.read' },
  { to: '/referrals', key: 'referrals', permission: 'referrals.read' },
  { to: '/protection', key: 'protection', permission: 'protection.read' },
  { to: '/protection/surveys', key: 'surveys', permission: 'surveys.read' },
  { to: '/protection/reports', key: 'protectionReports', permission: 'protection.reports' },
  { to: '/jobs', key: 'jobs', permission: 'jobs.read' },
  // Plan managers and the foundation hold only jobs.reports: they get the statistics page, not the hub.
  { to: '/jobs/reports', key: 'jobsReports', permission: 'jobs.reports' },
  { to: '/plans', key: 'plans', permission: 'plans.read' },
  { to: '/admin/users', key: 'users', permission: 'users.read' },
  { to: '/admin/organizations', key: 'organizations', permission: 'organizations.read' },
  { to: '/audit', key: 'audit', permission: 'audit.read' },
  { to: '/account', key: 'account' },
];

function matches(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The item for the page: the longest match, so /protection/surveys is "surveys", not also "protection". */
function activeItem(pathname: string, items: readonly NavItem[]): NavItem | undefined {
  return items.filter((item) => matches(pathname, item.to)).sort((a, b) => b.to.length - a.to.length)[0];
}

/** The main menu, built from the user's permissions. Until TOTP is enrolled only the account page is offered. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((item) =>
    me.totpEnrollmentRequired
      ? item.key === 'account'
      : item.permission === undefined || hasPermission(me, item.permission),
  );

  const current = activeItem(pathname, items);

  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => {
        const active = item === current;
        return (
          <li key={item.key}>
            <NavLink
              component={Link}
              to={item.to}
              label={t(`nav.${item.key}`)}
              active={active}
              aria-current={active ? 'page' : undefined}
              data-testid={`nav-${item.key}`}
              onClick={onNavigate}
            />
          </li>
        );
      })}
    </Stack>
  );
}
