import type { Random } from '../../../sync-server/demo/random.js';

/**
 * Seeded bad input for every endpoint: random JSON, mutations of valid bodies (a field removed,
 * its type swapped, a huge or deeply nested value put in), byte-level damage (truncation, invalid
 * UTF-8, trailing garbage, BOMs), prototype-pollution keys, number literals JSON cannot hold,
 * and hostile query strings and headers.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const KEYS = ['id', 'contractId', '_deleted', 'status', 'title', 'assumedMasterState', 'newDocumentState', 'username', 'password', 'deviceId', 'refreshToken', 'data', 'hardware', 'x', '', ' ', 'ü', '$where', 'constructor', 'toString', 'hasOwnProperty'];
const STRINGS = ['', ' ', 'a', 'sup', 'demo1234', 'c-anka', 't-anka-001', 'new', 'closed', 'Ğüşıöç İ', '\u0000', '\u202e', '😀', '../../etc/passwd', "'; DROP TABLE documents; --", '<script>', '%00', 'null', 'true', '1e400', '__proto__'];
const NUMBERS = [0, -0, 1, -1, 2, 3, 1.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324, 123456789];

export function randomJson(random: Random, depth = 0): Json {
  const roll = random.int(0, depth > 3 ? 4 : 6);
  switch (roll) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick(NUMBERS);
    case 3:
      return random.pick(STRINGS);
    case 4:
      return random.chance(0.1) ? 'x'.repeat(random.int(1000, 300_000)) : `${random.pick(STRINGS)}${random.int(0, 99)}`;
    case 5:
      return Array.from({ length: random.int(0, 4) }, () => randomJson(random, depth + 1));
    default: {
      const object: Record<string, Json> = {};
      for (let i = random.int(0, 4); i > 0; i--) object[random.pick(KEYS)] = randomJson(random, depth + 1);
      return object;
    }
  }
}

/** A copy of `value` with one random place changed (removed, replaced, re-typed, blown up). */
export function mutate(random: Random, value: Json): Json {
  if (value === null || typeof value !== 'object' || random.chance(0.15)) {
    return random.chance(0.5) ? randomJson(random) : Array.isArray(value) ? {} : [value];
  }
  if (Array.isArray(value)) {
    const copy = [...value];
    if (copy.length === 0 || random.chance(0.2)) copy.push(randomJson(random));
    else {
      const index = random.int(0, copy.length - 1);
      if (random.chance(0.2)) copy.splice(index, 1);
      else copy[index] = mutate(random, copy[index] ?? null);
    }
    return copy;
  }
  const copy: Record<string, Json> = { ...value };
  const keys = Object.keys(copy);
  if (keys.length === 0 || random.chance(0.15)) copy[random.pick(KEYS)] = randomJson(random);
  else {
    const key = random.pick(keys);
    if (random.chance(0.2)) delete copy[key];
    else copy[key] = mutate(random, copy[key] ?? null);
  }
  return copy;
}

