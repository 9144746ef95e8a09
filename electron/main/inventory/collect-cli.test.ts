import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asset } from '../../../common/inventory/collection.test-helpers.js';
import { parseCollectionFile } from '../../../common/inventory/collection-file.js';
import { applyChanges, blankAsset, diffAsset } from '../../../common/inventory/diff.js';
import { matchCollection } from '../../../common/inventory/match.js';
import { validateDocument } from '../../../common/validation/validate.js';
import { runCollectCli } from './collect-cli.js';

describe('npm run collect', () => {
  it('writes a collection file that validates against the shared schema', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'deskops-collect-')), 'this-pc.json');
    const lines: string[] = [];
    expect(await runCollectCli(['--out', out], (line) => lines.push(line))).toBe(0);
    expect(lines[0]).toMatch(/^Wrote .*this-pc\.json: .+, \d+ installed programs/);
    const parsed = parseCollectionFile(await readFile(out, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.software.length).toBeGreaterThan(50);
    // Imports like a bridge collection: matched (here to the record with its hostname), diffed, applied.
    const stored = asset({ id: 'a1', hostname: parsed.value.summary.hostname });
    expect(matchCollection(parsed.value, [stored])).toMatchObject({ assetId: 'a1' });
    const now = new Date();
    const blank = blankAsset({ id: 'new', contractId: 'c-anka', tag: 'ANKA-CLI', type: 'desktop' }, now);
    const changes = diffAsset(blank, parsed.value);
    const { asset: created } = applyChanges(blank, changes, new Set(changes.map((change) => change.field)), now);
    expect(created.hostname).toBe(parsed.value.summary.hostname);
    expect(validateDocument('assets', created)).toEqual({ ok: true });
  });

  it('explains its usage without --out', async () => {
    const lines: string[] = [];
    expect(await runCollectCli([], (line) => lines.push(line))).toBe(2);
    expect(lines).toEqual(['Usage: npm run collect -- --out <file.json> [--no-software]']);
  });
});
