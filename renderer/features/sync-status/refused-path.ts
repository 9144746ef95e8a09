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

export function useRefusedPath(db: DeskDatabase | null, collection: CollectionName, docId: string): string | null {
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!db) return undefined;
    refusedDocumentPath(db, collection, docId)
      .then((found) => live && setPath(found))
      .catch(() => live && setPath(null));
    return () => {
      live = false;
    };
  }, [db, collection, docId]);
  return path;
}
