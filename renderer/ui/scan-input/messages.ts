import { registerMessages } from '../../i18n/index.js';

const EN = {
  'scanInput.label': 'Scan or type a tag',
  'scanInput.placeholder': 'Scan with the scanner, or type and press Enter',
  'scanInput.recent': 'Last scans',
  'scanInput.none': 'Nothing scanned yet.',
  'scanInput.scanner': 'scanner',
  'scanInput.keyboard': 'typed',
  'scanInput.paste': 'pasted',
} as const;

const TR: Readonly<Record<keyof typeof EN, string>> = {
  'scanInput.label': 'Etiketi okutun veya yazın',
  'scanInput.placeholder': 'Barkod okuyucuyla okutun ya da yazıp Enter’a basın',
  'scanInput.recent': 'Son okutmalar',
  'scanInput.none': 'Henüz okutma yok.',
  'scanInput.scanner': 'okuyucu',
  'scanInput.keyboard': 'elle',
  'scanInput.paste': 'yapıştırma',
};

registerMessages('scanInput', { en: EN, tr: TR });
