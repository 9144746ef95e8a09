/** The assets feature's public surface: the routed screens (texts register on import). */
import './messages.js';
import './messages-inventory.js';

export { AssetsPage } from './AssetsPage.js';
export { AssetDetailPage } from './AssetDetailPage.js';
export { CollectPage } from './CollectPage.js';
