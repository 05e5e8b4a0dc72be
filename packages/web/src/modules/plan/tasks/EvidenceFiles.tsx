import {
  EVIDENCE_MAX_BYTES,
  EVIDENCE_TYPES,
  type EvidenceFileRef,
  evidenceContentType,
  type Locale,
} from '@ieum/domain';
import { Anchor, Button, Group, Input, List, Stack, Text } from '@mantine/core';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../../platform/api';
import { useLocale } from '../../../platform/i18n';
import { evidenceUrl, uploadEvidence } from '../api';

/** The most files one report may cite (domain ProgressReportInput). */
const MAX_FILES = 20;
const ACCEPT = Object.keys(EVIDENCE_TYPES)
  .map((extension) => `.${extension}`)
  .join(',');
const MAX_MIB = EVIDENCE_MAX_BYTES / (1024 * 1024);

/** A file's size as people read it: bytes, KB or MB, in the user's number format. */
export function fileSize(bytes: number, locale: Locale): string {
  const number = (value: number) =>
    new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}

/** A report's evidence as download links (the history table). */
export function EvidenceLinks({ files }: { files: readonly EvidenceFileRef[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (files.length === 0) return <Text size="sm">{t('plan.tasks.history.noEvidence')}</Text>;
  return (
    <List size="sm" spacing={2} data-testid="plan-report-evidence">
      {files.map((file) => (
        <List.Item key={file.fileId}>
          <Anchor href={evidenceUrl(file.fileId)} download={file.name} size="sm">
            {file.name}
          </Anchor>{' '}
          <Text span size="xs" c="dimmed">
            ({fileSize(file.sizeBytes, locale)})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/**
 * The report's evidence files: each chosen file is checked here (type, size) and uploaded at once; the
 * report then cites the stored files. Removing a file takes it off this report only.
 */
export function EvidenceField({
  planId,
  taskKey,
  files,
  onChange,
  error,
}: {
  planId: string;
  taskKey: string;
  files: readonly EvidenceFileRef[];
  onChange: (files: EvidenceFileRef[]) => void;
  /** The server's refusal of the report's evidence, already in the user's language. */
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inputId = useId();
  const [uploading, setUploading] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    // Cleared, so the same file can be chosen again after a refusal.
    input.value = '';
    if (chosen.length === 0) return;
    setUploading(true);
    const added: EvidenceFileRef[] = [];
    const refused: string[] = [];
    for (const file of chosen) {
      if (files.length + added.length >= MAX_FILES) {
        refused.push(t('plan.tasks.evidence.tooMany', { count: MAX_FILES }));
        break;
      }
      if (!evidenceContentType(file.name, file.type || '')) {
        refused.push(t('plan.tasks.evidence.typeRefused', { name: file.name }));
        continue;
      }
      if (file.size > EVIDENCE_MAX_BYTES) {
        refused.push(t('plan.tasks.evidence.tooLarge', { name: file.name, max: MAX_MIB }));
        continue;
      }
      try {
        added.push(await uploadEvidence(planId, taskKey, file));
      } catch (caught) {
        const problem = problemOf(caught, t('errors.unexpected'));
        const reason = problem.errors?.[0]?.message ?? problem.detail ?? problem.title;
        refused.push(t('plan.tasks.evidence.uploadFailed', { name: file.name, reason }));
      }
    }
    setUploading(false);
    setProblems(refused);
    if (added.length > 0) onChange([...files, ...added]);
  };

  const errors = [...problems, ...(error ? [error] : [])];
  return (
    <Stack gap="xs">
      <Input.Wrapper
        label={t('plan.tasks.evidence.label')}
        description={t('plan.tasks.evidence.hint', { max: MAX_MIB, count: MAX_FILES })}
        id={inputId}
        error={
          errors.length > 0 ? (
            <span data-testid="plan-report-evidence-error">{errors.join(' ')}</span>
          ) : undefined
        }
      >
        <input
          id={inputId}
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(event) => void onFiles(event)}
          disabled={uploading}
          aria-invalid={errors.length > 0}
          data-testid="plan-report-evidence-input"
          style={{ display: 'block', marginTop: 4 }}
        />
      </Input.Wrapper>
      {uploading ? (
        <Text size="sm" role="status">
          {t('plan.tasks.evidence.uploading')}
        </Text>
      ) : null}
      {files.length > 0 ? (
        <List size="sm" spacing={4} data-testid="plan-report-evidence-files">
          {files.map((file) => (
            <List.Item key={file.fileId}>
              <Group gap="xs" wrap="nowrap">
                <Anchor href={evidenceUrl(file.fileId)} download={file.name} size="sm">
                  {file.name}
                </Anchor>
                <Text span size="xs" c="dimmed">
                  {fileSize(file.sizeBytes, locale)}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  disabled={uploading}
                  onClick={() => onChange(files.filter((other) => other.fileId !== file.fileId))}
                  aria-label={t('plan.tasks.evidence.removeNamed', { name: file.name })}
                >
                  {t('plan.tasks.evidence.remove')}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Stack>
  );
}
