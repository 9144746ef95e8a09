import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from './registry.js';

export function detectLanguage(navigatorLanguage: string | undefined): Language {
  return navigatorLanguage?.toLowerCase().startsWith('tr') ? 'tr' : 'en';
}

interface LanguageState {
  readonly language: Language;
  setLanguage: (language: Language) => void;
}

const nothing = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

export const useLanguage = create<LanguageState>()(
  persist(
    (set) => ({
      language: detectLanguage(typeof navigator === 'undefined' ? undefined : navigator.language),
      setLanguage: (language) => set({ language }),
    }),
    {
      name: 'deskops.language',
      storage: createJSONStorage(() => (typeof localStorage === 'undefined' ? nothing : localStorage)),
    },
  ),
);
