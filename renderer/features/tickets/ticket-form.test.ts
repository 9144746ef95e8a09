import { describe, expect, it } from 'vitest';
import { CONTRACT, draft } from './ticket-test-db.js';
import {
  checkForm,
  describeError,
  draftFromForm,
  emptyForm,
  formFromTicket,
  formPriority,
  keepTouched,
  touchedPatch,
  withField,
} from './ticket-form.js';
import type { Ticket } from '../../../common/schemas/tickets.js';

const lookups = {
  contracts: new Map([
    [CONTRACT.id, CONTRACT],
    ['c-remote', { ...CONTRACT, id: 'c-remote', contractId: 'c-remote', deliveryModes: ['remote' as const] }],
  ]),
  people: new Map([['p-ayse', { id: 'p-ayse', siteId: 's-ist' } as never]]),
};

describe('ticket form helpers', () => {
  it('shows the live priority once urgency and impact are set', () => {
    expect(formPriority(emptyForm())).toBe(3);
    expect(formPriority({ ...emptyForm(), urgency: '1', impact: '1' })).toBe(1);
    expect(formPriority({ ...emptyForm(), urgency: '3', impact: '3' })).toBe(5);
    expect(formPriority({ ...emptyForm(), impact: null })).toBeNull();
  });

  it('lists every missing required field at once', () => {
    const errors = checkForm({ ...emptyForm(), title: '  ' });
    expect(errors).toEqual({
      contractId: 'tickets.error.required',
      title: 'tickets.error.required',
      category: 'tickets.error.required',
    });
    expect(checkForm({ ...emptyForm('c-acme'), title: 'x', category: 'os' })).toEqual({});
  });

  it('converts to a draft the command accepts and back from a ticket', () => {
    const values = { ...emptyForm('c-acme'), title: 'VPN', category: 'os', urgency: '1' };
    expect(draftFromForm(values)).toMatchObject({ contractId: 'c-acme', urgency: 1, impact: 2, category: 'os' });
    const ticket = { ...draft(), urgency: 1, impact: 3, status: 'new' } as unknown as Ticket;
    expect(formFromTicket(ticket)).toMatchObject({ urgency: '1', impact: '3', siteId: 's-ist' });
  });

  it('clears contract-bound fields when the contract changes and fills the site from the requester', () => {
    const start = { ...emptyForm('c-acme', 'onsite'), siteId: 's-ank', requesterId: 'p-ayse', assigneeId: 'u-tech' };
    const moved = withField(start, 'contractId', 'c-remote', lookups);
    expect(moved).toMatchObject({ contractId: 'c-remote', siteId: null, requesterId: null, assigneeId: null, deliveryMode: 'remote' });
    const withRequester = withField(emptyForm('c-acme'), 'requesterId', 'p-ayse', lookups);
    expect(withRequester.siteId).toBe('s-ist');
  });

  it('keeps the fields being edited when a newer ticket arrives, and saves only those', () => {
    const fresh = { ...emptyForm('c-acme'), title: 'synced title', channel: 'email' };
    const current = { ...emptyForm('c-acme'), title: 'my title', channel: 'phone' };
    expect(keepTouched(fresh, current, new Set(['title']))).toMatchObject({ title: 'my title', channel: 'email' });
    expect(touchedPatch(current, new Set(['title']))).toEqual({ title: 'my title' });
    expect(Object.keys(touchedPatch(current, new Set(['urgency']))).sort()).toEqual(['impact', 'urgency']);
  });

  it('maps command failures to a field and a message key', () => {
    expect(describeError({ code: 'VALIDATION_FAILED', path: 'requesterId', message: '' })).toEqual({
      field: 'requesterId',
      key: 'tickets.error.requesterId',
    });
    expect(describeError({ code: 'VALIDATION_FAILED', path: 'title', message: '' })).toEqual({ field: 'title', key: 'tickets.error.invalid' });
    expect(describeError({ code: 'VALIDATION_FAILED', path: 'data.text', message: '' }).key).toBe('tickets.error.noteEmpty');
    expect(describeError({ code: 'TRANSITION_NOT_ALLOWED', path: 'status', message: '' }).key).toBe('tickets.error.transition');
    expect(describeError({ code: 'INTERNAL', path: '', message: 'disk full' })).toEqual({
      field: '',
      key: 'tickets.error.internal',
      params: { message: 'disk full' },
    });
  });
});
