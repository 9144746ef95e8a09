import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { PRIORITIES, TICKET_STATUSES } from '../../../common/domain/vocabulary.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { StaffMember } from '../../../common/schemas/staff.js';
import { useT } from '../../i18n/index.js';
import { COMBOBOX } from './ticket-format.js';
import {
  TICKET_SORTS,
  type AssigneeFilter,
  type TicketListFilters,
} from './ticket-list-query.js';

/** Filters share one row on a laptop screen and wrap on narrow windows. */
const FILTER_STYLE = { flex: '1 1 150px', minWidth: 140 } as const;

interface TicketFilterBarProps {
  readonly filters: TicketListFilters;
  readonly onChange: (filters: TicketListFilters) => void;
  readonly contracts: readonly Contract[];
  readonly staff: readonly StaffMember[];
}

/** Search box and the list's filters; the search is applied 250 ms after typing stops. */
export function TicketFilterBar({ filters, onChange, contracts, staff }: TicketFilterBarProps) {
  const t = useT();
  const [search, setSearch] = useState(filters.search);
  const commitSearch = useDebouncedCallback((value: string) => onChange({ ...filters, search: value }), 250);
  const set = (patch: Partial<TicketListFilters>) => onChange({ ...filters, ...patch });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" data-testid="ticket-filters">
      <TextInput
        label={t('tickets.list.search')}
        placeholder={t('tickets.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          commitSearch(event.currentTarget.value);
        }}
        data-testid="ticket-search"
        style={{ flex: '2 1 220px' }}
      />
      <Select
        label={t('tickets.filter.contract')}
        data={[
          { value: '', label: t('tickets.filter.allContracts') },
          ...contracts.map((contract) => ({ value: contract.id, label: `${contract.code} · ${contract.customerName}` })),
        ]}
        value={filters.contractId ?? ''}
        onChange={(value) => set({ contractId: value || null })}
        allowDeselect={false}
        comboboxProps={COMBOBOX}
        style={FILTER_STYLE}
      />
      <Select
        label={t('tickets.filter.status')}
        data={[
          { value: 'open', label: t('tickets.filter.open') },
          { value: 'all', label: t('tickets.filter.all') },
          ...TICKET_STATUSES.map((status) => ({ value: status, label: t(`tickets.status.${status}`) })),
        ]}
        value={filters.status}
        onChange={(value) => set({ status: value ?? 'open' })}
        allowDeselect={false}
        comboboxProps={COMBOBOX}
        style={FILTER_STYLE}
      />
      <Select
        label={t('tickets.filter.assignee')}
        data={[
          { value: 'any', label: t('tickets.filter.anyone') },
          { value: 'me', label: t('tickets.filter.me') },
          { value: 'unassigned', label: t('tickets.filter.unassigned') },
          ...staff.map((member) => ({ value: `user:${member.userId}`, label: member.name })),
        ]}
        value={filters.assignee}
        onChange={(value) => set({ assignee: (value ?? 'any') as AssigneeFilter })}
        allowDeselect={false}
        comboboxProps={COMBOBOX}
        searchable
        style={FILTER_STYLE}
      />
      <Select
        label={t('tickets.filter.priority')}
        data={[
          { value: '', label: t('tickets.filter.anyPriority') },
          ...PRIORITIES.map((priority) => ({ value: String(priority), label: t(`tickets.priority.${priority}`) })),
        ]}
        value={filters.priority === null ? '' : String(filters.priority)}
        onChange={(value) => set({ priority: value ? Number(value) : null })}
        allowDeselect={false}
        comboboxProps={COMBOBOX}
        style={FILTER_STYLE}
      />
      <Select
        label={t('tickets.filter.sort')}
        data={TICKET_SORTS.map((sort) => ({ value: sort, label: t(`tickets.sort.${sort}`) }))}
        value={filters.sort}
        onChange={(value) => set({ sort: value ?? 'updated' })}
        allowDeselect={false}
        comboboxProps={COMBOBOX}
        style={FILTER_STYLE}
      />
    </Group>
  );
}
