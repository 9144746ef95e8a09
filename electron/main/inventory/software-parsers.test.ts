import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DPKG_QUERY_ARGS, parseDpkg, parseMacApplications, parseRpm, parseWindowsUninstall } from './software-parsers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('dpkg', () => {
  it('reads the real package list of this Debian machine', () => {
    const output = execFileSync('dpkg-query', DPKG_QUERY_ARGS, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const installed = output.split('\n').filter((line) => /\t[ih]i\s*$/.test(line)).length;
    const software = parseDpkg(output);
    expect(software.length).toBe(installed);
    expect(software.length).toBeGreaterThan(50);
    const bash = software.find((item) => item.name === 'bash');
    expect(bash).toMatchObject({ source: 'dpkg', publisher: expect.stringMatching(/\S/) as unknown });
    expect(bash?.version).toMatch(/^\d/);
    expect(software.every((item) => item.publisher === null || !item.publisher.includes('<'))).toBe(true);
  });

  it('keeps installed packages, drops removed ones, names foreign architectures', () => {
    const text = [
      'adduser\t3.134\tall\tDebian Adduser Developers <adduser@packages.debian.org>\tii ',
      'libc6\t2.36-9\ti386\tGNU Libc Maintainers <debian-glibc@lists.debian.org>\tii ',
      'oldpkg\t1.0\tamd64\tSomeone <a@b>\trc ',
      'held\t2.0\tamd64\t\thi ',
      '',
      'nostatus\t0.1\tamd64\tX <x@y>',
    ].join('\n');
    expect(parseDpkg(text)).toEqual([
      { name: 'adduser', version: '3.134', publisher: 'Debian Adduser Developers', source: 'dpkg' },
      { name: 'libc6:i386', version: '2.36-9', publisher: 'GNU Libc Maintainers', source: 'dpkg' },
      { name: 'held', version: '2.0', publisher: null, source: 'dpkg' },
      { name: 'nostatus', version: '0.1', publisher: 'X', source: 'dpkg' },
    ]);
  });
});

describe('rpm', () => {
  it('reads rpm -qa output, skipping signing keys and naming 32-bit packages', () => {
    expect(parseRpm(fixture('rpm-qa.txt'))).toEqual([
      { name: 'bash', version: '5.1.8-9.el9', publisher: 'Red Hat, Inc.', source: 'rpm' },
      { name: 'glibc.i686', version: '2.34-100.el9', publisher: 'Red Hat, Inc.', source: 'rpm' },
      { name: 'glibc', version: '2.34-100.el9', publisher: 'Red Hat, Inc.', source: 'rpm' },
      { name: 'local-tool', version: '1.0-1', publisher: null, source: 'rpm' },
    ]);
  });

  it('reads the install time column as a date when present', () => {
    expect(parseRpm('zip\t3.0-35.el9\tx86_64\tRed Hat, Inc.\t1705312800\n')).toEqual([
      { name: 'zip', version: '3.0-35.el9', publisher: 'Red Hat, Inc.', source: 'rpm', installedOn: '2024-01-15' },
    ]);
  });
});

describe('Windows uninstall keys', () => {
  it('lists what "Apps & features" lists: no system components, updates or nameless keys, no duplicates', () => {
    expect(parseWindowsUninstall(fixture('windows-reg-uninstall.txt'))).toEqual([
      { name: '7-Zip 23.01 (x64)', version: '23.01', publisher: 'Igor Pavlov', source: 'windows-registry' },
      { name: 'Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130', version: '14.38.33130.0', publisher: 'Microsoft Corporation', source: 'windows-registry', installedOn: '2024-01-17' },
      { name: 'Mozilla Firefox (x64 tr)', version: '121.0', publisher: 'Mozilla', source: 'windows-registry' },
      { name: 'Adobe Acrobat Reader DC - Türkçe', version: '23.008.20470', publisher: 'Adobe Systems Incorporated', source: 'windows-registry', installedOn: '2024-01-05' },
      { name: 'Zoom', version: '5.17.5 (31030)', publisher: 'Zoom Video Communications, Inc.', source: 'windows-registry' },
    ]);
  });

  it('reads nothing from empty or foreign text', () => {
    expect(parseWindowsUninstall('')).toEqual([]);
    expect(parseWindowsUninstall('ERROR: The system was unable to find the specified registry key or value.')).toEqual([]);
  });
});

describe('macOS applications', () => {
  it('reads system_profiler JSON with the signer as publisher, leaving out helpers and system apps', () => {
    expect(parseMacApplications(fixture('macos-applications.json'))).toEqual([
      { name: 'Safari', version: '17.3', publisher: 'Apple', source: 'macos-applications', installedOn: '2024-01-22' },
      { name: 'Google Chrome', version: '121.0.6167.139', publisher: 'Google LLC', source: 'macos-applications', installedOn: '2024-02-01' },
      { name: 'Microsoft Teams (work or school)', version: '24004.1403.2634.2418', publisher: 'Microsoft Corporation', source: 'macos-applications' },
      { name: 'HomebrewTool', version: '', publisher: null, source: 'macos-applications' },
    ]);
  });

  it('reads nothing from broken JSON', () => {
    expect(parseMacApplications('{"SPApplicationsDataType": [')).toEqual([]);
    expect(parseMacApplications('{}')).toEqual([]);
  });
});
