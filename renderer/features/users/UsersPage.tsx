import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconCloudOff, IconKey, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { canAdministerAccounts, canManageAccount, type AdminUser } from '../../../common/admin/accounts.js';
import { useSession } from '../../app/session-store.js';
import { useT } from '../../i18n/index.js';
import { useContracts } from '../tickets/use-ticket-lookups.js';
import './messages.js';
import { PasswordModal } from './PasswordModal.js';
import { useAccounts } from './use-accounts.js';
import { UserFormModal } from './UserFormModal.js';

const ROLE_COLORS = { technician: 'blue', warehouse: 'grape', supervisor: 'orange', admin: 'red' } as const;

type Dialog = { readonly kind: 'create' } | { readonly kind: 'edit'; readonly user: AdminUser } | { readonly kind: 'password'; readonly user: AdminUser } | null;

/** `/users`: account administration for admins and supervisors (server-side, so online only). */
export function UsersPage() {
  const t = useT();
  const me = useSession((state) => state.user);
  const { users, loading, problem, reload, replace } = useAccounts();
  const { byId: contracts } = useContracts();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);

  const shown = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('tr');
    const list = [...(users ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'tr'));
    return needle ? list.filter((user) => `${user.name} ${user.username}`.toLocaleLowerCase('tr').includes(needle)) : list;
  }, [users, search]);

  if (!me || !canAdministerAccounts(me.role)) {
    return <Alert color="gray" data-testid="users-not-allowed">{t('users.notAllowed')}</Alert>;
  }
  const contractLabel = (id: string) => contracts.get(id)?.code ?? id;

  return (
    <Stack gap="md" data-testid="users-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('users.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('users.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })} disabled={problem !== null || users === null} data-testid="users-new">
          {t('users.new')}
        </Button>
      </Group>

      {problem?.kind === 'offline' && (
        <Alert color="gray" icon={<IconCloudOff size={18} />} title={t('users.offline.title')} data-testid="users-offline">
          <Text size="sm">{t('users.offline.body')}</Text>
          <Button mt="sm" size="compact-sm" variant="default" onClick={reload}>
            {t('users.retry')}
          </Button>
        </Alert>
      )}
      {problem?.kind === 'sign-in' && <Alert color="yellow">{t('users.signIn')}</Alert>}
      {problem?.kind === 'failed' && (
        <Alert color="red" data-testid="users-failed">
          {t('users.loadFailed', { message: problem.message })}
          <Button ml="sm" size="compact-sm" variant="default" onClick={reload}>
            {t('users.retry')}
          </Button>
        </Alert>
      )}

      {users === null && loading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text c="dimmed">{t('users.loading')}</Text>
        </Group>
      )}

      {users !== null && problem === null && (
        <>
          <Group justify="space-between">
            <TextInput
              leftSection={<IconSearch size={16} />}
              placeholder={t('users.search')}
              aria-label={t('users.search')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={320}
            />
            <Text size="sm" c="dimmed">
              {t('users.count', { count: shown.length })}
            </Text>
          </Group>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.col.person')}</Table.Th>
                <Table.Th>{t('users.col.role')}</Table.Th>
                <Table.Th>{t('users.col.contracts')}</Table.Th>
                <Table.Th>{t('users.col.status')}</Table.Th>
                <Table.Th>{t('users.col.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((user) => {
                const manageable = canManageAccount(me.role, user.role);
                return (
                  <Table.Tr key={user.id} data-testid="users-row" data-username={user.username}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {user.name} {user.id === me.id && <Text span size="xs" c="dimmed">({t('users.you')})</Text>}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {user.username}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ROLE_COLORS[user.role]}>
                        {t(`app.user.role.${user.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {user.contractIds.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          {t('users.noContracts')}
                        </Text>
                      ) : (
                        <Group gap={4}>
                          {user.contractIds.map((id) => (
                            <Badge key={id} variant="outline" color="gray" size="sm">
                              {contractLabel(id)}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={user.disabled ? 'gray' : 'teal'} variant={user.disabled ? 'outline' : 'light'} data-testid="users-status">
                        {t(user.disabled ? 'users.status.disabled' : 'users.status.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="light" leftSection={<IconPencil size={14} />} disabled={!manageable} onClick={() => setDialog({ kind: 'edit', user })} data-testid="users-edit">
                          {t('users.edit')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" leftSection={<IconKey size={14} />} disabled={!manageable} onClick={() => setDialog({ kind: 'password', user })} data-testid="users-password">
                          {t('users.resetPassword')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {shown.length === 0 && <Text c="dimmed">{t('users.empty')}</Text>}
        </>
      )}

      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          me={me}
          user={dialog.kind === 'edit' ? dialog.user : null}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            replace(saved);
            setDialog(null);
          }}
          onStale={() => {
            reload();
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === 'password' && <PasswordModal me={me} user={dialog.user} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
