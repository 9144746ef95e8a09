import { describe, expect, it } from 'vitest';
import { canManageAccount, checkName, checkPassword, checkUsername, grantableRoles, normalizeUsername } from './accounts.js';

describe('account rules shared by the server and the Users screen', () => {
  it.each([
    ['Kestane-Balı-7', 'ayse', null],
    ['correct horse battery', 'ayse', null],
    ['kısa', 'ayse', 'too_short'],
    ['x'.repeat(129), 'ayse', 'too_long'],
    ['ayse.kaya-2026!', 'ayse.kaya', 'contains_username'],
    ['AYSE.KAYA-2026!', 'ayse.kaya', 'contains_username'],
    ['abababababab', 'ayse', 'too_few_distinct'],
    ['Password2024!', 'ayse', 'too_common'],
    ['Şifre2026!!', 'ayse', 'too_common'],
    ['Galatasaray1905', 'ayse', 'too_common'],
    ['1234567890', 'ayse', 'too_common'],
    ['qwertyuiop', 'ayse', 'too_common'],
    ['0987654321', 'ayse', 'too_common'],
  ])('password %j for %s → %s', (password, username, issue) => {
    expect(checkPassword(password, username)).toBe(issue);
  });

  it('counts characters, not UTF-16 units, for the length rule', () => {
    expect(checkPassword('ğüşıöçĞÜŞ', 'x')).toBe('too_short');
    expect(checkPassword('ğüşıöçĞÜŞİ', 'x')).toBeNull();
  });

  it('checks user names and names', () => {
    expect(normalizeUsername('  Ayse.Kaya ')).toBe('ayse.kaya');
    expect(checkUsername('  Ayse.Kaya ')).toBeNull();
    expect(checkUsername('')).toBe('required');
    expect(checkUsername('a')).toBe('format');
    expect(checkUsername('.ayse')).toBe('format');
    expect(checkUsername('çağrı')).toBe('format');
    expect(checkUsername('a'.repeat(33))).toBe('format');
    expect(checkName('  ')).toBe('required');
    expect(checkName('x'.repeat(101))).toBe('too_long');
    expect(checkName('Ayşe Kaya')).toBeNull();
    expect(checkName('  Ayşe Kaya\n')).toBeNull();
    expect(checkName('Ayşe\u0000Kaya')).toBe('control_characters');
    expect(checkName('Ayşe\tKaya')).toBe('control_characters');
  });

  it('lets supervisors manage everything below admin, and nobody else manage accounts', () => {
    expect(grantableRoles('admin')).toEqual(['technician', 'warehouse', 'supervisor', 'admin']);
    expect(grantableRoles('supervisor')).toEqual(['technician', 'warehouse', 'supervisor']);
    expect(grantableRoles('technician')).toEqual([]);
    expect(canManageAccount('supervisor', 'admin')).toBe(false);
    expect(canManageAccount('supervisor', 'technician')).toBe(true);
    expect(canManageAccount('warehouse', 'technician')).toBe(false);
  });
});
