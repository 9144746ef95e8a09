import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asset } from '../../common/inventory/collection.test-helpers.js';
import { parseCollectionFile } from '../../common/inventory/collection-file.js';
import { diffAsset } from '../../common/inventory/diff.js';
import { matchCollection } from '../../common/inventory/match.js';
import type { DeskDatabase } from '../../renderer/db/database.js';
import { applyCollection } from '../../renderer/features/assets/asset-commands.js';
import { openAssetTestDatabase } from '../../renderer/features/assets/asset-test-db.js';

let db: DeskDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

/** The collect CLI and the app meet only through the file: write it for real, then import it. */
describe('collection file from `npm run collect`', () => {
  it('imports a file written by `npm run collect` through the same path', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'deskops-import-')), 'pc.json');
    execFileSync('node', ['build/scripts/collect.mjs', '--out', out], { encoding: 'utf8' });
    const parsed = parseCollectionFile(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.issue.message);
    db = await openAssetTestDatabase();
    const ctx = { db, user: { id: 'u-tech' }, deviceId: 'd-test', now: new Date() };
    const all = diffAsset(asset({ id: 'x' }), parsed.value).map((change) => change.field);
    const result = await applyCollection(ctx, {
      collection: parsed.value,
      source: 'file',
      match: matchCollection(parsed.value, []),
      target: { kind: 'new', contractId: 'c-anka', tag: 'ANKA-CLI', type: 'desktop' },
      accepted: all,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.asset.hostname).toBe(parsed.value.summary.hostname);
    expect(result.value.event.data['softwareCount']).toBe(parsed.value.software.length);
  });
});
