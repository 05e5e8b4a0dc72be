import { Alert, Anchor, Badge, Button, Group, Input, Stack, Table, Text } from '@mantine/core';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../../platform/api';
import { useLocale } from '../../../platform/i18n';
import { UNCLIPPED } from '../../../platform/ui/badges';
import { Section } from '../../../platform/ui/Section';
import { TableFrame } from '../../../platform/ui/TableFrame';
import {
  commitImport,
  IMPORT_TEMPLATE_URL,
  type ImportPreviewData,
  type ImportResultData,
  type PlanDetailData,
  previewImport,
} from '../api';
import { PlanStale, useRefreshPlans } from './form-parts';

const ACTION_COLORS = { create: 'teal', replace: 'blue', invalid: 'red' } as const;

/** A file's bytes as base64, in slices so a large sheet does not overflow the call stack. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Upload {
  fileName: string;
  contentBase64: string;
}

/**
 * Tasks from an XLSX sheet into the draft: the template to fill in, the file checked row by row (what would be
 * created, replaced, or is invalid and why), then imported — all rows, or only the valid ones — at the version
 * the preview was made at. The file is sent again on import, not kept on the server.
 */
export function ImportPanel({ plan }: { plan: PlanDetailData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refresh = useRefreshPlans();
  const inputId = useId();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<ImportPreviewData | null>(null);
  const [result, setResult] = useState<ImportResultData | null>(null);
  const [problem, setProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);

  const check = async (next: Upload) => {
    setBusy('preview');
    setProblem(null);
    setResult(null);
    setPreview(null);
    try {
      setPreview(await previewImport(plan.id, next));
    } catch (error) {
      setProblem(problemOf(error, t('errors.unexpected')));
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const next = { fileName: file.name, contentBase64: await base64Of(file) };
    // Cleared, so choosing the same file again after correcting it checks it again.
    input.value = '';
    setUpload(next);
    await check(next);
  };

  const commit = async (onlyValid: boolean) => {
    if (!upload || !preview) return;
    setBusy('commit');
    setProblem(null);
    try {
      setResult(await commitImport(plan.id, { ...upload, version: preview.version, onlyValid }));
      setPreview(null);
      setUpload(null);
      await refresh();
    } catch (error) {
      setProblem(problemOf(error, t('errors.unexpected')));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section id="plan-import-heading" heading={t('plan.tasks.import.heading')}>
      <Stack gap="sm" data-testid="plan-import">
        <Text size="sm">{t('plan.tasks.import.help')}</Text>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Anchor href={IMPORT_TEMPLATE_URL} download data-testid="plan-import-template">
            {t('plan.tasks.import.template')}
          </Anchor>
          <Input.Wrapper label={t('plan.tasks.import.file')} id={inputId}>
            <input
              id={inputId}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => void onFile(event)}
              disabled={busy !== null}
              data-testid="plan-import-file"
              style={{ display: 'block' }}
            />
          </Input.Wrapper>
        </Group>
        {busy === 'preview' ? <Text size="sm">{t('plan.tasks.import.checking')}</Text> : null}
        <PlanStale
          problem={problem}
          onReload={() => {
            setProblem(null);
            void refresh().then(() => (upload ? check(upload) : undefined));
          }}
          testIdPrefix="plan-import"
        />
        {result ? (
          <Alert color="teal" data-testid="plan-import-result">
            {t('plan.tasks.import.done', {
              created: result.created,
              replaced: result.replaced,
              skipped: result.skipped,
            })}
          </Alert>
        ) : null}
        {preview ? (
          <Stack gap="sm" data-testid="plan-import-preview">
            <Text size="sm" fw={500} data-testid="plan-import-totals">
              {t('plan.tasks.import.totals', {
                total: preview.total,
                creates: preview.creates,
                replaces: preview.replaces,
                invalid: preview.invalid,
              })}
            </Text>
            <TableFrame label={t('plan.tasks.import.tableLabel')}>
              <Table striped aria-label={t('plan.tasks.import.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plan.tasks.import.columns.row')}</Table.Th>
                    <Table.Th>{t('plan.tasks.fields.code')}</Table.Th>
                    <Table.Th>{t('plan.tasks.fields.title')}</Table.Th>
                    <Table.Th>{t('plan.tasks.import.columns.action')}</Table.Th>
                    <Table.Th>{t('plan.tasks.import.columns.errors')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.row} data-testid={`plan-import-row-${row.row}`}>
                      <Table.Td>{row.row}</Table.Td>
                      <Table.Td>{row.code}</Table.Td>
                      <Table.Td>{row.title}</Table.Td>
                      <Table.Td>
                        <Badge color={ACTION_COLORS[row.action]} variant="light" styles={UNCLIPPED}>
                          {t(`plan.tasks.import.actions.${row.action}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {row.errors.map((error) => (
                          <Text size="sm" key={`${error.column}:${error.message.ko}`}>
                            {t('plan.tasks.import.error', {
                              column: error.column,
                              message: error.message[locale],
                            })}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableFrame>
            {preview.invalid > 0 ? <Text size="sm">{t('plan.tasks.import.invalidHelp')}</Text> : null}
            <Group justify="flex-end">
              {preview.invalid > 0 ? (
                <Button
                  onClick={() => void commit(true)}
                  loading={busy === 'commit'}
                  disabled={preview.creates + preview.replaces === 0}
                  data-testid="plan-import-commit-valid"
                >
                  {t('plan.tasks.import.commitValid')}
                </Button>
              ) : (
                <Button
                  onClick={() => void commit(false)}
                  loading={busy === 'commit'}
                  data-testid="plan-import-commit"
                >
                  {t('plan.tasks.import.commit')}
                </Button>
              )}
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Section>
  );
}
