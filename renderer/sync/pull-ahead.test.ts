import { describe, expect, it } from 'vitest';
import { PullAhead } from './pull-ahead.js';

describe('PullAhead', () => {
  const fetched = (label: string) => () => Promise.resolve(label);

  it('hands the page fetched ahead to the next pull from exactly that checkpoint, once', async () => {
    const ahead = new PullAhead<string>();
    ahead.start({ seq: 400, scope: 's' }, 400, fetched('ahead'));
    expect(await ahead.take({ seq: 400, scope: 's' }, 400, fetched('fresh'))).toBe('ahead');
    expect(await ahead.take({ seq: 400, scope: 's' }, 400, fetched('fresh'))).toBe('fresh');
  });

  it('fetches anew for another checkpoint, another batch size or a stale page, and drops the one ahead', async () => {
    let clock = 0;
    const ahead = new PullAhead<string>(10_000, () => clock);
    ahead.start({ seq: 400, scope: 's' }, 400, fetched('ahead'));
    expect(await ahead.take({ seq: 0, scope: 's' }, 400, fetched('fresh'))).toBe('fresh');
    expect(await ahead.take({ seq: 400, scope: 's' }, 400, fetched('fresh'))).toBe('fresh');
    ahead.start({ seq: 400, scope: 's' }, 400, fetched('ahead'));
    expect(await ahead.take({ seq: 400, scope: 's' }, 1000, fetched('fresh'))).toBe('fresh');
    ahead.start({ seq: 400, scope: 's' }, 400, fetched('ahead'));
    clock = 10_001;
    expect(await ahead.take({ seq: 400, scope: 's' }, 400, fetched('fresh'))).toBe('fresh');
  });

  it('a failed fetch ahead fails only the pull that takes it; the retry fetches anew', async () => {
    const ahead = new PullAhead<string>();
    ahead.start(undefined, 400, () => Promise.reject(new Error('offline')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(ahead.take(undefined, 400, fetched('fresh'))).rejects.toThrow('offline');
    expect(await ahead.take(undefined, 400, fetched('fresh'))).toBe('fresh');
  });
});
