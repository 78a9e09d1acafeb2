/**
 * The right pane: the coded segments of the selected codes (retrieval) and full-text search, as two tabs.
 * Ctrl+F (Cmd+F) opens the search: the reader renders only the paragraphs on screen, so the browser's own find
 * could not see the rest of a transcript, let alone the other transcripts.
 */
import { useEffect, useState } from 'react';
import { RetrievalPanel } from '../retrieval/retrieval-panel.tsx';
import { SearchPanel } from '../search/search-panel.tsx';
import { showTab, useRetrieval } from '../retrieval/retrieval-store.ts';

/** The right pane of the workspace. */
export function CodePanel() {
  const tab = useRetrieval((s) => s.tab);
  const [focusNonce, setFocusNonce] = useState(0);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        showTab('search');
        setFocusNonce((n) => n + 1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <div className="right-pane">
      <div className="right-tabs" role="tablist" aria-label="Right pane">
        <button type="button" role="tab" aria-selected={tab === 'segments'} onClick={() => showTab('segments')}>
          Coded segments
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'search'}
          title="Search all transcripts (Ctrl+F)"
          onClick={() => {
            showTab('search');
            setFocusNonce((n) => n + 1);
          }}
        >
          Search
        </button>
      </div>
      {tab === 'segments' ? <RetrievalPanel /> : <SearchPanel focusNonce={focusNonce} />}
    </div>
  );
}
