import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy does with one request: how often the server gets it, and whether the client hears back. */
export interface Delivery {
  /** 1 = normal; 2–3 = the same bytes reach the server again (a retry the client never made). */
  readonly times: number;
  /** Duplicates sent at once instead of one after the other (they then race inside the server). */
  readonly parallel: boolean;
  /** The server answers, the client never hears it (connection cut after the server replied). */
  readonly dropReply: boolean;
}

export const NORMAL: Delivery = { times: 1, parallel: false, dropReply: false };

/** A push the server answered 200 and the client received: its rows minus the conflicting ones are acknowledged. */
export interface PushAck {
  readonly collection: string;
  readonly rows: readonly { assumedMasterState?: Record<string, unknown> | null; newDocumentState: Record<string, unknown> }[];
  readonly conflicts: readonly Record<string, unknown>[];
}

export interface ProxyCounts {
  requests: number;
  /** Token refreshes the device asked for, and answers that said its token was not accepted. */
  refreshes: number;
  unauthorized: number;
  duplicates: number;
  droppedReplies: number;
  refusedConnections: number;
}

interface Upstream {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

const PUSH_PATH = /^\/api\/v1\/sync\/([^/?]+)\/push(?:\?|$)/;
const STREAM_PATH = /^\/api\/v1\/sync\/stream(?:\?|$)/;

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * A small fault-injecting HTTP proxy on 127.0.0.1 in front of a real sync server, one per
 * simulated device: "offline" refuses and cuts every connection (like a dropped network, SSE
 * included), and a per-request `Delivery` duplicates requests towards the server and drops
 * replies towards the client. It also records every push reply the client actually received.
 */
export class FaultProxy {
  readonly acks: PushAck[] = [];
  readonly counts: ProxyCounts = { requests: 0, refreshes: 0, unauthorized: 0, duplicates: 0, droppedReplies: 0, refusedConnections: 0 };
  private online = true;
  private readonly sockets = new Set<Socket>();
  private readonly server: http.Server;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private target: URL;

  constructor(
    target: string,
    private readonly plan: (method: string, path: string) => Delivery = () => NORMAL,
  ) {
    this.target = new URL(target);
    this.server = http.createServer((request, response) => void this.handle(request, response));
    this.server.on('connection', (socket: Socket) => {
      if (!this.online) {
        this.counts.refusedConnections++;
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Point at another server address (a restarted server listens on a new port). */
  retarget(target: string): void {
    this.target = new URL(target);
    this.agent.destroy();
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** Offline cuts every open connection now, including streams and requests in flight. */
  setOnline(online: boolean): void {
    this.online = online;
    if (!online) for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.setOnline(false);
    this.agent.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    this.counts.requests++;
    const path = request.url ?? '/';
    if (path.startsWith('/api/v1/auth/refresh')) this.counts.refreshes++;
    try {
      const body = await readBody(request);
      if (STREAM_PATH.test(path)) {
        this.pipeStream(request, response, body);
        return;
      }
      const delivery = this.plan(request.method ?? 'GET', path);
      const times = Math.max(1, delivery.times);
      this.counts.duplicates += times - 1;
      const send = () => this.forward(request, body);
      let answers: Upstream[];
      if (delivery.parallel) {
        answers = await Promise.all(Array.from({ length: times }, send));
      } else {
        answers = [];
        for (let i = 0; i < times; i++) answers.push(await send());
      }
      const answer = answers[0] as Upstream;
      if (answer.status === 401) this.counts.unauthorized++;
      if (delivery.dropReply || !this.online) {
        this.counts.droppedReplies++;
        request.socket.destroy();
        return;
      }
      this.recordAck(request.method ?? 'GET', path, body, answer);
      response.writeHead(answer.status, withoutHopHeaders(answer.headers));
      response.end(answer.body);
    } catch {
      // The server is gone (killed, restarting) or the client went away: like a broken network.
      request.socket.destroy();
    }
  }

  private forward(request: http.IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const upstream = http.request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: request.method,
          path: request.url,
          headers: { ...withoutHopHeaders(request.headers), host: this.target.host, 'content-length': String(body.length) },
          agent: this.agent,
        },
        (reply) => {
          const chunks: Buffer[] = [];
          reply.on('data', (chunk: Buffer) => chunks.push(chunk));
          reply.on('end', () => resolve({ status: reply.statusCode ?? 502, headers: reply.headers, body: Buffer.concat(chunks) }));
          reply.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  private pipeStream(request: http.IncomingMessage, response: http.ServerResponse, body: Buffer): void {
    const upstream = http.request(
      {
        host: this.target.hostname,
        port: this.target.port,
        method: request.method,
        path: request.url,
        headers: { ...withoutHopHeaders(request.headers), host: this.target.host },
      },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, withoutHopHeaders(reply.headers));
        reply.pipe(response);
        reply.on('error', () => request.socket.destroy());
      },
    );
    upstream.on('error', () => request.socket.destroy());
    request.socket.on('close', () => upstream.destroy());
    upstream.end(body);
  }

  private recordAck(method: string, path: string, body: Buffer, answer: Upstream): void {
    const match = PUSH_PATH.exec(path);
    if (method !== 'POST' || !match || answer.status !== 200) return;
    try {
      const rows = JSON.parse(body.toString('utf8')) as PushAck['rows'];
      const conflicts = JSON.parse(answer.body.toString('utf8')) as PushAck['conflicts'];
      if (Array.isArray(rows) && Array.isArray(conflicts)) this.acks.push({ collection: decodeURIComponent(match[1] ?? ''), rows, conflicts });
    } catch {
      // Not a push body we understand (a fuzz case): nothing was acknowledged.
    }
  }
}

const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function withoutHopHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [key, value] of Object.entries(headers)) if (!HOP_HEADERS.has(key.toLowerCase()) && value !== undefined) out[key] = value;
  return out;
}

/** The rows of received push replies the server did not list as conflicts: what the client may consider stored. */
export function acknowledgedRows(acks: readonly PushAck[]): { collection: string; state: Record<string, unknown> }[] {
  const out: { collection: string; state: Record<string, unknown> }[] = [];
  for (const ack of acks) {
    const conflicted = new Set(ack.conflicts.map((doc) => String(doc['id'])));
    for (const row of ack.rows) {
      if (!conflicted.has(String(row.newDocumentState['id']))) out.push({ collection: ack.collection, state: row.newDocumentState });
    }
  }
  return out;
}
