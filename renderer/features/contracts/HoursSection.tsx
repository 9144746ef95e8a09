import { ActionIcon, Button, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCopy, IconPlus, IconX } from '@tabler/icons-react';
import { WEEKDAYS, type Weekday } from '../../../common/domain/vocabulary.js';
import { useT } from '../../i18n/index.js';
import type { SectionProps } from './section-props.js';

const MAX_SHIFTS = 4;

/** Working hours per weekday, with split shifts (the schema allows four per day). */
export function HoursSection({ form, update, problem, readOnly }: SectionProps) {
  const t = useT();
  const setDay = (day: Weekday, shifts: readonly { start: string; end: string }[]) => update({ hours: { ...form.hours, [day]: shifts } });

  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('contracts.hours.hint')}
      </Text>
      <Table verticalSpacing="xs" data-testid="contract-hours">
        <Table.Tbody>
          {WEEKDAYS.map((day) => {
            const shifts = form.hours[day];
            return (
              <Table.Tr key={day} data-testid={`contract-hours-${day}`}>
                <Table.Td w={130} fw={600} valign="top" pt={16}>
                  {t(`contracts.weekday.${day}`)}
                </Table.Td>
                <Table.Td>
                  <Group gap="md" align="flex-start">
                    {shifts.length === 0 && (
                      <Text c="dimmed" fz="sm" pt={8}>
                        {t('contracts.hours.closed')}
                      </Text>
                    )}
                    {shifts.map((shift, index) => (
                      <Group key={index} gap={4} align="flex-start" wrap="nowrap">
                        <TextInput
                          type="time"
                          aria-label={`${t(`contracts.weekday.${day}`)} ${index + 1} ${t('contracts.hours.from')}`}
                          w={110}
                          value={shift.start}
                          onChange={(event) => setDay(day, shifts.map((item, i) => (i === index ? { ...item, start: event.currentTarget.value } : item)))}
                          error={problem(`calendar.hours.${day}.${index}.start`)}
                          readOnly={readOnly}
                        />
                        <Text pt={6}>–</Text>
                        <TextInput
                          type="time"
                          aria-label={`${t(`contracts.weekday.${day}`)} ${index + 1} ${t('contracts.hours.to')}`}
                          w={110}
                          value={shift.end}
                          onChange={(event) => setDay(day, shifts.map((item, i) => (i === index ? { ...item, end: event.currentTarget.value } : item)))}
                          error={problem(`calendar.hours.${day}.${index}.end`)}
                          readOnly={readOnly}
                        />
                        {!readOnly && (
                          <Tooltip label={t('contracts.hours.removeShift')}>
                            <ActionIcon variant="subtle" color="gray" mt={6} onClick={() => setDay(day, shifts.filter((_, i) => i !== index))} aria-label={t('contracts.hours.removeShift')}>
                              <IconX size={14} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    ))}
                    {!readOnly && shifts.length < MAX_SHIFTS && (
                      <Tooltip label={t('contracts.hours.addShift')}>
                        <ActionIcon
                          variant="light"
                          mt={6}
                          onClick={() => setDay(day, [...shifts, { start: shifts.at(-1)?.end && shifts.at(-1)?.end !== '00:00' ? shifts.at(-1)!.end : '09:00', end: '18:00' }])}
                          aria-label={`${t('contracts.hours.addShift')} ${t(`contracts.weekday.${day}`)}`}
                        >
                          <IconPlus size={14} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {!readOnly && (
        <Group>
          <Button variant="light" size="xs" leftSection={<IconCopy size={14} />} onClick={() => update({ hours: { ...form.hours, tue: form.hours.mon, wed: form.hours.mon, thu: form.hours.mon, fri: form.hours.mon } })}>
            {t('contracts.hours.copyMonday')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
