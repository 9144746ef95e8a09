import { SegmentedControl } from '@mantine/core';
import { useLanguage, useT } from '../../i18n/index.js';

export function LanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language.label')}
      data-testid="language-switch"
      value={language}
      onChange={(value) => setLanguage(value)}
      data={[
        { value: 'tr', label: 'TR' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
