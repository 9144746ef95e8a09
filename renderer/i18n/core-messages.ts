import { registerMessages } from './registry.js';

/** The shell's own words; each feature registers its own next to its screens. */
export const CORE_MESSAGES = {
  en: {
    'app.name': 'DeskOps',
    'app.tagline': 'Desktop services, online or not',
    'app.nav.home': 'Home',
    'app.nav.tickets': 'Tickets',
    'app.nav.thisComputer': 'This computer',
    'app.nav.toggle': 'Show or hide navigation',
    'app.language.label': 'Language',
    'app.theme.toDark': 'Switch to dark theme',
    'app.theme.toLight': 'Switch to light theme',
    'app.user.signOut': 'Sign out',
    'app.user.signOutHint': 'Your local data and unsent changes stay on this computer.',
    'app.user.role.technician': 'Technician',
    'app.user.role.warehouse': 'Warehouse',
    'app.user.role.supervisor': 'Supervisor',
    'app.user.role.admin': 'Administrator',
    'app.loading': 'Opening your data…',
    'app.openFailed': 'Your local data could not be opened: {message}',
    'app.retry': 'Try again',
    'app.notReported': 'not reported',
  },
  tr: {
    'app.name': 'DeskOps',
    'app.tagline': 'Masaüstü hizmetleri, çevrimiçi ya da değil',
    'app.nav.home': 'Ana sayfa',
    'app.nav.tickets': 'Talepler',
    'app.nav.thisComputer': 'Bu bilgisayar',
    'app.nav.toggle': 'Menüyü göster veya gizle',
    'app.language.label': 'Dil',
    'app.theme.toDark': 'Koyu temaya geç',
    'app.theme.toLight': 'Açık temaya geç',
    'app.user.signOut': 'Çıkış yap',
    'app.user.signOutHint': 'Yerel verileriniz ve gönderilmemiş değişiklikleriniz bu bilgisayarda kalır.',
    'app.user.role.technician': 'Teknisyen',
    'app.user.role.warehouse': 'Depo',
    'app.user.role.supervisor': 'Süpervizör',
    'app.user.role.admin': 'Yönetici',
    'app.loading': 'Verileriniz açılıyor…',
    'app.openFailed': 'Yerel verileriniz açılamadı: {message}',
    'app.retry': 'Tekrar dene',
    'app.notReported': 'bildirilmedi',
  },
} as const;

registerMessages('app', CORE_MESSAGES);
