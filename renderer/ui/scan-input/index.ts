/** Reusable scan field for keyboard-wedge scanners and typed tags (audits, shipments, self-test). */
export { ScanInput, type ScanInputProps, type ScanSource } from './ScanInput.js';
export { createScanBuffer, type ScanBuffer, type ScanCommit, type ScanKey } from './scan-buffer.js';
