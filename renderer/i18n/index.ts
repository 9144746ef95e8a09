import { useCallback } from 'react';
import { useLanguage } from './language-store.js';
import { translate, type TranslateParams } from './registry.js';
import './core-messages.js';

export { registerMessages, translate, LANGUAGES } from './registry.js';
export type { Language, FeatureMessages, Messages, TranslateParams } from './registry.js';
export { useLanguage, detectLanguage } from './language-store.js';

export type TFunction = (key: string, params?: Record<string, string | number>) => string;

/** `t` for the current language; components re-render when the language changes. */
export function useT(): TFunction {
  const language = useLanguage((state) => state.language);
  return useCallback((key: string, params?: TranslateParams) => translate(language, key, params), [language]);
}

/** For code outside React (sync engine messages, document title). */
export function t(key: string, params?: TranslateParams): string {
  return translate(useLanguage.getState().language, key, params);
}
