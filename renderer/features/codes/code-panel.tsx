/**
 * The selected code: its description and every passage coded with it, each cited the way papers cite quotes
 * ("BU 45"); a click opens the transcript at that passage.
 */
import { useMemo } from 'react';
import { codedSegments } from '#shared/coding/retrieval';
import { jumpTo, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';

/** The code panel. */
export function CodePanel() {
  const snapshot = useWorkspace((s) => s.snapshot);
  const selectedCodeId = useWorkspace((s) => s.selectedCodeId);
  const code = snapshot?.codes.find((c) => c.id === selectedCodeId) ?? null;
  const segments = useMemo(
    () => (snapshot && code ? codedSegments(snapshot, [code.id]) : []),
    [snapshot, code],
  );
  const coders = useMemo(() => new Map((snapshot?.coders ?? []).map((c) => [c.id, c])), [snapshot?.coders]);

  if (!snapshot || !code) {
    return (
      <div className="panel-empty">
        <h2>Coded segments</h2>
        <p className="empty">Select a code in the tree to see every passage coded with it.</p>
      </div>
    );
  }
  const documentCount = new Set(segments.map((s) => s.document.id)).size;
  return (
    <section className="code-panel" aria-labelledby="code-panel-heading">
      <div className="code-panel-head">
        <span className="swatch swatch-large" style={{ background: code.color }} aria-hidden="true" />
        <h2 id="code-panel-heading">{code.name}</h2>
      </div>
      {code.description && <p className="code-description">{code.description}</p>}
      <p className="code-summary">
        {plural(segments.length, 'coded segment')} in {plural(documentCount, 'document')}
      </p>
      <ol className="segments" aria-label={`Segments coded ${code.name}`}>
        {segments.map((segment) => (
          <li key={segment.coding.id}>
            <button
              type="button"
              className="segment"
              onClick={() => jumpTo(segment.document.id, segment.coding.start, segment.coding.end)}
            >
              <span className="segment-head">
                <span className="segment-citation">{segment.citation}</span>
                <span className="segment-document">{segment.document.name}</span>
                <span className="segment-paragraph">¶ {segment.firstParagraph}</span>
                {segment.speaker && <span className="segment-speaker">{segment.speaker}</span>}
                {segment.coding.coderId && (
                  <span className="segment-coder" title={coders.get(segment.coding.coderId)?.name}>
                    {coders.get(segment.coding.coderId)?.initials}
                  </span>
                )}
              </span>
              <span className="segment-text" dir="auto">
                {segment.text}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
