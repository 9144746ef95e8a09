/**
 * The part of Electron's `safeStorage` the secret store uses (the async API; the sync one is
 * deprecated since Electron 38). Electron's object fits as is; tests pass `createTestSafeStorage`.
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which keyring Chromium picked; `basic_text` means a hard-coded key, i.e. no protection. */
  getSelectedStorageBackend?(): string;
}

/** Backends that encrypt with a key anyone can read: as good as plaintext. */
const UNPROTECTED_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

export const NO_KEYCHAIN_REASON =
  'No OS keychain (libsecret/kwallet) is available; DeskOps will not store your sign-in and will ask for it at each start.';
export const KEYCHAIN_UNAVAILABLE_REASON =
  'The OS keychain is not available; DeskOps will not store your sign-in and will ask for it at each start.';

export interface KeychainState {
  readonly backend: string;
  readonly protected: boolean;
  readonly reason: string | null;
}

/** Which keychain protects secrets on this platform, and whether it really does. */
export async function inspectKeychain(safeStorage: SafeStorageLike, platform: string): Promise<KeychainState> {
  const backend =
    platform === 'linux'
      ? (safeStorage.getSelectedStorageBackend?.() ?? 'unknown')
      : platform === 'darwin'
        ? 'keychain'
        : platform === 'win32'
          ? 'dpapi'
          : 'unknown';
  if (platform === 'linux' && UNPROTECTED_BACKENDS.has(backend)) {
    return { backend, protected: false, reason: NO_KEYCHAIN_REASON };
  }
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  if (!available) {
    return { backend, protected: false, reason: platform === 'linux' ? NO_KEYCHAIN_REASON : KEYCHAIN_UNAVAILABLE_REASON };
  }
  return { backend, protected: true, reason: null };
}
