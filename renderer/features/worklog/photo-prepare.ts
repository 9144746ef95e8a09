import { BLOB_MAX_BYTES, sha256Hex, sniffImageType, type BlobMimeType } from '../../../common/blobs/blob-protocol.js';

/** A photo ready to store: its bytes, their name (SHA-256) and what the event records about it. */
export interface PreparedPhoto {
  readonly bytes: Blob;
  readonly sha256: string;
  readonly mime: BlobMimeType;
  readonly size: number;
  readonly width: number | null;
  readonly height: number | null;
}

export type PhotoProblem = 'not_image' | 'too_large' | 'unreadable';

export class PhotoError extends Error {
  constructor(readonly problem: PhotoProblem) {
    super(problem);
    this.name = 'PhotoError';
  }
}

/** Longest side kept when a picture has to be made smaller to fit the upload limit. */
const MAX_SIDE = 2560;
const JPEG_QUALITY = 0.85;

async function dimensions(blob: Blob): Promise<{ width: number; height: number } | null> {
  if (typeof createImageBitmap !== 'function') return null;
  try {
    const bitmap = await createImageBitmap(blob);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}

/** Re-encodes a picture as JPEG with its longest side at most MAX_SIDE (only when it is too big). */
async function shrink(blob: Blob): Promise<Blob> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') throw new PhotoError('too_large');
  const bitmap = await createImageBitmap(blob).catch(() => {
    throw new PhotoError('unreadable');
  });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvasToJpeg(canvas);
}

export function canvasToJpeg(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((out) => (out ? resolve(out) : reject(new PhotoError('unreadable'))), 'image/jpeg', JPEG_QUALITY));
}

/**
 * Bytes → a stored photo. The type comes from the bytes themselves (never the file name), the
 * name from their hash; a picture over the upload limit is made smaller first.
 */
export async function preparePhoto(input: Blob): Promise<PreparedPhoto> {
  let blob = input;
  let bytes = new Uint8Array(await blob.arrayBuffer());
  if (!sniffImageType(bytes)) throw new PhotoError('not_image');
  if (bytes.byteLength > BLOB_MAX_BYTES) {
    blob = await shrink(blob);
    bytes = new Uint8Array(await blob.arrayBuffer());
    if (bytes.byteLength > BLOB_MAX_BYTES) throw new PhotoError('too_large');
  }
  const mime = sniffImageType(bytes);
  if (!mime) throw new PhotoError('not_image');
  const typed = new Blob([bytes], { type: mime });
  const size = await dimensions(typed);
  return { bytes: typed, sha256: await sha256Hex(bytes), mime, size: bytes.byteLength, width: size?.width ?? null, height: size?.height ?? null };
}
