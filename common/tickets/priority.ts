import type { Level, Priority } from '../domain/vocabulary.js';

/**
 * ITIL priority matrix: urgency × impact, both 1 (high) … 3 (low).
 * 1+1 → P1, one high and one medium → P2, … both low → P5.
 */
export function priorityOf(urgency: Level, impact: Level): Priority {
  return (urgency + impact - 1) as Priority;
}
