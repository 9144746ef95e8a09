import { AppShell, Box, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartPie, IconDevices } from '@tabler/icons-react';
import { IconClipboardCheck, IconFileSpreadsheet, IconUsers } from '@tabler/icons-react';
import { IconClockHour4, IconFileCertificate } from '@tabler/icons-react';
import { IconCalendarTime, IconChartBar, IconDeviceDesktopCog, IconDeviceLaptop, IconGitMerge, IconHome, IconTicket } from '@tabler/icons-react';
import { useBlobSync } from '../../blobs/use-blob-sync.js';
import { useSlaAlerts } from '../../features/sla-alerts/index.js';
import { useSession } from '../session-store.js';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router-dom';
import { SyncBanners } from '../../features/sync-status/SyncBanners.js';
import { SyncStatus } from '../../features/sync-status/SyncStatus.js';
import { useT } from '../../i18n/index.js';
import { NAV_ITEMS } from '../routes.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { ThemeToggle } from './ThemeToggle.js';
import { UserMenu } from './UserMenu.js';

const ICONS = { home: IconHome, tickets: IconTicket, computer: IconDeviceLaptop, myDay: IconCalendarTime, supervision: IconChartBar, conflicts: IconGitMerge, audit: IconClipboardCheck, assetsImport: IconFileSpreadsheet, assets: IconDevices, reports: IconChartPie, users: IconUsers, contracts: IconFileCertificate, worklog: IconClockHour4 } as const;

/** Entries with `roles` are shown to those roles only (the server enforces access anyway). */
function visibleTo(item: (typeof NAV_ITEMS)[number], role: string | undefined): boolean {
  return !('roles' in item) || (role !== undefined && (item.roles as readonly string[]).includes(role));
}

export function AppLayout() {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const role = useSession((state) => state.user?.role);
  // Photos go up in the background while someone is signed in; SLA warnings on their own tickets.
  useBlobSync();
  useSlaAlerts();
  const isActive = (to: string, end: boolean) => (end ? location.pathname === to : location.pathname === to || location.pathname.startsWith(`${to}/`));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.nav.toggle')} />
            <Box visibleFrom="xs" lh={0}>
              <IconDeviceDesktopCog size={26} color="var(--mantine-primary-color-filled)" />
            </Box>
            <Text fw={700} size="lg" visibleFrom="xs">
              {t('app.name')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SyncStatus />
            <LanguageSwitch />
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section grow component={ScrollArea}>
          {NAV_ITEMS.filter((item) => visibleTo(item, role)).map((item) => {
            const Icon = ICONS[item.icon];
            return (
              <NavLink
                key={item.to}
                component={RouterLink}
                to={item.to}
                end={item.end}
                label={t(item.labelKey)}
                leftSection={<Icon size={18} stroke={1.6} />}
                active={isActive(item.to, item.end)}
                onClick={close}
                data-testid={`nav-${item.icon}`}
              />
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <SyncBanners />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
