import { Badge, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidateData } from './api';
import { pointsText, reasonText } from './duplicate-reasons';

const LEVEL_COLOR: Record<DuplicateCandidateData['level'], string> = {
  certain: 'red',
  likely: 'orange',
  possible: 'yellow',
  unlikely: 'gray',
};

/** Whether the worker may go ahead despite this candidate: never when the registration number is the same. */
export function canAcknowledge(candidate: DuplicateCandidateData): boolean {
  return candidate.level !== 'certain';
}

function Candidate({
  candidate,
  acknowledged,
  onAcknowledge,
}: {
  candidate: DuplicateCandidateData;
  acknowledged: boolean;
  onAcknowledge: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const titleId = `duplicate-${candidate.code}-title`;
  return (
    <Paper component="li" withBorder p="sm" data-testid="duplicate-candidate" data-code={candidate.code}>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" id={titleId}>
          <Text span className="mono" fw={700}>
            {candidate.code}
          </Text>
          {candidate.inScope && candidate.maskedName !== null ? (
            <Text span fw={600}>
              {candidate.maskedName}
            </Text>
          ) : (
            <Text span fw={600}>
              {t('persons.duplicates.otherOffice')}
            </Text>
          )}
          <Text span size="sm">
            {candidate.hanaCenterName}
          </Text>
          <Badge color={LEVEL_COLOR[candidate.level]} tt="none">
            {t(`persons.duplicates.levels.${candidate.level}`)}
          </Badge>
          <Text span size="sm">
            {t('persons.duplicates.score', { score: candidate.score })}
          </Text>
        </Group>
        {candidate.inScope ? null : (
          <Text size="sm">
            {t('persons.duplicates.otherOfficeHint', { center: candidate.hanaCenterName })}
          </Text>
        )}
        <Text size="sm" fw={600}>
          {t('persons.duplicates.reasonsHeading')}
        </Text>
        <List size="sm" spacing={2}>
          {candidate.reasons.map((reason) => (
            <List.Item key={reason.code}>
              {reasonText(t, reason)}{' '}
              <Text span size="sm" c={reason.points < 0 ? 'red.9' : undefined}>
                ({pointsText(t, reason.points)})
              </Text>
            </List.Item>
          ))}
        </List>
        {canAcknowledge(candidate) ? (
          <Checkbox
            label={t('persons.duplicates.acknowledge')}
            checked={acknowledged}
            onChange={(event) => onAcknowledge(event.currentTarget.checked)}
            aria-describedby={titleId}
            data-testid={`duplicate-ack-${candidate.code}`}
          />
        ) : (
          <Text size="sm" c="red.9" fw={600}>
            {t('persons.duplicates.certainHint')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export interface DuplicatePanelProps {
  candidates: readonly DuplicateCandidateData[];
  acknowledged: ReadonlySet<string>;
  onAcknowledge: (code: string, checked: boolean) => void;
  /** True when the intake was refused because of these candidates (rather than found while typing). */
  refused: boolean;
  /** The panel takes focus when an intake is refused, so the reason is what is read next. */
  ref?: Ref<HTMLElement>;
}

/**
 * Records that may be the person being registered, each with its score explained reason by reason. The
 * worker confirms per candidate that it is someone else; a same-registration-number record cannot be waived.
 */
export function DuplicatePanel({
  candidates,
  acknowledged,
  onAcknowledge,
  refused,
  ref,
}: DuplicatePanelProps) {
  const { t } = useTranslation();
  return (
    <Paper
      ref={ref}
      component="section"
      withBorder
      p="md"
      bg="yellow.0"
      tabIndex={-1}
      aria-labelledby="duplicate-panel-title"
      data-testid="duplicate-panel"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="duplicate-panel-title">
          {refused ? t('persons.duplicates.refusedTitle') : t('persons.duplicates.title')}
        </Title>
        <Text size="sm">
          {refused ? t('persons.duplicates.refusedIntro') : t('persons.duplicates.intro')}
        </Text>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {candidates.map((candidate) => (
            <Candidate
              key={candidate.code}
              candidate={candidate}
              acknowledged={acknowledged.has(candidate.code)}
              onAcknowledge={(checked) => onAcknowledge(candidate.code, checked)}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
