import './messages.js';

export { ContractEditorPage } from './ContractEditorPage.js';
export { ContractsPage } from './ContractsPage.js';
