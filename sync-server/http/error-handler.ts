import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../common/errors.js';
import { HttpError } from '../errors.js';
import { isApiUrl } from './security-headers.js';

interface FrameworkError {
  code?: unknown;
  statusCode?: unknown;
  validation?: unknown;
  message?: unknown;
}

/** Maps framework errors (body too large, bad JSON, …) to our codes; never leaks stacks or internals. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const fw = (typeof error === 'object' && error !== null ? error : {}) as FrameworkError;
  const status = typeof fw.statusCode === 'number' ? fw.statusCode : 500;
  if (fw.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return new HttpError('BODY_TOO_LARGE', 'The request body is too large.');
  }
  if (status === 404) return new HttpError('NOT_FOUND', 'Not found.');
  if (status === 429) return new HttpError('RATE_LIMITED', 'Too many requests. Wait a moment and try again.');
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx messages describe the request (e.g. "Body is not valid JSON"), not the server.
    const message = typeof fw.message === 'string' && fw.message.length < 300 ? fw.message : 'Bad request.';
    return new HttpError('BAD_REQUEST', message);
  }
  return new HttpError('INTERNAL', 'Something went wrong on the server. Try again later.');
}

/**
 * Answers a request Node's HTTP parser could not read (garbage bytes, oversized headers, a broken
 * request line, a client too slow to send one) in the API's own format, `400 { code, message }`,
 * instead of Fastify's default body without a code. Nothing was routed, so nothing ran.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const message =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'The request headers are too large.'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'The request did not arrive in time.'
        : 'The request is not valid HTTP.';
  const body = JSON.stringify(new HttpError('BAD_REQUEST', message).toBody());
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

function send(reply: FastifyReply, error: HttpError): FastifyReply {
  const body: ErrorBody = error.toBody();
  return reply.code(error.statusCode).headers(error.headers).type('application/json; charset=utf-8').send(body);
}

export function registerErrorHandling(
  app: FastifyInstance,
  notFound: (request: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  app.setErrorHandler((error, request, reply) => {
    const mapped = toHttpError(error);
    if (mapped.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.debug({ code: mapped.code }, 'request refused');
    return send(reply, mapped);
  });
  app.setNotFoundHandler((request, reply) => {
    if (!isApiUrl(request.url) && notFound(request, reply)) return reply;
    return send(reply, new HttpError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}.`));
  });
}
