import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from './safe-storage.js';

export interface TestSafeStorageOptions {
  /** What `getSelectedStorageBackend()` answers; `basic_text` simulates a Linux box without a keyring. */
  readonly backend?: string;
  /** What `isAsyncEncryptionAvailable()` answers. */
  readonly available?: boolean;
}

/**
 * A stand-in for Electron's `safeStorage` for unit tests and browser end-to-end tests: real
 * AES-256-GCM with a key that lives only in this process, so what reaches the disk is ciphertext
 * just as with the OS keychain. Never used by the desktop app itself.
 */
export function createTestSafeStorage(options: TestSafeStorageOptions = {}): SafeStorageLike {
  const key = randomBytes(32);
  const backend = options.backend ?? 'gnome_libsecret';
  const available = options.available ?? true;
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend,
    encryptStringAsync(plainText) {
      if (!available) return Promise.reject(new Error('encryption is not available'));
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decryptStringAsync(encrypted) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
        decipher.setAuthTag(encrypted.subarray(12, 28));
        const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
        return Promise.resolve({ result, shouldReEncrypt: false });
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}
