/** Client-made identifiers: UUIDs as idempotency keys, short human references for tickets. */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O/1/I: read aloud on the phone

/** `ACME-261125-7KQ2`: contract code, device date, 4 random characters (1 in ~1M per day clash). */
export function newTicketRef(contractCode: string, now: Date): string {
  const yy = String(now.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(now.getUTCDate()).padStart(2, '0');
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(4));
  const suffix = Array.from(bytes, (b) => REF_ALPHABET[b % REF_ALPHABET.length]).join('');
  return `${contractCode}-${yy}${mm}${dd}-${suffix}`;
}
