import { useEffect, useState } from 'react';
import type { CollectionName } from '../../../common/schemas/index.js';
import type { DeskDatabase } from '../../db/database.js';

const DETAIL_ROUTES: Partial<Record<CollectionName, (id: string) => string>> = {
  tickets: (id) => `/tickets/${encodeURIComponent(id)}`,
  assets: (id) => `/assets/${encodeURIComponent(id)}`,
  conflicts: () => '/conflicts',
};

/**
 * The screen where a refused document can be corrected: its own page, or for a history entry the
 * page of what it is about. Null when no screen edits that kind of document.
 */
export async function refusedDocumentPath(db: DeskDatabase, collection: CollectionName, docId: string): Promise<string | null> {
  if (collection === 'events') {
    const event = await db.events.findOne(docId).exec();
    if (!event) return null;
    if (event.subjectType === 'ticket') return DETAIL_ROUTES.tickets?.(event.subjectId) ?? null;
    if (event.subjectType === 'asset') return DETAIL_ROUTES.assets?.(event.subjectId) ?? null;
    return null;
  }
  return DETAIL_ROUTES[collection]?.(docId) ?? null;
}

/** How the person knows the document: a ticket's reference and title, an asset's tag. */
export async function refusedDocumentLabel(db: DeskDatabase, collection: CollectionName, docId: string): Promise<string | null> {
  if (collection === 'tickets') {
    const ticket = await db.tickets.findOne(docId).exec();
    return ticket ? `${ticket.ref} · ${ticket.title}` : null;
  }
  if (collection === 'assets') return (await db.assets.findOne(docId).exec())?.tag ?? null;
  return null;
}

export function useRefusedTarget(db: DeskDatabase | null, collection: CollectionName, docId: string): { path: string | null; label: string | null } {
  const [target, setTarget] = useState<{ path: string | null; label: string | null }>({ path: null, label: null });
  useEffect(() => {
    let live = true;
    if (!db) return undefined;
    Promise.all([refusedDocumentPath(db, collection, docId), refusedDocumentLabel(db, collection, docId)])
      .then(([path, label]) => live && setTarget({ path, label }))
      .catch(() => live && setTarget({ path: null, label: null }));
    return () => {
      live = false;
    };
  }, [db, collection, docId]);
  return target;
}
