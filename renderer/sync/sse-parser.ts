import { COLLECTION_NAMES } from '../../common/schemas/index.js';
import type { StreamMessage } from '../../common/sync/protocol.js';

/** Validates one `data:` payload; anything unknown is ignored rather than trusted. */
export function parseStreamMessage(data: string): StreamMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'hello':
      return typeof message.serverTime === 'string' ? { type: 'hello', serverTime: message.serverTime } : null;
    case 'resync':
      return { type: 'resync' };
    case 'change': {
      const collection = COLLECTION_NAMES.find((name) => name === message.collection);
      if (!collection || typeof message.seq !== 'number') return null;
      return { type: 'change', collection, seq: message.seq };
    }
    default:
      return null;
  }
}

/**
 * Incremental server-sent-events parser (WHATWG rules that matter here): lines end in LF, CRLF or
 * CR; `data:` lines of one event are joined by LF; a blank line ends the event; `:` lines are
 * comments (keep-alives). Chunks may split anywhere, including between CR and LF.
 */
export function createSseParser(onMessage: (message: StreamMessage) => void): { push: (chunk: string) => void } {
  let buffer = '';
  let data: string[] = [];
  let skipLeadingLf = false;

  const dispatch = () => {
    if (data.length === 0) return;
    const message = parseStreamMessage(data.join('\n'));
    data = [];
    if (message) onMessage(message);
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
  };

  return {
    push(chunk: string) {
      buffer += chunk;
      if (skipLeadingLf && buffer.startsWith('\n')) buffer = buffer.slice(1);
      skipLeadingLf = false;
      let match: RegExpExecArray | null;
      const endOfLine = /\r\n|\r|\n/g;
      let consumed = 0;
      while ((match = endOfLine.exec(buffer)) !== null) {
        // A CR at the very end may be the first half of CRLF: treat it as a line end, skip the LF later.
        if (match[0] === '\r' && match.index === buffer.length - 1) skipLeadingLf = true;
        line(buffer.slice(consumed, match.index));
        consumed = match.index + match[0].length;
      }
      buffer = buffer.slice(consumed);
    },
  };
}
