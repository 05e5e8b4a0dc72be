import { SIGNAL_TYPE_TABLE } from '@ieum/domain';
import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The columns the server reads, by their Korean header (agencies' files are in Korean). */
const COLUMNS = [
  { header: '주민등록번호', key: 'rrn', need: 'oneOf' },
  { header: '대상자ID', key: 'personId', need: 'oneOf' },
  { header: '신호유형', key: 'type', need: 'required' },
  { header: '확인일', key: 'observedOn', need: 'required' },
  { header: '값', key: 'value', need: 'optional' },
  { header: '참조번호', key: 'reference', need: 'optional' },
] as const;

/** A header-only CSV, with the byte-order mark Excel needs to read Korean headers as UTF-8. */
export function signalTemplateCsv(): string {
  return `\uFEFF${COLUMNS.map((column) => column.header).join(',')}\r\n`;
}

function downloadTemplate(fileName: string) {
  const url = URL.createObjectURL(new Blob([signalTemplateCsv()], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** The columns of a signal file, a template to fill, and the signal names the server reads. */
export function ExpectedColumns() {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="signal-import-columns">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="signal-import-columns">
          {t('protection.imports.columnsHeading')}
        </Title>
        <Button
          variant="default"
          onClick={() => downloadTemplate(t('protection.imports.templateFileName'))}
          data-testid="signal-import-template"
        >
          {t('protection.imports.template')}
        </Button>
      </Group>
      <Text size="sm" mb="sm">
        {t('protection.imports.columnsIntro')}
      </Text>
      <Table withTableBorder aria-labelledby="signal-import-columns" data-testid="signal-import-columns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('protection.imports.header')}</Table.Th>
            <Table.Th scope="col">{t('protection.imports.meaning')}</Table.Th>
            <Table.Th scope="col">{t('protection.imports.requiredColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {COLUMNS.map((column) => (
            <Table.Tr key={column.key}>
              <Table.Td lang="ko">{column.header}</Table.Td>
              <Table.Td>{t(`protection.imports.columns.${column.key}`)}</Table.Td>
              <Table.Td>{t(`protection.imports.${column.need}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5" mt="md" mb={4} id="signal-import-types">
        {t('protection.imports.typesHeading')}
      </Title>
      <Text size="sm" lang="ko" data-testid="signal-import-type-names">
        {SIGNAL_TYPE_TABLE.map((definition) => definition.ko).join(' · ')}
      </Text>
    </Card>
  );
}
