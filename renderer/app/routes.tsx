import { Navigate, Route, Routes } from 'react-router-dom';
import { AssetDetailPage, AssetsPage, CollectPage } from '../features/assets/index.js';
import { AssetsImportPage } from '../features/assets-import/index.js';
import { AuditPage, AuditsPage } from '../features/audit/index.js';
import { ConflictsPage } from '../features/conflicts/index.js';
import { ContractEditorPage, ContractsPage } from '../features/contracts/index.js';
import { HomePage } from '../features/home/HomePage.js';
import { MyDayPage } from '../features/my-day/index.js';
import { ReportsPage } from '../features/reports/index.js';
import { SupervisionPage } from '../features/supervisor/index.js';
import { ThisComputerPage } from '../features/this-computer/ThisComputerPage.js';
import { TicketDetailPage, TicketsPage } from '../features/tickets/index.js';
import { UsersPage } from '../features/users/index.js';
import { WorklogPage } from '../features/worklog/index.js';
import { AppLayout } from './layout/AppLayout.js';

/** Every screen of the signed-in app; rendered inside the HashRouter set up in App.tsx. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="tickets" element={<TicketsPage />} />
        <Route path="tickets/:id" element={<TicketDetailPage />} />
        <Route path="my-day" element={<MyDayPage />} />
        <Route path="worklog" element={<WorklogPage />} />
        <Route path="supervision" element={<SupervisionPage />} />
        <Route path="conflicts" element={<ConflictsPage />} />
        <Route path="contracts" element={<ContractsPage />} />
        <Route path="contracts/:id" element={<ContractEditorPage />} />
        <Route path="audits" element={<AuditsPage />} />
        <Route path="audits/:id" element={<AuditPage />} />
        <Route path="assets-import" element={<AssetsImportPage />} />
        <Route path="assets" element={<AssetsPage />} />
        <Route path="assets/collect" element={<CollectPage />} />
        <Route path="assets/:id" element={<AssetDetailPage />} />
        <Route path="reports" element={<ReportsPage />} />
        <Route path="this-computer" element={<ThisComputerPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

/** Navigation entries shown in the navbar, in order; only features that exist. */
export const NAV_ITEMS = [
  { to: '/', labelKey: 'app.nav.home', icon: 'home', end: true },
  { to: '/my-day', labelKey: 'myDay.nav', icon: 'myDay', end: false },
  { to: '/tickets', labelKey: 'app.nav.tickets', icon: 'tickets', end: false },
  { to: '/worklog', labelKey: 'worklog.nav', icon: 'worklog', end: false },
  { to: '/supervision', labelKey: 'supervisor.nav', icon: 'supervision', end: false, roles: ['supervisor', 'admin'] },
  { to: '/conflicts', labelKey: 'conflicts.nav', icon: 'conflicts', end: false, roles: ['supervisor', 'admin'] },
  { to: '/contracts', labelKey: 'contracts.nav', icon: 'contracts', end: false },
  { to: '/audits', labelKey: 'audit.nav', icon: 'audit', end: false },
  { to: '/assets-import', labelKey: 'assetsImport.nav', icon: 'assetsImport', end: false },
  { to: '/assets', labelKey: 'assets.nav', icon: 'assets', end: false },
  { to: '/reports', labelKey: 'reports.nav', icon: 'reports', end: false },
  { to: '/users', labelKey: 'users.nav', icon: 'users', end: false, roles: ['supervisor', 'admin'] },
  { to: '/this-computer', labelKey: 'app.nav.thisComputer', icon: 'computer', end: false },
] as const;
