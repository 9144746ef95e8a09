/** "My day": a technician's open tickets by urgency, from the local replica only. */
import './messages.js';

export { MyDayPage } from './MyDayPage.js';
