import type { RxCollection, RxDatabase } from 'rxdb';
import type { Asset } from '../../common/schemas/assets.js';
import type { Ticket } from '../../common/schemas/tickets.js';

/** The collections of the app's replica the bench fills and reads. */
export type BenchDatabase = RxDatabase<{ assets: RxCollection<Asset>; tickets: RxCollection<Ticket> }>;
export type BenchCollections = { assets: RxCollection<Asset>; tickets: RxCollection<Ticket> };
