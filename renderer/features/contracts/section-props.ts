import type { ContractForm } from './contract-form.js';

/** What every section of the contract editor gets. */
export interface SectionProps {
  readonly form: ContractForm;
  readonly update: (patch: Partial<ContractForm>) => void;
  /** The translated problem under the field at `path`, or null. */
  readonly problem: (path: string) => string | null;
  readonly readOnly: boolean;
}
