export { useSlaAlerts } from './use-sla-alerts.js';