/** Deeply nested JSON text of about `levels` levels, as an object member value or an array. */
export function deepText(levels: number, asArray: boolean): string {
  return asArray ? `${'['.repeat(levels)}1${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/**
 * Text-level damage of a JSON body: things no JSON encoder produces but a broken or hostile client
 * sends. Returns bytes, because invalid UTF-8 is one of them.
 */
export function damage(random: Random, text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  switch (random.int(0, 11)) {
    case 0:
      return bytes.subarray(0, random.int(0, Math.max(0, bytes.length - 1)));
    case 1: {
      // Invalid UTF-8 inside a string value (a lone continuation byte, an overlong form, a surrogate).
      const bad = random.pick([Buffer.from([0xff]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0x80]), Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80])]);
      const quote = text.indexOf('"', random.int(0, Math.max(0, text.length - 1)));
      const at = quote < 0 ? 0 : Buffer.byteLength(text.slice(0, quote + 1), 'utf8');
      return Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at)]);
    }
    case 2:
      return Buffer.concat([bytes, Buffer.from(random.pick(['}', ']', ',', ' x', '\u0000', '{}', '[]']))]);
    case 3:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
    case 4:
      return Buffer.from(text.replace(/"(\w+)":/, '"__proto__":{"polluted":true},"$1":'), 'utf8');
    case 5:
      return Buffer.from(text.replace(/"(\w+)":/, '"constructor":{"prototype":{"polluted":true}},"$1":'), 'utf8');
    case 6: {
      // Numbers JSON.parse turns into Infinity, -0 or an imprecise double, in place of some value.
      const values = [...text.matchAll(/(:\s*)(-?\d+(\.\d+)?|"[^"]*")/g)];
      const chosen = values.length > 0 ? random.pick(values) : undefined;
      if (!chosen || chosen.index === undefined) return bytes;
      const literal = random.pick(['1e400', '-1e400', '-0', '123456789012345678901234567890', '1.0000000000000000001', '0.1e-400']);
      return Buffer.from(`${text.slice(0, chosen.index)}${chosen[1] ?? ':'}${literal}${text.slice(chosen.index + chosen[0].length)}`, 'utf8');
    }
    case 7:
      return Buffer.from(text.replace(/"(\w+)":("[^"]*"|\d+|true|false|null)/, '"$1":$2,"$1":$2'), 'utf8');
    case 8:
      return Buffer.from(text.replace(/("hardware"|"data"):\s*\{[^}]*\}/, `$1:${deepText(random.int(1_000, 200_000), false)}`), 'utf8');
    case 9:
      return Buffer.from(`${deepText(random.int(1_000, 400_000), true)}`, 'utf8');
    case 10:
      return Buffer.from(text.replace(/"/g, "'"), 'utf8');
    default:
      return Buffer.from(random.pick(['', ' ', 'null', '0', '"x"', 'true', '{', '[', 'undefined', 'NaN', '{"a":1}{"b":2}']), 'utf8');
  }
}

/**
 * An otherwise valid push body with one free-form value (an asset's `hardware`) replaced by
 * something JSON text can say but a document cannot hold: a number beyond double range, nesting
 * thousands of levels deep, a lone surrogate, or bytes that are not UTF-8.
 */
export function poisonFreeForm(random: Random, text: string): Buffer {
  const match = /"hardware":\{[^{}]*\}/.exec(text);
  if (!match || match.index === undefined) return Buffer.from(text, 'utf8');
  const before = Buffer.from(`${text.slice(0, match.index)}"hardware":`, 'utf8');
  const after = Buffer.from(text.slice(match.index + match[0].length), 'utf8');
  const levels = random.int(40, 300_000);
  const value = random.pick<Buffer>([
    Buffer.from(`{"memoryGb":${random.pick(['1e400', '-1e400', '1e309'])}}`),
    Buffer.from(`{"cpu":${deepText(levels, random.chance(0.5))}}`),
    Buffer.from(deepText(levels, false)),
    Buffer.from('{"cpu":"\\ud800"}'),
    Buffer.concat([Buffer.from('{"cpu":"Intel'), Buffer.from(random.pick([[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80, 0x80]])), Buffer.from('"}')]),
  ]);
  return Buffer.concat([before, value, after]);
}

export const QUERY_VALUES = ['', '-1', '0', '1', '1.5', '1e3', 'abc', '99999999999999999999', '9007199254740993', ' 1', '0x10', '%zz', '%00', '☃', 'x'.repeat(5000)];

export function randomQuery(random: Random, keys: readonly string[]): string {
  const parts: string[] = [];
  for (let i = random.int(0, 4); i > 0; i--) {
    const key = random.chance(0.8) ? random.pick(keys) : random.pick(['x', '__proto__', 'constructor[prototype][x]', 'limit[]', '%zz', '']);
    const value = random.pick(QUERY_VALUES);
    parts.push(`${key}=${random.chance(0.7) ? encodeURIComponent(value) : value}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : random.pick(['', '?', '??', '?&&', '?=']);
}

export function randomAuthorization(random: Random, valid: string): string | undefined {
  const [header, payload, signature] = valid.split('.');
  switch (random.int(0, 9)) {
    case 0:
      return undefined;
    case 1:
      return 'Bearer';
    case 2:
      return `Bearer ${valid}x`;
    case 3:
      return `Basic ${Buffer.from('sup:demo1234').toString('base64')}`;
    case 4:
      // alg none with the same claims.
      return `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload ?? ''}.`;
    case 5:
      return `Bearer ${header ?? ''}.${Buffer.from('{"sub":"u-admin","did":"x","aud":"deskops-sync","iss":"deskops","exp":99999999999}').toString('base64url')}.${signature ?? ''}`;
    case 6:
      return `Bearer ${'A'.repeat(random.int(100, 7000))}`;
    case 7:
      return random.pick(['bearer  ', 'Bearer null', 'Bearer undefined', 'Bearer a.b.c', 'Bearer ..', '\t']);
    default:
      return `Bearer ${valid}`;
  }
}
