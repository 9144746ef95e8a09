import { registerMessages } from '../../i18n/index.js';

export const AUTH_MESSAGES = {
  en: {
    'auth.title': 'Sign in to DeskOps',
    'auth.reauthTitle': 'Sign in again',
    'auth.reauthHint': 'Your changes are kept on this computer and go up after you sign in.',
    'auth.server': 'Server address',
    'auth.serverHint': 'The DeskOps sync server, e.g. https://sync.example.com',
    'auth.username': 'Username',
    'auth.password': 'Password',
    'auth.submit': 'Sign in',
    'auth.required': 'Required',
    'auth.badServer': 'Enter an address starting with http:// or https://',
    'auth.unreachable': 'No answer from {server}. Check the address and your network.',
    'auth.wrongPassword': 'Wrong username or password.',
    'auth.storage.tab': 'Running in a browser: your sign-in is kept only for this tab.',
    'auth.storage.noKeyring': 'This computer offers no keyring: your sign-in is kept only until DeskOps closes.',
    'auth.storage.keyring': 'Your sign-in is stored encrypted in this computer’s keyring ({backend}).',
  },
  tr: {
    'auth.title': 'DeskOps’a giriş yapın',
    'auth.reauthTitle': 'Yeniden giriş yapın',
    'auth.reauthHint': 'Değişiklikleriniz bu bilgisayarda saklanır ve giriş yaptıktan sonra gönderilir.',
    'auth.server': 'Sunucu adresi',
    'auth.serverHint': 'DeskOps eşitleme sunucusu, ör. https://sync.example.com',
    'auth.username': 'Kullanıcı adı',
    'auth.password': 'Parola',
    'auth.submit': 'Giriş yap',
    'auth.required': 'Gerekli',
    'auth.badServer': 'http:// veya https:// ile başlayan bir adres girin',
    'auth.unreachable': '{server} yanıt vermiyor. Adresi ve ağ bağlantınızı kontrol edin.',
    'auth.wrongPassword': 'Kullanıcı adı veya parola yanlış.',
    'auth.storage.tab': 'Tarayıcıda çalışıyor: oturumunuz yalnızca bu sekme için saklanır.',
    'auth.storage.noKeyring': 'Bu bilgisayarda anahtar zinciri yok: oturumunuz yalnızca DeskOps kapanana kadar saklanır.',
    'auth.storage.keyring': 'Oturumunuz bu bilgisayarın anahtar zincirinde şifreli saklanır ({backend}).',
  },
} as const;

registerMessages('auth', AUTH_MESSAGES);
