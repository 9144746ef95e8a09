import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES } from '../domain/vocabulary.js';
import { priorityOf } from './priority.js';
import { allowedTransitions, canReach, canTransition, checkStatusChange, isFinal, isReopen } from './status-machine.js';

describe('ticket status machine', () => {
  it('follows the lifecycle New → Assigned → In progress ⇄ Waiting → Resolved → Closed', () => {
    expect(canTransition('new', 'assigned')).toBe(true);
    expect(canTransition('assigned', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'waiting')).toBe(true);
    expect(canTransition('waiting', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'resolved')).toBe(true);
    expect(canTransition('resolved', 'closed')).toBe(true);
  });

  it('refuses to leave a final state and to skip reopen', () => {
    expect(canTransition('closed', 'in_progress')).toBe(false);
    expect(canTransition('cancelled', 'new')).toBe(false);
    expect(canTransition('new', 'resolved')).toBe(false);
    expect(isFinal('closed')).toBe(true);
    expect(isReopen('resolved', 'in_progress')).toBe(true);
  });

  it('only lists reachable statuses, never the current one', () => {
    for (const status of TICKET_STATUSES) expect(allowedTransitions(status)).not.toContain(status);
  });

  it('requires a waiting reason exactly when waiting', () => {
    expect(checkStatusChange({ from: 'in_progress', to: 'waiting', waitingReason: null })).toBe('waiting_reason_required');
    expect(checkStatusChange({ from: 'in_progress', to: 'waiting', waitingReason: 'parts' })).toBeNull();
    expect(checkStatusChange({ from: 'waiting', to: 'in_progress', waitingReason: 'user' })).toBe('waiting_reason_unexpected');
    expect(checkStatusChange({ from: 'closed', to: 'in_progress', waitingReason: null })).toBe('not_allowed');
  });
});

describe('canReach', () => {
  it('accepts several offline steps pushed as one jump, never out of a final status', () => {
    // Taken offline (assigned), worked, paused, resumed and resolved before the next push.
    expect(canReach('assigned', 'resolved')).toBe(true);
    expect(canReach('new', 'closed')).toBe(true);
    expect(canReach('waiting', 'assigned')).toBe(true);
    expect(canReach('resolved', 'resolved')).toBe(true);
    expect(canReach('closed', 'in_progress')).toBe(false);
    expect(canReach('cancelled', 'new')).toBe(false);
  });
});

describe('priorityOf', () => {
  it('maps urgency × impact onto P1…P5', () => {
    expect(priorityOf(1, 1)).toBe(1);
    expect(priorityOf(1, 2)).toBe(2);
    expect(priorityOf(2, 1)).toBe(2);
    expect(priorityOf(2, 2)).toBe(3);
    expect(priorityOf(3, 2)).toBe(4);
    expect(priorityOf(3, 3)).toBe(5);
  });
});
