import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../ui/PageLoader';
import { IdleWarning } from './IdleWarning';
import { LocaleSwitch } from './LocaleSwitch';
import { MainNav } from './MainNav';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink';
import { UserMenu } from './UserMenu';

const NAVBAR_ID = 'main-navigation';

/** The signed-in shell: header (name, language, user menu), the permission-built menu, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After client-side navigation, move focus to the new page so screen readers start reading there.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('a11y.toggleNavigation')}
                aria-expanded={navOpened}
                aria-controls={NAVBAR_ID}
              />
              <Anchor component={Link} to="/" underline="never" c="blue.9" fw={800} fz="xl">
                {t('app.name')}
              </Anchor>
              <Text size="sm" c="dimmed" visibleFrom="md">
                {t('app.description')}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LocaleSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar id={NAVBAR_ID} p="sm" aria-label={t('a11y.mainNavigation')}>
          <MainNav onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} className="app-main">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
      <IdleWarning />
    </>
  );
}
