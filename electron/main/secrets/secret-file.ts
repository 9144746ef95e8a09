import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SECRET_NAMES, type SecretName } from '../../../common/ipc/types.js';

/** What lies on disk: base64 of the keychain-encrypted bytes, never the secret itself. */
export type EncryptedSecrets = Partial<Record<SecretName, string>>;

interface SecretFileBody {
  readonly version: 1;
  readonly secrets: EncryptedSecrets;
}

function isSecretName(value: string): value is SecretName {
  return (SECRET_NAMES as readonly string[]).includes(value);
}

function parse(text: string): EncryptedSecrets {
  const body = JSON.parse(text) as Partial<SecretFileBody> | null;
  const secrets: Record<string, unknown> = typeof body?.secrets === 'object' && body.secrets !== null ? body.secrets : {};
  const result: EncryptedSecrets = {};
  for (const [name, blob] of Object.entries(secrets)) {
    if (isSecretName(name) && typeof blob === 'string') result[name] = blob;
  }
  return result;
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Reads the file; a missing file is empty, an unreadable one is set aside (kept, not overwritten). */
export async function readSecretFile(filePath: string): Promise<EncryptedSecrets> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return {};
    throw error;
  }
  try {
    return parse(text);
  } catch {
    await rename(filePath, `${filePath}.unreadable-${Date.now()}`);
    return {};
  }
}

/** Replaces the file atomically: a crash leaves either the old or the new file, never half of one. */
export async function writeSecretFile(filePath: string, secrets: EncryptedSecrets): Promise<void> {
  await mkdir(dirname(filePath), { recursive: true, mode: 0o700 });
  const body: SecretFileBody = { version: 1, secrets };
  const temp = `${filePath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(body, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
