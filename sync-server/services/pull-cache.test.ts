import { describe, expect, it } from 'vitest';
import { PullCache } from './pull-cache.js';

describe('PullCache', () => {
  const key = (counter: number, contractIds = ['c-b', 'c-a']) => PullCache.key({ collection: 'tickets', contractIds, since: 10, limit: 200, counter });

  it('keys by collection, the set of contracts, checkpoint, limit and the committed counter', () => {
    expect(key(5)).toBe(key(5, ['c-a', 'c-b']));
    expect(key(5)).not.toBe(key(6));
    expect(key(5)).not.toBe(key(5, ['c-a']));
  });

  it('drops the least recently used answers past its entry and byte limits', () => {
    const cache = new PullCache(2, 10);
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    expect(cache.get('a')).toBe('aaaa');
    cache.set('c', 'cccc');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['aaaa', undefined, 'cccc']);
    cache.set('d', 'dddddddd');
    expect(cache.size).toBe(1);
    expect(cache.get('d')).toBe('dddddddd');
    cache.set('huge', 'x'.repeat(11));
    expect(cache.get('huge')).toBeUndefined();
  });
});
