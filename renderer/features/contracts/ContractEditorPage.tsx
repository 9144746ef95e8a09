import { Alert, Anchor, Badge, Button, Group, Indicator, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import type { Contract } from '../../../common/schemas/contracts.js';
import { useDatabase } from '../../app/database-context.js';
import { useRxDocument } from '../../db/use-rx.js';
import { useT } from '../../i18n/index.js';
import { SECTIONS, type Section } from './contract-form.js';
import { GeneralSection } from './GeneralSection.js';
import { HolidaysSection } from './HolidaysSection.js';
import { HoursSection } from './HoursSection.js';
import { SitesSection } from './SitesSection.js';
import { SlaPolicySection } from './SlaPolicySection.js';
import { useContractEditor } from './use-contract-editor.js';

/** Which field paths belong to which tab, so a tab with a problem is marked. */
const SECTION_OF_PATH: readonly [string, Section][] = [
  ['sites.', 'sites'],
  ['coveredCategories', 'coverage'],
  ['deliveryModes', 'coverage'],
  ['slaPolicy.', 'policy'],
  ['calendar.hours.', 'hours'],
  ['calendar.holidays.', 'holidays'],
];
const sectionOf = (path: string): Section => SECTION_OF_PATH.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'general';
/** The tabs shown: General carries the scope (coverage) too. */
const TABS: readonly Section[] = ['general', 'sites', 'policy', 'hours', 'holidays'];

/** `/contracts/:id`: the contract, editable by supervisors and admins, read-only for everyone else. */
export function ContractEditorPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const db = useDatabase();
  const { doc, loading } = useRxDocument<Contract>(db.contracts, id);
  return (
    <Stack gap="md" p="md">
      <Anchor component={Link} to="/contracts" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('contracts.back')}
        </Group>
      </Anchor>
      {doc ? <Editor key={doc.id} contract={doc} /> : loading ? <Loader size="sm" /> : <Text c="dimmed">{t('contracts.notFound')}</Text>}
    </Stack>
  );
}

function Editor({ contract }: { contract: Contract }) {
  const t = useT();
  const editor = useContractEditor(contract);
  const { form, update, problems, changed, overlap, editable, outcome } = editor;
  const readOnly = !editable;
  const problem = (path: string) => {
    const found = problems.get(path);
    return found ? t(found.key, found.params) : null;
  };
  const withProblems = new Set<Section>([...problems.keys()].map(sectionOf).map((section) => (section === 'coverage' ? 'general' : section)));
  const sectionNames = (list: readonly Section[]) => list.map((section) => t(`contracts.section.${section === 'coverage' ? 'general' : section}`)).join(', ');
  const props = { form, update, problem, readOnly };

  return (
    <Stack gap="md" data-testid="contract-editor" data-editable={editable ? 'true' : 'false'}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge variant="outline" color="gray">
              {contract.code}
            </Badge>
            <Badge variant="light">{t('contracts.revision', { revision: contract.slaPolicy.revision ?? 1 })}</Badge>
          </Group>
          <Title order={2}>{contract.name}</Title>
          <Text c="dimmed">{contract.customerName}</Text>
        </Stack>
        {editable && (
          <Group gap="xs">
            <Button variant="default" onClick={editor.reset} disabled={changed.length === 0} data-testid="contract-reset">
              {t('contracts.reset')}
            </Button>
            <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void editor.save()} loading={editor.saving} disabled={changed.length === 0 || problems.size > 0} data-testid="contract-save">
              {t('contracts.save')}
            </Button>
          </Group>
        )}
      </Group>
      {readOnly && (
        <Alert color="gray" icon={<IconLock size={16} />} data-testid="contract-read-only">
          {t('contracts.readOnly')}
        </Alert>
      )}
      {editable && changed.length > 0 && (
        <Text fz="sm" c="orange" data-testid="contract-unsaved">
          {t('contracts.unsaved', { sections: sectionNames(SECTIONS.filter((section) => changed.includes(section))) })}
        </Text>
      )}
      {overlap.length > 0 && (
        <Alert color="yellow" data-testid="contract-overlap">
          {t('contracts.overlap', { sections: sectionNames(overlap) })}
        </Alert>
      )}
      {editable && problems.size > 0 && (
        <Text fz="sm" c="red" data-testid="contract-problems">
          {t('contracts.problems')}
        </Text>
      )}
      {outcome?.kind === 'saved' && (
        <Alert color="teal" data-testid="contract-saved">
          {t('contracts.saved')}
        </Alert>
      )}
      {outcome?.kind === 'error' && <Alert color="red">{t('contracts.error.save', { message: outcome.message })}</Alert>}
      <Paper withBorder radius="md" p="md">
        <Tabs defaultValue="general" keepMounted={false}>
          <Tabs.List mb="md">
            {TABS.map((section) => (
              <Tabs.Tab key={section} value={section} data-testid={`contract-tab-${section}`}>
                <Indicator color="red" size={8} offset={-4} disabled={!withProblems.has(section)} position="top-end">
                  <Text fz="sm" fw={500} pr={withProblems.has(section) ? 6 : 0}>
                    {t(`contracts.section.${section}`)}
                  </Text>
                </Indicator>
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="general">
            <GeneralSection {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="sites">
            <SitesSection {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="policy">
            <SlaPolicySection {...props} policy={contract.slaPolicy} />
          </Tabs.Panel>
          <Tabs.Panel value="hours">
            <HoursSection {...props} />
          </Tabs.Panel>
          <Tabs.Panel value="holidays">
            <HolidaysSection {...props} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
