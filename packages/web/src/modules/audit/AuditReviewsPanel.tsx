import { AuditReviewInput } from '@ieum/domain';
import { Badge, Button, Card, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { formatDateTime, formatMonth, previousMonthInSeoul } from '../../platform/format';
import { messageText, useForm } from '../../platform/forms';
import { useLocale } from '../../platform/i18n';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import { TableFrame } from '../../platform/ui/TableFrame';
import { auditKeys, signAuditReview, useAuditReviews } from './api';

function ReviewForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const form = useForm({ month: previousMonthInSeoul(), findings: '' });
  const [saving, setSaving] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = form.validate(AuditReviewInput, form.values, { messages: { month: 'validation.month' } });
    if (!input) return;
    form.setProblem(null);
    setSaving(true);
    signAuditReview(input)
      .then((review) => {
        notifications.show({
          color: 'teal',
          message: t('audit.signed', { month: formatMonth(review.month, locale) }),
        });
        form.reset({ month: previousMonthInSeoul(), findings: '' });
        return queryClient.invalidateQueries({ queryKey: auditKeys.reviews });
      }, form.fail)
      .finally(() => setSaving(false));
  };

  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb={4} id="audit-review-form">
        {t('audit.reviewFormHeading')}
      </Title>
      <Text size="sm" mb="md">
        {t('audit.reviewFormIntro')}
      </Text>
      <form onSubmit={onSubmit} noValidate aria-labelledby="audit-review-form">
        <Stack gap="md">
          <ProblemAlert problem={form.problem} />
          <TextInput
            type="month"
            label={t('audit.month')}
            required
            w={220}
            error={messageText(t, form.errors.month)}
            data-testid="audit-review-month"
            {...form.text('month')}
          />
          <Textarea
            label={t('audit.findings')}
            placeholder={t('audit.findingsPlaceholder')}
            required
            autosize
            minRows={4}
            maxRows={12}
            error={messageText(t, form.errors.findings)}
            data-testid="audit-review-findings"
            {...form.text('findings')}
          />
          <div>
            <Button type="submit" loading={saving} data-testid="audit-review-submit">
              {t('audit.sign')}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}

/** Monthly review sign-off: the months already signed, and (for reviewers) the form to sign one. */
export function AuditReviewsPanel({ canReview }: { canReview: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reviews = useAuditReviews();
  const items = reviews.data?.items ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h4" mb="sm" id="audit-reviews-heading">
          {t('audit.reviewsHeading')}
        </Title>
        {reviews.isError ? <ProblemAlert problem={problemOf(reviews.error, t('errors.loadFailed'))} /> : null}
        <TableFrame label={t('audit.reviewsTableLabel')}>
          <Table
            striped
            miw={820}
            aria-label={t('audit.reviewsTableLabel')}
            data-testid="audit-review-table"
            fz="sm"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.month')}</Table.Th>
                <Table.Th scope="col">{t('audit.reviewer')}</Table.Th>
                <Table.Th scope="col">{t('audit.entriesReviewed')}</Table.Th>
                <Table.Th scope="col">{t('audit.chainVerified')}</Table.Th>
                <Table.Th scope="col">{t('audit.signedAt')}</Table.Th>
                <Table.Th scope="col">{t('audit.findings')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((review) => (
                <Table.Tr key={review.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMonth(review.month, locale)}</Table.Td>
                  <Table.Td className="mono">{review.reviewerUsername}</Table.Td>
                  <Table.Td>{review.entriesReviewed.toLocaleString(locale)}</Table.Td>
                  <Table.Td>
                    <Badge color={review.chainVerified ? 'teal' : 'red'} tt="none">
                      {review.chainVerified ? t('audit.chainOk') : t('audit.chainNotOk')}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(review.signedAt, locale)}
                  </Table.Td>
                  <Table.Td className="pre-wrap">{review.findings}</Table.Td>
                </Table.Tr>
              ))}
              {reviews.isSuccess && items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>{t('audit.noReviews')}</Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </TableFrame>
      </div>
      {canReview ? <ReviewForm /> : null}
    </Stack>
  );
}
