/**
 * Who codes on this computer: a name and initials, asked for at first start (on the start screen) and changeable
 * from the project bar. Every coding, memo, rating and edit made here records this coder.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { create } from 'zustand';
import { initialsOf } from '#shared/model/new-project';
import { setCoderIdentity, useWorkspace } from '../../state/workspace-store.ts';
import { Modal } from '../codebook/modal.tsx';

/** Whether the dialog that changes the coder is open. */
export const useCoderDialog = create<{ readonly open: boolean }>()(() => ({ open: false }));

export function openCoderDialog(): void {
  useCoderDialog.setState({ open: true });
}

function closeCoderDialog(): void {
  useCoderDialog.setState({ open: false });
}

interface FieldsProps {
  readonly name: string;
  readonly initials: string;
  readonly onName: (name: string) => void;
  readonly onInitials: (initials: string) => void;
  readonly autoFocus?: boolean;
}

function IdentityFields({ name, initials, onName, onInitials, autoFocus }: FieldsProps) {
  return (
    <div className="coder-identity-fields">
      <label>
        Full name
        <input name="coder-full-name" value={name} onChange={(e) => onName(e.target.value)} placeholder="e.g. Ada Lovelace" autoFocus={autoFocus} autoComplete="name" />
      </label>
      <label>
        Initials
        <input
          name="coder-initials"
          value={initials}
          onChange={(e) => onInitials(e.target.value)}
          placeholder={name.trim() ? initialsOf(name) : 'AL'}
          maxLength={4}
          size={5}
        />
      </label>
    </div>
  );
}

/** The first-start question on the start screen, shown until this computer's coder is known. */
export function FirstStartCoderCard() {
  const identity = useWorkspace((s) => s.coderIdentity);
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  if (identity) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void setCoderIdentity(name, initials);
  };
  return (
    <section className="card coder-identity-card" aria-labelledby="coder-identity-heading">
      <h2 id="coder-identity-heading">Who codes on this computer?</h2>
      <p>Your codings, memos and ratings are signed with your name and initials, so that coders’ work can be told apart and merged.</p>
      <form onSubmit={submit} className="form coder-identity-form">
        <IdentityFields name={name} initials={initials} onName={setName} onInitials={setInitials} />
        <button type="submit" className="primary" disabled={!name.trim()}>
          Save
        </button>
      </form>
    </section>
  );
}

/** The dialog that changes who codes on this computer (from the project bar). */
export function CoderIdentityDialog() {
  const open = useCoderDialog((s) => s.open);
  if (!open) return null;
  return <CoderIdentityDialogBody />;
}

function CoderIdentityDialogBody() {
  const identity = useWorkspace((s) => s.coderIdentity);
  const [name, setName] = useState(identity?.name ?? '');
  const [initials, setInitials] = useState(identity?.initials ?? '');
  const [newPerson, setNewPerson] = useState(identity === null);
  const save = async () => {
    if (await setCoderIdentity(name, initials, newPerson)) closeCoderDialog();
  };
  return (
    <Modal
      title="Who codes on this computer"
      onClose={closeCoderDialog}
      actions={
        <>
          <button type="button" onClick={closeCoderDialog}>
            Cancel
          </button>
          <button type="submit" form="coder-identity-form" className="primary" disabled={!name.trim()}>
            Save
          </button>
        </>
      }
    >
      <form
        id="coder-identity-form"
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <IdentityFields name={name} initials={initials} onName={setName} onInitials={setInitials} />
        {identity && (
          <label className="coder-identity-new">
            <input type="checkbox" checked={newPerson} onChange={(e) => setNewPerson(e.target.checked)} />
            Someone else codes here now (a new coder; {identity.name}’s work stays theirs)
          </label>
        )}
      </form>
    </Modal>
  );
}
