/**
 * The open project: the project bar on top; documents and the coding tree on the left; the transcript in the
 * middle; the selected code and its coded segments on the right.
 */
import { ProjectBar } from './project-bar.tsx';
import { DocumentList } from '../documents/document-list.tsx';
import { CodeTree } from '../codes/code-tree.tsx';
import { DocumentReader } from '../reader/document-reader.tsx';
import { CodePanel } from '../codes/code-panel.tsx';
import { MemoList } from '../memos/memo-list.tsx';
import { MemoDock } from '../memos/memo-dock.tsx';
import { AgreementDialog } from '../agreement/agreement-dialog.tsx';
import { CompareView } from '../compare/compare-view.tsx';
import { useCompare } from '../compare/compare-store.ts';
import { ExportDialog } from '../export/export-dialog.tsx';

/** The three-pane workspace of an open project. */
export function ProjectWorkspace() {
  const comparing = useCompare((s) => s.open);
  return (
    <div className="workspace">
      <ProjectBar />
      {comparing && <CompareView />}
      <div className="panes" hidden={comparing}>
        <aside className="pane pane-left" aria-label="Documents and codes">
          <DocumentList />
          <CodeTree />
          <MemoList />
        </aside>
        <main className="pane pane-center">
          <DocumentReader />
        </main>
        <aside className="pane pane-right" aria-label="Code details">
          <CodePanel />
          <MemoDock />
        </aside>
      </div>
      <AgreementDialog />
      <ExportDialog />
    </div>
  );
}
