import { describe, expect, it } from 'vitest';
import { isSha256Hex, sha256Hex, sniffImageType } from './blob-protocol.js';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (char) => char.charCodeAt(0));

describe('blob naming', () => {
  it('hashes with SHA-256 as lower-case hex (FIPS 180-2 test vectors)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // A view into a larger buffer hashes only its own bytes.
    const padded = new Uint8Array(PNG.length + 8);
    padded.set(PNG, 4);
    expect(await sha256Hex(padded.subarray(4, 4 + PNG.length))).toBe(await sha256Hex(PNG));
    expect(isSha256Hex(await sha256Hex(PNG))).toBe(true);
    expect(isSha256Hex('A'.repeat(64))).toBe(false);
  });

  it('tells images by their bytes, not by what they claim', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WAVEfmt '))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
