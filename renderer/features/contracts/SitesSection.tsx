import { ActionIcon, Alert, Autocomplete, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { newId } from '../../../common/domain/ids.js';
import type { Site } from '../../../common/schemas/contracts.js';
import { useDatabase } from '../../app/database-context.js';
import { useT } from '../../i18n/index.js';
import type { SectionProps } from './section-props.js';

/** Every IANA zone this runtime knows, for suggestions (any other text is checked, not refused here). */
function knownZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['Europe/Istanbul', 'Europe/Berlin', 'UTC'];
}

/** The customer's sites with their own time zone (SLA clocks run in the ticket's site's zone). */
export function SitesSection({ form, update, problem, readOnly }: SectionProps) {
  const t = useT();
  const db = useDatabase();
  const zones = useMemo(() => knownZones(), []);
  const [blocked, setBlocked] = useState<{ id: string; text: string } | null>(null);
  const setSite = (index: number, patch: Partial<Site>) => update({ sites: form.sites.map((site, i) => (i === index ? { ...site, ...patch } : site)) });

  const remove = async (index: number) => {
    const site = form.sites[index];
    if (!site) return;
    // A site tickets, assets or people point at must stay; removing it would orphan them.
    const selector = { siteId: site.id };
    const [tickets, assets, people] = await Promise.all([db.tickets.count({ selector }).exec(), db.assets.count({ selector }).exec(), db.people.count({ selector }).exec()]);
    if (tickets + assets + people > 0) {
      setBlocked({ id: site.id, text: t('contracts.site.inUse', { tickets, assets, people }) });
      return;
    }
    setBlocked(null);
    update({ sites: form.sites.filter((_, i) => i !== index) });
  };

  return (
    <Stack gap="sm">
      {form.sites.map((site, index) => (
        <Paper key={site.id} withBorder p="sm" radius="md" data-testid="contract-site">
          <Group align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, md: 3 }} style={{ flex: 1 }}>
              <TextInput label={t('contracts.field.siteName')} value={site.name} onChange={(event) => setSite(index, { name: event.currentTarget.value })} error={problem(`sites.${index}.name`)} readOnly={readOnly} />
              <TextInput label={t('contracts.field.address')} value={site.address} onChange={(event) => setSite(index, { address: event.currentTarget.value })} error={problem(`sites.${index}.address`)} readOnly={readOnly} />
              <Autocomplete
                label={t('contracts.field.timeZone')}
                value={site.timeZone}
                onChange={(value) => setSite(index, { timeZone: value })}
                data={zones}
                limit={12}
                error={problem(`sites.${index}.timeZone`)}
                readOnly={readOnly}
                data-testid="contract-site-zone"
              />
            </SimpleGrid>
            {!readOnly && (
              <Tooltip label={t('contracts.site.remove')}>
                <ActionIcon variant="subtle" color="red" mt={26} onClick={() => void remove(index)} aria-label={t('contracts.site.remove')}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
          {blocked?.id === site.id && (
            <Alert color="orange" mt="xs" p="xs">
              <Text fz="sm">{blocked.text}</Text>
            </Alert>
          )}
        </Paper>
      ))}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => update({ sites: [...form.sites, { id: newId(), name: '', address: '', timeZone: form.sites[0]?.timeZone ?? 'Europe/Istanbul' }] })}
          >
            {t('contracts.site.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
