import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

/** One theme for light and dark; Mantine derives both schemes from it. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", Roboto, "Noto Sans", system-ui, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});

/** Persisted without Mantine's inline ColorSchemeScript, which the CSP (`script-src 'self'`) forbids. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'deskops.color-scheme' });
