import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { BLOB_MAX_BYTES, BLOB_MIME_TYPES, isBlobMimeType, isSha256Hex, sniffImageType, type BlobPutResponse } from '../../common/blobs/blob-protocol.js';
import { canWrite } from '../../common/schemas/collections.js';
import { API_PREFIX } from '../../common/sync/protocol.js';
import type { AuthContext, AuthService } from '../auth/auth-service.js';
import { HttpError } from '../errors.js';
import type { Store } from '../store/store.js';

interface BlobRequest {
  Params: { sha256: string };
  Querystring: Record<string, string | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    blobAuth?: AuthContext;
  }
}

function shaParam(request: FastifyRequest<BlobRequest>): string {
  const sha256 = request.params.sha256;
  if (!isSha256Hex(sha256)) throw new HttpError('BAD_REQUEST', 'A blob is named by the SHA-256 of its bytes: 64 lower-case hex digits.', { path: 'sha256' });
  return sha256;
}

/**
 * Content-addressed attachments (ticket photos). `PUT /blobs/<sha256>?contract=<id>` stores the
 * bytes for one contract after checking who sends them, what they are and that they hash to their
 * name; a repeat is a no-op. `GET /blobs/<sha256>` answers the bytes when one of the user's
 * contracts holds them; otherwise 404, exactly as for a blob nobody uploaded.
 */
export function registerBlobRoutes(app: FastifyInstance, deps: { store: Store; auth: AuthService }): void {
  const { store, auth } = deps;

  // Raw bytes for the image types only; anything else never reaches the handler as a body.
  app.addContentTypeParser([...BLOB_MIME_TYPES], { parseAs: 'buffer', bodyLimit: BLOB_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.put<BlobRequest>(`${API_PREFIX}/blobs/:sha256`, {
    bodyLimit: BLOB_MAX_BYTES,
    // Who and for which contract is settled before the body is read: nobody else gets to make the
    // server buffer megabytes.
    onRequest: async (request) => {
      const context = await auth.authenticate(request.headers.authorization);
      shaParam(request);
      const contractId = request.query['contract'];
      if (!contractId) throw new HttpError('BAD_REQUEST', 'Say which contract the blob belongs to: ?contract=<contract id>.', { path: 'contract' });
      if (!canWrite(context.user.role, 'events')) throw new HttpError('ROLE_FORBIDDEN', `A ${context.user.role} may not attach files.`);
      if (!context.user.contractIds.includes(contractId)) {
        await store.audit({ event: 'sync.denied', userId: context.user.id, username: context.user.username, ip: request.ip, deviceId: context.deviceId, detail: { collection: 'blobs', code: 'NOT_FOUND', docId: contractId } });
        throw new HttpError('NOT_FOUND', `Contract "${contractId}" was not found.`, { path: 'contract' });
      }
      const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      if (!isBlobMimeType(type)) throw new HttpError('UNSUPPORTED_MEDIA_TYPE', `Only ${BLOB_MIME_TYPES.join(', ')} can be attached.`, { path: 'content-type' });
      request.blobAuth = context;
    },
  }, async (request, reply) => {
    const context = request.blobAuth;
    if (!context) throw new HttpError('INTERNAL', 'blob upload without authentication');
    const sha256 = shaParam(request);
    const contractId = request.query['contract'] ?? '';
    const declared = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    const bytes = request.body;
    if (!Buffer.isBuffer(bytes) || bytes.byteLength === 0) throw new HttpError('BAD_REQUEST', 'The blob is empty.');
    const actual = sniffImageType(bytes);
    if (!isBlobMimeType(declared) || actual !== declared) {
      throw new HttpError('UNSUPPORTED_MEDIA_TYPE', `The bytes are not a ${declared ?? 'known'} image${actual ? ` (they look like ${actual})` : ''}.`, { path: 'content-type' });
    }
    const computed = createHash('sha256').update(bytes).digest('hex');
    if (computed !== sha256) {
      throw new HttpError('BLOB_HASH_MISMATCH', `The bytes hash to ${computed}, not to the name they were sent under; nothing was stored.`, { path: 'sha256' });
    }
    const outcome = await store.putBlob({ contractId, sha256, mime: actual, data: bytes, uploadedBy: context.user.id, deviceId: context.deviceId }, new Date().toISOString());
    const answer: BlobPutResponse = { sha256, size: bytes.byteLength, mime: actual, created: outcome === 'created' };
    return reply.code(outcome === 'created' ? 201 : 200).send(answer);
  });

  app.get<BlobRequest>(`${API_PREFIX}/blobs/:sha256`, async (request, reply) => {
    const { user } = await auth.authenticate(request.headers.authorization);
    const sha256 = shaParam(request);
    const blob = await store.getBlob(sha256, user.contractIds);
    if (!blob) throw new HttpError('NOT_FOUND', `Blob ${sha256} was not found.`);
    return reply
      .type(blob.mime)
      .header('Content-Disposition', 'inline')
      .header('ETag', `"${blob.sha256}"`)
      .send(blob.data);
  });
}
