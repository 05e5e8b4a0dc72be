import { Button, List, Table } from '@mantine/core';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../platform/i18n';
import type { MatchFactorData } from './api';
import { matchSentences } from './text';

/** A score's reasons as the domain's sentences, one per factor, in the order the score lists them. */
export function MatchReasons({ factors, label }: { factors: readonly MatchFactorData[]; label: string }) {
  const locale = useLocale();
  return (
    <List size="sm" spacing={4} aria-label={label} data-testid="match-reasons">
      {matchSentences(factors, locale).map((sentence, index) => (
        // Factors carry no id; the score fixes their order.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <List.Item key={index} data-testid="match-reason">
          {sentence}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * A table row with a button that opens the score's reasons in a full-width row below it. The button says
 * whether the reasons are open (aria-expanded) and which row it controls.
 */
export function ExpandableMatchRow({
  id,
  cells,
  after,
  factors,
  columns,
  subject,
  testId,
}: {
  id: string;
  /** The row's cells before the button's. */
  cells: ReactNode;
  /** Cells after the button's (the row's actions). */
  after?: ReactNode;
  factors: readonly MatchFactorData[];
  columns: number;
  /** What the reasons are about, for the button's and the list's names. */
  subject: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reasonsId = `match-reasons-${id}`;
  return (
    <Fragment>
      <Table.Tr data-testid={testId}>
        {cells}
        <Table.Td>
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={open}
            aria-controls={reasonsId}
            aria-label={t(open ? 'jobs.match.hideLabel' : 'jobs.match.showLabel', { subject })}
            onClick={() => setOpen(!open)}
            data-testid="match-toggle"
          >
            {t(open ? 'jobs.match.hide' : 'jobs.match.show')}
          </Button>
        </Table.Td>
        {after}
      </Table.Tr>
      <Table.Tr id={reasonsId} hidden={!open}>
        <Table.Td colSpan={columns}>
          {open ? <MatchReasons factors={factors} label={t('jobs.match.reasonsLabel', { subject })} /> : null}
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
}

/** The row a match table shows in place of matches when there are none. */
export function NoMatchesRow({
  columns,
  testId,
  children,
}: {
  columns: number;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Table.Tr>
      <Table.Td colSpan={columns} data-testid={testId}>
        {children}
      </Table.Td>
    </Table.Tr>
  );
}
