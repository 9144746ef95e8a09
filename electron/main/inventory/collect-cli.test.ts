import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCollectionFile } from '../../../common/inventory/collection-file.js';
import { runCollectCli } from './collect-cli.js';

describe('npm run collect', () => {
  it('writes a collection file that validates against the shared schema', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'deskops-collect-')), 'this-pc.json');
    const lines: string[] = [];
    expect(await runCollectCli(['--out', out], (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toMatch(/^Wrote .*this-pc\.json: .+, \d+ installed programs/);
    const parsed = parseCollectionFile(await readFile(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.software.length).toBeGreaterThan(50);
  });

  it('explains its usage without --out', async () => {
    const lines: string[] = [];
    expect(await runCollectCli([], (line) => lines.push(line))).toBe(2);
    expect(lines).toEqual(['Usage: npm run collect -- --out <file.json> [--no-software]']);
  });
});
