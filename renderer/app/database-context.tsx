import { createContext, useContext, type ReactNode } from 'react';
import type { DeskDatabase } from '../db/database.js';

const DatabaseContext = createContext<DeskDatabase | null>(null);

/** Gives the signed-in user's replica to every screen under it. */
export function DatabaseProvider({ database, children }: { database: DeskDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={database}>{children}</DatabaseContext.Provider>;
}

/** The open replica; screens are only mounted once it is open, so a missing one is a wiring bug. */
export function useDatabase(): DeskDatabase {
  const database = useContext(DatabaseContext);
  if (!database) throw new Error('useDatabase() used outside <DatabaseProvider>');
  return database;
}
