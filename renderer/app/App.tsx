import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { HashRouter } from 'react-router-dom';
import { SessionGate } from '../features/auth/SessionGate.js';
import { useLanguage } from '../i18n/index.js';
import { useEffect } from 'react';
import { colorSchemeManager, theme } from './theme.js';

/** Providers around everything; which screen shows is decided by SessionGate. */
export function App() {
  const language = useLanguage((state) => state.language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications position="bottom-right" />
      <HashRouter>
        <SessionGate />
      </HashRouter>
    </MantineProvider>
  );
}
