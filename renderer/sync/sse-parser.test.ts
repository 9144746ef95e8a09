import { describe, expect, it } from 'vitest';
import type { StreamMessage } from '../../common/sync/protocol.js';
import { createSseParser, parseStreamMessage } from './sse-parser.js';

function collect(chunks: string[]): StreamMessage[] {
  const messages: StreamMessage[] = [];
  const parser = createSseParser((message) => messages.push(message));
  for (const chunk of chunks) parser.push(chunk);
  return messages;
}

describe('SSE parser', () => {
  it('parses events separated by blank lines, ignoring comments and other fields', () => {
    const text =
      ': keep-alive\n\n' +
      'event: message\nid: 7\ndata: {"type":"hello","serverTime":"2026-11-25T10:00:00Z"}\n\n' +
      'data: {"type":"change","collection":"tickets","seq":42}\n\n' +
      'data:{"type":"resync"}\n\n';
    expect(collect([text])).toEqual([
      { type: 'hello', serverTime: '2026-11-25T10:00:00Z' },
      { type: 'change', collection: 'tickets', seq: 42 },
      { type: 'resync' },
    ]);
  });

  it('handles chunks split anywhere, including inside CRLF', () => {
    const text = 'data: {"type":"change","collection":"assets","seq":1}\r\n\r\ndata: {"type":"resync"}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(collect([text.slice(0, cut), text.slice(cut)])).toEqual([{ type: 'change', collection: 'assets', seq: 1 }, { type: 'resync' }]);
    }
    expect(collect(text.split(''))).toHaveLength(2);
  });

  it('joins multi-line data and waits for the blank line before dispatching', () => {
    const messages: StreamMessage[] = [];
    const parser = createSseParser((message) => messages.push(message));
    parser.push('data: {"type":\ndata: "resync"}\n');
    expect(messages).toEqual([]);
    parser.push('\n');
    expect(messages).toEqual([{ type: 'resync' }]);
  });

  it('drops malformed or unknown messages instead of trusting them', () => {
    expect(parseStreamMessage('not json')).toBeNull();
    expect(parseStreamMessage('{"type":"change","collection":"secrets","seq":1}')).toBeNull();
    expect(parseStreamMessage('{"type":"change","collection":"tickets"}')).toBeNull();
    expect(parseStreamMessage('{"type":"shutdown"}')).toBeNull();
    expect(collect(['data: nope\n\ndata: {"type":"resync"}\n\n'])).toEqual([{ type: 'resync' }]);
  });
});
