import { useMemo, useState } from 'react';
import { isSupervisorRole } from '../../../common/auth/permissions.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import { useDatabase } from '../../app/database-context.js';
import { useSession } from '../../app/session-store.js';
import { saveContract } from './contract-commands.js';
import { changedSections, formFromContract, formProblems, overlappingSections, type ContractForm, type FieldProblem, type Section } from './contract-form.js';

export type SaveOutcome = { readonly kind: 'saved' } | { readonly kind: 'problems' } | { readonly kind: 'error'; readonly message: string } | null;

/**
 * The editor's state for one contract: the form, what it started from, live problems and the save.
 * While nothing is changed the form follows the replica (a colleague's synced edit shows at once);
 * once something is changed it stays, and sections changed on both sides are named before saving.
 */
export function useContractEditor(contract: Contract) {
  const db = useDatabase();
  const role = useSession((state) => state.user?.role);
  const editable = role !== undefined && isSupervisorRole(role);
  const [base, setBase] = useState<ContractForm>(() => formFromContract(contract));
  const [form, setForm] = useState<ContractForm>(base);
  const [seen, setSeen] = useState(contract);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const [saving, setSaving] = useState(false);

  const changed = useMemo(() => changedSections(base, form), [base, form]);
  if (seen !== contract) {
    setSeen(contract);
    if (changed.length === 0) {
      const next = formFromContract(contract);
      setBase(next);
      setForm(next);
    }
  }
  const problems = useMemo<ReadonlyMap<string, FieldProblem>>(() => (editable ? formProblems(contract, base, form) : new Map()), [editable, contract, base, form]);
  const overlap = useMemo<Section[]>(() => (changed.length > 0 ? overlappingSections(base, contract, form) : []), [changed, base, contract, form]);

  const update = (patch: Partial<ContractForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setOutcome(null);
  };

  const save = async () => {
    if (!role) return;
    setSaving(true);
    const result = await saveContract({ db, role, now: new Date() }, contract.id, base, form);
    setSaving(false);
    if (result.ok) {
      const next = formFromContract(result.value);
      setBase(next);
      setForm(next);
      setSeen(result.value);
      setOutcome({ kind: 'saved' });
    } else if ('problems' in result) {
      setOutcome({ kind: 'problems' });
    } else {
      setOutcome({ kind: 'error', message: result.error.message });
    }
  };

  const reset = () => {
    const next = formFromContract(contract);
    setBase(next);
    setForm(next);
    setOutcome(null);
  };

  return { form, update, problems, changed, overlap, editable, save, reset, saving, outcome };
}

export type ContractEditor = ReturnType<typeof useContractEditor>;
