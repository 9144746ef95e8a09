export const LANGUAGES = ['tr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Messages = Readonly<Record<string, string>>;
export type FeatureMessages = { readonly en: Messages; readonly tr: Messages };
export type TranslateParams = Readonly<Record<string, string | number>>;

const dictionaries: Record<Language, Map<string, string>> = { en: new Map(), tr: new Map() };
const features = new Set<string>();
const warned = new Set<string>();

/**
 * Each feature registers its own keys (namespaced like `tickets.list.title`) at import time, so no
 * central file has to know every screen. Registering the same feature again replaces its keys (HMR).
 */
export function registerMessages(feature: string, messages: FeatureMessages): void {
  features.add(feature);
  for (const language of LANGUAGES) {
    for (const [key, value] of Object.entries(messages[language])) dictionaries[language].set(key, value);
  }
}

export function registeredFeatures(): readonly string[] {
  return [...features];
}

function interpolate(text: string, params: TranslateParams | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The text of `key` in `language`, falling back to English, then to the key itself (visible, not blank). */
export function translate(language: Language, key: string, params?: TranslateParams): string {
  const text = dictionaries[language].get(key) ?? dictionaries.en.get(key);
  if (text === undefined) {
    if (import.meta.env?.DEV && !warned.has(key)) {
      warned.add(key);
      // A missing key is a developer mistake worth seeing, but never worth crashing a screen.
      // eslint-disable-next-line no-console
      console.warn(`[i18n] missing message "${key}" (${language})`);
    }
    return key;
  }
  return interpolate(text, params);
}

export function hasMessage(language: Language, key: string): boolean {
  return dictionaries[language].has(key);
}

/** Keys registered in one language but not the other (tests keep both languages complete). */
export function untranslatedKeys(): string[] {
  const missing: string[] = [];
  for (const key of dictionaries.en.keys()) if (!dictionaries.tr.has(key)) missing.push(`tr:${key}`);
  for (const key of dictionaries.tr.keys()) if (!dictionaries.en.has(key)) missing.push(`en:${key}`);
  return missing;
}
