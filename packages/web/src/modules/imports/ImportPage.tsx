import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { PageHeader } from '../../platform/ui/PageHeader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import {
  cancelImport,
  commitImport,
  type ImportMode,
  type ImportPreviewData,
  MAX_FILE_BYTES,
  previewImport,
  useImportProgress,
} from './api';
import { COHORT_COLUMNS, cohortTemplateCsv } from './cohort-columns';
import { ImportedPersons, ImportRowsTable } from './ImportRowsTable';

function downloadTemplate(fileName: string) {
  const url = URL.createObjectURL(new Blob([cohortTemplateCsv()], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

function ExpectedColumns() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="import-columns">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="import-columns">
          {t('imports.columnsHeading')}
        </Title>
        <Button
          variant="default"
          onClick={() => downloadTemplate(t('imports.templateFileName'))}
          data-testid="import-template"
        >
          {t('imports.template')}
        </Button>
      </Group>
      <Text size="sm" mb="sm">
        {t('imports.columnsIntro')}
      </Text>
      <Table withTableBorder aria-labelledby="import-columns" data-testid="import-columns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('imports.header')}</Table.Th>
            <Table.Th scope="col">{t('imports.meaning')}</Table.Th>
            <Table.Th scope="col">{t('imports.requiredColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {COHORT_COLUMNS.map((column) => (
            <Table.Tr key={column.field}>
              <Table.Td lang="ko">{column.header}</Table.Td>
              <Table.Td>
                {t(`persons.${column.field}`)}
                <Text span size="xs" c="dimmed">
                  {' '}
                  {t(`imports.columnHints.${column.field}`)}
                </Text>
              </Table.Td>
              <Table.Td>{column.required ? t('imports.required') : t('imports.optional')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function Totals({ preview }: { preview: ImportPreviewData }) {
  const { t } = useTranslation();
  const figures = [
    ['total', preview.total],
    ['valid', preview.valid],
    ['invalid', preview.invalid],
    ['duplicates', preview.duplicates],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" data-testid="import-totals">
      {figures.map(([key, value]) => (
        <Card key={key} withBorder padding="sm">
          <Text component="dt" size="sm">
            {t(`imports.totals.${key}`)}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl" data-testid={`import-total-${key}`}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/**
 * Importing a Hanawon cohort: the file is checked row by row on the server first, nothing is registered until
 * the worker chooses to, and either every row goes in or (chosen explicitly) only the clean rows.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreviewData | null>(null);
  const [skipConfirmed, setSkipConfirmed] = useState(false);

  const upload = useMutation({ mutationFn: previewImport, onSuccess: setPreview });
  const commit = useMutation({
    mutationFn: ({ batchId, mode }: { batchId: string; mode: ImportMode }) => commitImport(batchId, mode),
  });
  const cancel = useMutation({ mutationFn: cancelImport, onSuccess: () => startOver() });
  const progress = useImportProgress(preview?.id ?? null, commit.isPending);

  function startOver() {
    setFile(null);
    setPreview(null);
    setSkipConfirmed(false);
    upload.reset();
    commit.reset();
    cancel.reset();
  }

  const onPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setFileError(t('imports.fileRequired'));
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setFileError(t('imports.fileType'));
    if (file.size > MAX_FILE_BYTES) return setFileError(t('imports.fileTooLarge'));
    setFileError(null);
    upload.mutate(file);
  };

  const clean = preview !== null && preview.invalid === 0 && preview.duplicates === 0;
  const skipped = preview ? preview.total - preview.valid : 0;
  const processed = progress.data?.processed ?? 0;
  const progressTotal = progress.data?.total ?? preview?.valid ?? 0;
  const percent = progressTotal > 0 ? Math.round((processed / progressTotal) * 100) : 0;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('imports.title')}
        actions={
          <Button variant="default" component={Link} to="/persons">
            {t('persons.backToList')}
          </Button>
        }
      />
      <Text>{t('imports.intro')}</Text>

      {commit.data ? (
        <Alert color="teal" title={t('imports.doneTitle')} data-testid="import-done">
          <Stack gap="sm">
            <Text size="sm">{t('imports.done', { count: commit.data.imported })}</Text>
            <ImportedPersons persons={commit.data.persons} />
            <Group>
              <Button component={Link} to="/persons">
                {t('imports.toList')}
              </Button>
              <Button variant="default" onClick={startOver}>
                {t('imports.another')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      {!preview ? (
        <>
          <ExpectedColumns />
          <form onSubmit={onPreview} noValidate aria-label={t('imports.fileFormLabel')}>
            <Stack gap="sm" align="flex-start">
              <FileInput
                label={t('imports.file')}
                description={t('imports.fileHint')}
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={(chosen) => {
                  setFile(chosen);
                  setFileError(null);
                  upload.reset();
                }}
                error={fileError}
                clearable
                w={{ base: '100%', sm: 480 }}
                data-testid="import-file"
              />
              <Button type="submit" loading={upload.isPending} data-testid="import-preview">
                {t('imports.previewButton')}
              </Button>
            </Stack>
          </form>
          {upload.isError ? (
            <ProblemAlert problem={problemOf(upload.error, t('imports.previewFailed'))} />
          ) : null}
        </>
      ) : null}

      {preview && !commit.data ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="import-preview-heading">
          <Stack gap="md">
            <Title order={2} size="h4" id="import-preview-heading">
              {t('imports.previewHeading', { file: file?.name ?? '' })}
            </Title>
            <Totals preview={preview} />
            {preview.ignoredColumns.length > 0 ? (
              <Alert color="yellow" data-testid="import-ignored">
                {t('imports.ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}
              </Alert>
            ) : null}
            <ImportRowsTable rows={preview.rows} />

            {commit.isPending ? (
              <Stack gap={4} data-testid="import-progress">
                <Text size="sm" id="import-progress-label">
                  {t('imports.progress', { processed, total: progressTotal })}
                </Text>
                <Progress value={percent} aria-labelledby="import-progress-label" animated />
              </Stack>
            ) : (
              <Stack gap="sm" align="flex-start">
                {clean ? (
                  <Text size="sm">{t('imports.allClean', { count: preview.valid })}</Text>
                ) : preview.valid > 0 ? (
                  <Checkbox
                    label={t('imports.confirmSkip', { skipped, count: preview.valid })}
                    checked={skipConfirmed}
                    onChange={(event) => setSkipConfirmed(event.currentTarget.checked)}
                    data-testid="import-confirm-skip"
                  />
                ) : (
                  <Alert color="red" data-testid="import-nothing-valid">
                    {t('imports.nothingValid')}
                  </Alert>
                )}
                <Group>
                  {clean ? (
                    <Button
                      onClick={() => commit.mutate({ batchId: preview.id, mode: 'all' })}
                      data-testid="import-commit-all"
                    >
                      {t('imports.commitAll', { count: preview.valid })}
                    </Button>
                  ) : preview.valid > 0 ? (
                    <Button
                      disabled={!skipConfirmed}
                      onClick={() => commit.mutate({ batchId: preview.id, mode: 'valid' })}
                      data-testid="import-commit-valid"
                    >
                      {t('imports.commitValid', { count: preview.valid })}
                    </Button>
                  ) : null}
                  <Button
                    variant="default"
                    loading={cancel.isPending}
                    onClick={() => cancel.mutate(preview.id)}
                    data-testid="import-cancel"
                  >
                    {t('imports.cancel')}
                  </Button>
                </Group>
              </Stack>
            )}
            {commit.isError ? (
              <ProblemAlert problem={problemOf(commit.error, t('imports.commitFailed'))} />
            ) : null}
            {cancel.isError ? (
              <ProblemAlert problem={problemOf(cancel.error, t('errors.unexpected'))} />
            ) : null}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
