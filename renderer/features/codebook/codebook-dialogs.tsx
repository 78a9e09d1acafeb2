/**
 * Whichever codebook dialog is open (details, merge, split, delete, crosswalk, import preview).
 */
import { useWorkspace } from '../../state/workspace-store.ts';
import { useCodebookView } from './codebook-view-store.ts';
import { CodeDetailsDialog } from './code-details-dialog.tsx';
import { DeleteDialog, MergeDialog, SplitDialog } from './code-operation-dialogs.tsx';
import { CrosswalkDialog } from './crosswalk-dialog.tsx';
import { ImportCodebookDialog } from './import-codebook-dialog.tsx';

/** The open codebook dialog, if any. */
export function CodebookDialogs() {
  const dialog = useCodebookView((s) => s.dialog);
  const codes = useWorkspace((s) => s.snapshot?.codes);
  if (!dialog) return null;
  if (dialog.kind === 'crosswalk') return <CrosswalkDialog />;
  if (dialog.kind === 'import') return <ImportCodebookDialog fileName={dialog.fileName} codebook={dialog.codebook} />;
  // A code that an undo or another action took away closes its dialog.
  const code = codes?.find((c) => c.id === dialog.codeId);
  if (!code) return null;
  switch (dialog.kind) {
    case 'details':
      return <CodeDetailsDialog key={code.id} code={code} />;
    case 'merge':
      return <MergeDialog code={code} />;
    case 'split':
      return <SplitDialog code={code} />;
    case 'delete':
      return <DeleteDialog code={code} />;
  }
}
