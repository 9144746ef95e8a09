import { describe, expect, it } from 'vitest';
import { detectLanguage, registerMessages, translate, useLanguage } from './index.js';
import { hasMessage, untranslatedKeys } from './registry.js';

describe('i18n', () => {
  registerMessages('test', {
    en: { 'test.greeting': 'Hello {name}, {count} open', 'test.onlyEn': 'English only' },
    tr: { 'test.greeting': 'Merhaba {name}, {count} açık' },
  });

  it('translates with parameters in both languages', () => {
    expect(translate('en', 'test.greeting', { name: 'Ayşe', count: 3 })).toBe('Hello Ayşe, 3 open');
    expect(translate('tr', 'test.greeting', { name: 'Ayşe', count: 3 })).toBe('Merhaba Ayşe, 3 açık');
  });

  it('falls back to English, then shows the key itself', () => {
    expect(translate('tr', 'test.onlyEn')).toBe('English only');
    expect(translate('tr', 'test.missing.key')).toBe('test.missing.key');
  });

  it('leaves unknown placeholders visible', () => {
    expect(translate('en', 'test.greeting', { name: 'Can' })).toBe('Hello Can, {count} open');
  });

  it('defaults to Turkish only for Turkish browsers', () => {
    expect(detectLanguage('tr-TR')).toBe('tr');
    expect(detectLanguage('TR')).toBe('tr');
    expect(detectLanguage('en-US')).toBe('en');
    expect(detectLanguage(undefined)).toBe('en');
  });

  it('switches language through the store', () => {
    useLanguage.getState().setLanguage('tr');
    expect(useLanguage.getState().language).toBe('tr');
    useLanguage.getState().setLanguage('en');
    expect(useLanguage.getState().language).toBe('en');
  });

  it('has every key of the shell and its features in both languages', async () => {
    const { CORE_MESSAGES } = await import('./core-messages.js');
    for (const key of Object.keys(CORE_MESSAGES.en)) expect(hasMessage('tr', key), key).toBe(true);
    await import('../features/auth/messages.js');
    await import('../features/sync-status/messages.js');
    await import('../features/this-computer/messages.js');
    await import('../features/home/messages.js');
    await import('../features/users/messages.js');
    expect(untranslatedKeys().filter((key) => !key.includes(':test.'))).toEqual([]);
  });
});
