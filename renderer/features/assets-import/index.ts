/** Asset CSV import/export screen (texts register on import). */
import './messages.js';

export { AssetsImportPage } from './AssetsImportPage.js';
export { importPlannedAssets, type ImportOutcome } from './asset-import-commands.js';
