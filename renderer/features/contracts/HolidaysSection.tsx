import { ActionIcon, Alert, Button, Group, NumberInput, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCalendarPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { mergeHolidays, turkishPublicHolidays } from '../../../common/contracts/turkish-holidays.js';
import { useLanguage, useT } from '../../i18n/index.js';
import type { SectionProps } from './section-props.js';

/** Holidays with date and name; a year of Turkish public holidays can be added in one go. */
export function HolidaysSection({ form, update, problem, readOnly }: SectionProps) {
  const t = useT();
  const language = useLanguage((state) => state.language);
  const [year, setYear] = useState<number | string>(() => new Date().getFullYear());
  const [note, setNote] = useState<string | null>(null);
  const setHoliday = (index: number, patch: { date?: string; name?: string }) => update({ holidays: form.holidays.map((holiday, i) => (i === index ? { ...holiday, ...patch } : holiday)) });

  const importYear = () => {
    const chosen = Number(year);
    if (!Number.isInteger(chosen) || chosen < 2000 || chosen > 2100) return;
    const { holidays, includesReligious } = turkishPublicHolidays(chosen, language === 'tr' ? 'tr' : 'en');
    const merged = mergeHolidays(form.holidays, holidays);
    update({ holidays: merged.holidays });
    const added = merged.added > 0 ? t('contracts.holidays.imported', { count: merged.added, year: chosen }) : t('contracts.holidays.importedNone', { year: chosen });
    setNote(includesReligious ? added : `${added} ${t('contracts.holidays.noReligious')}`);
  };

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('contracts.holidays.hint')}
      </Text>
      {!readOnly && (
        <Group align="flex-end" gap="xs">
          <NumberInput label={t('contracts.holidays.year')} w={110} min={2000} max={2100} allowDecimal={false} value={year} onChange={setYear} data-testid="contract-holiday-year" />
          <Button variant="light" leftSection={<IconCalendarPlus size={16} />} onClick={importYear} data-testid="contract-holiday-import">
            {t('contracts.holidays.import')}
          </Button>
        </Group>
      )}
      {note && (
        <Alert color="teal" p="xs" data-testid="contract-holiday-note">
          <Text fz="sm">{note}</Text>
        </Alert>
      )}
      {form.holidays.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('contracts.holidays.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="contract-holidays">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('contracts.field.holidayDate')}</Table.Th>
              <Table.Th>{t('contracts.field.holidayName')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.holidays.map((holiday, index) => (
              <Table.Tr key={index} data-testid="contract-holiday">
                <Table.Td>
                  <TextInput type="date" aria-label={t('contracts.field.holidayDate')} value={holiday.date} onChange={(event) => setHoliday(index, { date: event.currentTarget.value })} error={problem(`calendar.holidays.${index}.date`)} readOnly={readOnly} data-testid="contract-holiday-date" />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={t('contracts.field.holidayName')} value={holiday.name} maxLength={100} onChange={(event) => setHoliday(index, { name: event.currentTarget.value })} error={problem(`calendar.holidays.${index}.name`)} readOnly={readOnly} data-testid="contract-holiday-name" />
                </Table.Td>
                <Table.Td>
                  {!readOnly && (
                    <Tooltip label={t('contracts.holidays.remove')}>
                      <ActionIcon variant="subtle" color="red" onClick={() => update({ holidays: form.holidays.filter((_, i) => i !== index) })} aria-label={t('contracts.holidays.remove')}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => update({ holidays: [...form.holidays, { date: '', name: '' }] })} data-testid="contract-holiday-add">
            {t('contracts.holidays.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
