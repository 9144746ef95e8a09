import { API_PREFIX } from '../sync/protocol.js';

/**
 * Binary attachments (photos on tickets) travel apart from the JSON documents: an event names a
 * blob by the SHA-256 of its bytes, and the bytes go to `PUT /api/v1/blobs/<sha256>`. The name
 * is the content, so a retried upload can never make a second copy, and the server can check
 * what it receives against the name.
 */

/** Largest blob the server accepts (a phone photo is 2–6 MB; the camera path stores ~0.5 MB). */
export const BLOB_MAX_BYTES = 10 * 1024 * 1024;

export const BLOB_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type BlobMimeType = (typeof BLOB_MIME_TYPES)[number];

export function isBlobMimeType(value: unknown): value is BlobMimeType {
  return typeof value === 'string' && (BLOB_MIME_TYPES as readonly string[]).includes(value);
}

/** 64 lower-case hex digits: how every blob is named. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

export const blobPaths = {
  /** `PUT ?contract=<contractId>` uploads; `GET` reads (authorised by the user's contracts). */
  blob: (sha256: string) => `${API_PREFIX}/blobs/${sha256}`,
} as const;

/** What the server answers to an accepted upload (201 new, 200 already there). */
export interface BlobPutResponse {
  readonly sha256: string;
  readonly size: number;
  readonly mime: BlobMimeType;
  readonly created: boolean;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

/**
 * The image type the bytes really are, from their magic numbers; null for anything else. The
 * declared type is never trusted alone: a "PNG" that is an HTML page must not be stored.
 */
export function sniffImageType(bytes: Uint8Array): BlobMimeType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** SHA-256 of the bytes as lower-case hex, with WebCrypto (browser and Node 20 both have it). */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // A copy into a plain ArrayBuffer: digest() refuses views over SharedArrayBuffer.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', view.slice().buffer);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
