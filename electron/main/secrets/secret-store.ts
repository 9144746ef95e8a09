import { fail, ok, type Result } from '../../../common/errors.js';
import type { IpcError } from '../../../common/ipc/contract.js';
import type { SecretName, SecretsStatus } from '../../../common/ipc/types.js';
import { inspectKeychain, type SafeStorageLike } from './safe-storage.js';
import { readSecretFile, writeSecretFile, type EncryptedSecrets } from './secret-file.js';

export interface SecretStore {
  status(): Promise<SecretsStatus>;
  get(name: SecretName): Promise<Result<string | null, IpcError>>;
  set(name: SecretName, value: string): Promise<Result<null, IpcError>>;
  delete(name: SecretName): Promise<Result<null, IpcError>>;
}

export interface SecretStoreOptions {
  /** Electron's `safeStorage` in the app, `createTestSafeStorage()` in tests. */
  readonly safeStorage: SafeStorageLike;
  /** The JSON file holding encrypted blobs, e.g. `<userData>/secrets.json`. */
  readonly filePath: string;
  /** `process.platform`; decides how the keychain backend is named and judged. */
  readonly platform?: string;
}

/**
 * Secrets encrypted by the OS keychain through `safeStorage`, kept as base64 in one JSON file.
 * Where the keychain gives no real protection (Linux `basic_text`, or none at all) nothing is
 * stored: `set` and `get` answer KEYRING_UNAVAILABLE and the user signs in at each start.
 */
export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const { safeStorage, filePath } = options;
  const platform = options.platform ?? process.platform;
  // Read-modify-write of one file: run operations one after another so none loses another's change.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function unavailable(): Promise<IpcError | null> {
    const state = await inspectKeychain(safeStorage, platform);
    return state.protected ? null : { code: 'KEYRING_UNAVAILABLE', message: state.reason ?? 'No OS keychain is available.' };
  }

  async function update(change: (secrets: EncryptedSecrets) => boolean): Promise<void> {
    const secrets = await readSecretFile(filePath);
    if (change(secrets)) await writeSecretFile(filePath, secrets);
  }

  return {
    async status() {
      const state = await inspectKeychain(safeStorage, platform);
      return { protected: state.protected, backend: state.backend, reason: state.reason };
    },

    get: (name) =>
      serial(async () => {
        const problem = await unavailable();
        if (problem) return fail(problem);
        const blob = (await readSecretFile(filePath))[name];
        if (blob === undefined) return ok(null);
        let decrypted: { result: string; shouldReEncrypt: boolean };
        try {
          decrypted = await safeStorage.decryptStringAsync(Buffer.from(blob, 'base64'));
        } catch {
          // Kept on disk: a locked or changed keyring may come back, and `db.key` guards local data.
          return fail({ code: 'KEYRING_UNAVAILABLE', message: `The stored ${name} could not be decrypted by the OS keychain.` });
        }
        if (decrypted.shouldReEncrypt) {
          const fresh = (await safeStorage.encryptStringAsync(decrypted.result)).toString('base64');
          await update((secrets) => {
            secrets[name] = fresh;
            return true;
          });
        }
        return ok(decrypted.result);
      }),

    set: (name, value) =>
      serial(async () => {
        const problem = await unavailable();
        if (problem) return fail(problem);
        const blob = (await safeStorage.encryptStringAsync(value)).toString('base64');
        await update((secrets) => {
          secrets[name] = blob;
          return true;
        });
        return ok(null);
      }),

    // Forgetting needs no keychain, so sign-out works even where storing does not.
    delete: (name) =>
      serial(async () => {
        await update((secrets) => {
          if (!(name in secrets)) return false;
          delete secrets[name];
          return true;
        });
        return ok(null);
      }),
  };
}
