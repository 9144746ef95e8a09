import net from 'node:net';
import type { Sent } from './fuzz-requests.js';

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** The body's bytes as received (blobs are not text). */
  readonly bytes: Buffer;
}

export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * One request on its own connection, written byte for byte (Node's own client refuses some of what
 * a fuzzer must send, and gives up on early answers to bodies it is still writing). Reads until the
 * server closes; a live event stream counts as answered once its status line arrives. Status 0 =
 * the server closed without a word.
 */
export function exchange(url: string, request: Sent): Promise<Answer> {
  const target = new URL(url);
  let bytes: Buffer;
  if (request.endpoint === 'raw') bytes = request.body ?? Buffer.alloc(0);
  else {
    const lines = [`${request.method} ${request.path} HTTP/1.1`, `Host: ${target.host}`, 'Connection: close'];
    for (const [key, value] of Object.entries(request.headers)) lines.push(`${key}: ${value}`);
    if (request.body !== null) lines.push(`Content-Length: ${request.body.length}`);
    bytes = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), request.body ?? Buffer.alloc(0)]);
  }
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port), target.hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (answer: Answer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (answer instanceof Error) reject(answer);
      else resolve(answer);
    };
    const timer = setTimeout(() => finish(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS);
    const parse = (): Answer => {
      const text = Buffer.concat(chunks);
      const headEnd = text.indexOf('\r\n\r\n');
      const head = text.subarray(0, headEnd < 0 ? text.length : headEnd).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      let body = headEnd < 0 ? Buffer.alloc(0) : text.subarray(headEnd + 4);
      if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
        const parts: Buffer[] = [];
        for (let at = 0; at < body.length; ) {
          const lineEnd = body.indexOf('\r\n', at);
          const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
          if (!Number.isFinite(size) || size === 0 || lineEnd < 0) break;
          parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
          at = lineEnd + 2 + size + 2;
        }
        body = Buffer.concat(parts);
      }
      return { status, body: body.toString('utf8'), bytes: body };
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (request.endpoint === 'stream' && /^HTTP\/1\.[01] 200/.test(Buffer.concat(chunks).toString('latin1'))) finish({ status: 200, body: '', bytes: Buffer.alloc(0) });
    });
    // An early answer to a body still being written ends in EPIPE/ECONNRESET: the answer counts.
    socket.on('error', () => undefined);
    socket.on('close', () => finish(parse()));
    // No half-close: Node closes a connection whose client ended before the answer was ready.
    socket.write(bytes);
  });
}
