import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../platform/api';
import { ProblemAlert } from '../../platform/ui/ProblemAlert';
import type { PersonDetailData } from '../registry/api';
import { pointsText, reasonText } from '../registry/duplicate-reasons';
import { type MergeCandidateData, useMergeCandidates } from './api';
import { MergeCompare } from './MergeCompare';
import { MergeHistory } from './MergeHistory';

const LEVEL_COLOR: Record<MergeCandidateData['level'], string> = {
  certain: 'red',
  likely: 'orange',
  possible: 'yellow',
  unlikely: 'gray',
};

function Candidate({ candidate, onCompare }: { candidate: MergeCandidateData; onCompare: () => void }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder padding="sm" data-testid={`merge-candidate-${candidate.code}`}>
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Text span className="mono" fw={700}>
            {candidate.code}
          </Text>
          <Text span fw={600}>
            {candidate.inScope && candidate.maskedName
              ? candidate.maskedName
              : t('persons.duplicates.otherOffice')}
          </Text>
          <Text span size="sm">
            {candidate.hanaCenterName}
          </Text>
          <Badge variant="light" color={LEVEL_COLOR[candidate.level]} tt="none">
            {t(`persons.duplicates.levels.${candidate.level}`)}
          </Badge>
          <Text span size="sm">
            {t('persons.duplicates.score', { score: candidate.score })}
          </Text>
        </Group>
        <List size="sm" spacing={2}>
          {candidate.reasons.map((reason) => (
            <List.Item key={reason.code}>
              {reasonText(t, reason)} ({pointsText(t, reason.points)})
            </List.Item>
          ))}
        </List>
        {candidate.personId ? (
          <Group>
            <Button
              size="xs"
              variant="default"
              onClick={onCompare}
              data-testid={`merge-compare-${candidate.code}`}
            >
              {t('merge.compare')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('merge.otherOffice', { center: candidate.hanaCenterName })}</Text>
        )}
      </Stack>
    </Card>
  );
}

/** The person's "merge duplicates" tab: candidates with their explained scores, a comparison, the history. */
export default function MergePanel({ person }: { person: PersonDetailData }) {
  const { t } = useTranslation();
  const candidates = useMergeCandidates(person.id);
  const [comparing, setComparing] = useState<string | null>(null);
  const items = candidates.data?.candidates ?? [];
  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="merge-candidates-heading">
        <Title order={2} size="h4" id="merge-candidates-heading">
          {t('merge.candidatesHeading')}
        </Title>
        <Text size="sm">{t('merge.intro')}</Text>
        {candidates.isError ? (
          <ProblemAlert problem={problemOf(candidates.error, t('errors.loadFailed'))} />
        ) : null}
        {candidates.isSuccess && items.length === 0 ? (
          <Text size="sm" data-testid="merge-no-candidates">
            {t('merge.noCandidates')}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <List listStyleType="none" spacing="sm" data-testid="merge-candidates">
            {items.map((candidate) => (
              <Candidate
                key={candidate.code}
                candidate={candidate}
                onCompare={() => setComparing(candidate.personId)}
              />
            ))}
          </List>
        ) : null}
      </Stack>
      {comparing ? (
        <MergeCompare
          key={comparing}
          person={person}
          otherId={comparing}
          onClose={() => setComparing(null)}
        />
      ) : null}
      <MergeHistory personId={person.id} />
    </Stack>
  );
}
