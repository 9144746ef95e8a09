import { describe, expect, it } from 'vitest';
import { canTransition } from '../../common/tickets/status-machine.js';
import { TICKET_STATUSES, type TicketStatus } from '../../common/domain/vocabulary.js';
import { validateDocument } from '../../common/validation/validate.js';
import { ALL_DEMO_CONTRACT_IDS, DEMO_USERS } from './accounts.js';
import { buildDemoDocuments } from './seed.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('demo data', () => {
  const docs = buildDemoDocuments(NOW);

  it('is valid against the shared schemas', () => {
    for (const [collection, list] of Object.entries(docs) as [keyof typeof docs, readonly { id: string }[]][]) {
      for (const doc of list) expect({ id: doc.id, result: validateDocument(collection, doc) }).toEqual({ id: doc.id, result: { ok: true } });
    }
  });

  it('has the promised shape: 3 contracts, 40 tickets over every status, 10 assets per contract', () => {
    expect(docs.contracts.map((doc) => doc['code'])).toEqual(['ANKA', 'BOGAZ', 'MERKEZ']);
    expect(docs.contracts.map((doc) => doc.id)).toEqual(ALL_DEMO_CONTRACT_IDS);
    expect(docs.tickets).toHaveLength(40);
    expect(new Set(docs.tickets.map((doc) => doc['status']))).toEqual(new Set(TICKET_STATUSES));
    for (const contractId of ALL_DEMO_CONTRACT_IDS) {
      expect(docs.assets.filter((doc) => doc.contractId === contractId)).toHaveLength(10);
    }
    expect(docs.tickets[0]?.id).toBe('t-anka-001');
    const zones = docs.contracts.flatMap((doc) => (doc['sites'] as { timeZone: string }[]).map((site) => site.timeZone));
    expect(zones).toContain('Europe/Berlin');
  });

  it('is deterministic except for timestamps', () => {
    const later = buildDemoDocuments(NOW + 86_400_000);
    const strip = (list: readonly Record<string, unknown>[]) => list.map(({ updatedAt: _u, createdAt: _c, at: _a, ref: _r, ...rest }) => rest);
    expect(strip(later.tickets)).toEqual(strip(docs.tickets));
    expect(strip(later.events)).toEqual(strip(docs.events));
  });

  it('tells each ticket\'s story with legal transitions that end in its status', () => {
    for (const ticket of docs.tickets) {
      const events = docs.events.filter((event) => event['subjectId'] === ticket.id);
      expect(events[0]?.['type']).toBe('ticket.created');
      let status: TicketStatus = 'new';
      for (const event of events.filter((e) => e['type'] === 'ticket.status')) {
        const data = event['data'] as { from: TicketStatus; to: TicketStatus };
        expect(data.from).toBe(status);
        expect(canTransition(data.from, data.to)).toBe(true);
        status = data.to;
      }
      expect(status).toBe(ticket['status']);
      expect(events.every((event) => Date.parse(String(event['at'])) <= NOW)).toBe(true);
      expect(events.at(-1)?.['at']).toBe(ticket['updatedAt']);
    }
  });

  it('only assigns tickets to users who serve the contract', () => {
    for (const ticket of docs.tickets) {
      if (ticket['assigneeId'] === null) continue;
      const user = DEMO_USERS.find((candidate) => candidate.id === ticket['assigneeId']);
      expect(user?.contractIds).toContain(ticket.contractId);
    }
  });
});
