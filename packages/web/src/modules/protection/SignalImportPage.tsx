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
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemOf } from '../../platform/api';
import { PageHeader } from '../../platform/ui/PageHeader';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import {
  cancelSignalImport,
  commitSignalImport,
  MAX_SIGNAL_FILE_BYTES,
  protectionKeys,
  type SignalImportData,
  uploadSignalFile,
  useSignalImportProgress,
} from './api';
import { ExpectedColumns } from './SignalImportColumns';
import { SignalImportRows } from './SignalImportRows';

function Totals({ view }: { view: SignalImportData }) {
  const { t } = useTranslation();
  const figures = [
    ['total', view.total],
    ['valid', view.valid],
    ['invalid', view.total - view.valid],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 3 }} component="dl" m={0} data-testid="signal-import-totals">
      {figures.map(([key, value]) => (
        <Card key={key} withBorder padding="sm">
          <Text component="dt" size="sm">
            {t(`protection.imports.totals.${key}`)}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl" data-testid={`signal-import-total-${key}`}>
            {value}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/**
 * Importing a file of signals from another agency, like the cohort import: every row checked on the server
 * first, nothing recorded until the worker chooses, all rows or (confirmed explicitly) only the valid ones,
 * with progress while it runs.
 */
export default function SignalImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<SignalImportData | null>(null);
  const [skipConfirmed, setSkipConfirmed] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<SignalImportData | null>(null);

  const finish = (view: SignalImportData) => {
    setRunning(false);
    setResult(view);
    void queryClient.invalidateQueries({ queryKey: protectionKeys.all });
  };
  const upload = useMutation({ mutationFn: uploadSignalFile, onSuccess: setPreview });
  const commit = useMutation({
    mutationFn: ({ id, onlyValid }: { id: string; onlyValid: boolean }) => commitSignalImport(id, onlyValid),
    onMutate: () => setRunning(true),
    // The commit answers with the import's state: done, or (should it run on) still importing, which the
    // progress poll then follows to the end.
    onSuccess: (view) => {
      if (view.status === 'done' || view.status === 'cancelled') finish(view);
    },
    onError: () => setRunning(false),
  });
  const cancel = useMutation({ mutationFn: cancelSignalImport, onSuccess: () => startOver() });
  const progress = useSignalImportProgress(preview?.id ?? null, running);

  useEffect(() => {
    const view = progress.data;
    if (running && commit.isSuccess && view && (view.status === 'done' || view.status === 'cancelled'))
      finish(view);
  });

  function startOver() {
    setFile(null);
    setPreview(null);
    setSkipConfirmed(false);
    setRunning(false);
    setResult(null);
    upload.reset();
    commit.reset();
    cancel.reset();
  }

  const onPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setFileError(t('protection.imports.fileRequired'));
    if (!/\.(csv|xlsx)$/i.test(file.name)) return setFileError(t('protection.imports.fileType'));
    if (file.size > MAX_SIGNAL_FILE_BYTES) return setFileError(t('protection.imports.fileTooLarge'));
    setFileError(null);
    upload.mutate(file);
  };

  const invalid = preview ? preview.total - preview.valid : 0;
  const clean = preview !== null && invalid === 0;
  const imported = progress.data?.imported ?? 0;
  const progressTotal = progress.data?.valid ?? preview?.valid ?? 0;
  const percent = progressTotal > 0 ? Math.round((imported / progressTotal) * 100) : 0;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('protection.imports.title')}
        actions={
          <Button variant="default" component={Link} to="/protection">
            {t('protection.imports.back')}
          </Button>
        }
      />
      <Text>{t('protection.imports.intro')}</Text>

      {result ? (
        <Alert
          color="teal"
          title={
            result.status === 'cancelled'
              ? t('protection.imports.cancelledTitle')
              : t('protection.imports.doneTitle')
          }
          data-testid="signal-import-done"
        >
          <Stack gap="sm">
            <Text size="sm">
              {t('protection.imports.done', { imported: result.imported, duplicates: result.duplicates })}
            </Text>
            <Group>
              <Button component={Link} to="/protection">
                {t('protection.imports.toQueue')}
              </Button>
              <Button variant="default" onClick={startOver}>
                {t('protection.imports.another')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      {!preview ? (
        <>
          <ExpectedColumns />
          <form onSubmit={onPreview} noValidate aria-label={t('protection.imports.fileFormLabel')}>
            <Stack gap="sm" align="flex-start">
              <FileInput
                label={t('protection.imports.file')}
                description={t('protection.imports.fileHint')}
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
                data-testid="signal-import-file"
              />
              <Button type="submit" loading={upload.isPending} data-testid="signal-import-preview">
                {t('protection.imports.previewButton')}
              </Button>
            </Stack>
          </form>
          {upload.isError ? (
            <ProblemAlert problem={problemOf(upload.error, t('protection.imports.previewFailed'))} />
          ) : null}
        </>
      ) : null}

      {preview && !result ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="signal-import-preview-heading">
          <Stack gap="md">
            <Title order={2} size="h4" id="signal-import-preview-heading">
              {t('protection.imports.previewHeading', { file: file?.name ?? '' })}
            </Title>
            <Totals view={preview} />
            <SignalImportRows rows={preview.rows ?? []} />

            {running ? (
              <Stack gap={4} data-testid="signal-import-progress">
                <Text size="sm" id="signal-import-progress-label" role="status">
                  {t('protection.imports.progress', { imported, total: progressTotal })}
                </Text>
                {/* Mantine gives the progress bar role to the inner section: it takes aria-label, not labelledby. */}
                <Progress
                  value={percent}
                  aria-label={t('protection.imports.progress', { imported, total: progressTotal })}
                  animated
                />
              </Stack>
            ) : (
              <Stack gap="sm" align="flex-start">
                {clean ? (
                  <Text size="sm">{t('protection.imports.allClean', { count: preview.valid })}</Text>
                ) : preview.valid > 0 ? (
                  <Checkbox
                    label={t('protection.imports.confirmSkip', { skipped: invalid, count: preview.valid })}
                    checked={skipConfirmed}
                    onChange={(event) => setSkipConfirmed(event.currentTarget.checked)}
                    data-testid="signal-import-confirm-skip"
                  />
                ) : (
                  <Alert color="red" data-testid="signal-import-nothing-valid">
                    {t('protection.imports.nothingValid')}
                  </Alert>
                )}
                <Group>
                  {clean ? (
                    <Button
                      onClick={() => commit.mutate({ id: preview.id, onlyValid: false })}
                      data-testid="signal-import-commit-all"
                    >
                      {t('protection.imports.commitAll', { count: preview.valid })}
                    </Button>
                  ) : preview.valid > 0 ? (
                    <Button
                      disabled={!skipConfirmed}
                      onClick={() => commit.mutate({ id: preview.id, onlyValid: true })}
                      data-testid="signal-import-commit-valid"
                    >
                      {t('protection.imports.commitValid', { count: preview.valid })}
                    </Button>
                  ) : null}
                  <Button
                    variant="default"
                    loading={cancel.isPending}
                    onClick={() => cancel.mutate(preview.id)}
                    data-testid="signal-import-cancel"
                  >
                    {t('protection.imports.cancel')}
                  </Button>
                </Group>
              </Stack>
            )}
            {commit.isError ? (
              <ProblemAlert problem={problemOf(commit.error, t('protection.imports.commitFailed'))} />
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
