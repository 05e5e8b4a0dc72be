import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe, useSession } from '../auth/session';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          data-testid="user-menu"
          aria-label={t('userMenu.label', { name: me.displayName })}
          rightSection={<span aria-hidden="true">▾</span>}
        >
          <Text span size="sm" fw={600}>
            {me.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.username}</Menu.Label>
        <Menu.Item component={Link} to="/account" data-testid="user-menu-account">
          {t('userMenu.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item data-testid="logout" onClick={() => void logout()}>
          {t('userMenu.logout')}
        </Menu.Item>
        <Menu.Item color="red" data-testid="logout-all" onClick={() => void logout({ everywhere: true })}>
          {t('userMenu.logoutAll')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
