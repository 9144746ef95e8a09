import './messages.js';

export { PhotoQueueDetails } from './PhotoQueueDetails.js';
export { PhotoQueueIndicator } from './PhotoQueueIndicator.js';
export { TicketWorklogPanel } from './TicketWorklogPanel.js';
export { formatDuration } from './format.js';
export { WorklogPage } from './WorklogPage.js';
