import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../platform/auth/session';
import { PageHeader } from '../../platform/ui/PageHeader';
import { AuditEntriesPanel } from './AuditEntriesPanel';
import { AuditReviewsPanel } from './AuditReviewsPanel';
import { ChainVerifyPanel } from './ChainVerifyPanel';

export default function AccessLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Tabs defaultValue="entries" keepMounted={false}>
        <Tabs.List aria-label={t('audit.tabs.label')} mb="md">
          <Tabs.Tab value="entries" data-testid="audit-tab-entries">
            {t('audit.tabs.entries')}
          </Tabs.Tab>
          <Tabs.Tab value="reviews" data-testid="audit-tab-reviews">
            {t('audit.tabs.reviews')}
          </Tabs.Tab>
          <Tabs.Tab value="verify" data-testid="audit-tab-verify">
            {t('audit.tabs.verify')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entries">
          <AuditEntriesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="reviews">
          <AuditReviewsPanel canReview={hasPermission(me, 'audit.review')} />
        </Tabs.Panel>
        <Tabs.Panel value="verify">
          <ChainVerifyPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
