/**
 * Whether what the screen shows is stored. Changes show at once and are written right after, usually within a few
 * milliseconds; "Saving…" takes the place of "All changes saved" only once a write has taken long enough to notice
 * (see .save-status in app.css), so coding does not make the bar flicker. It is not a live region: a screen reader
 * would otherwise announce it at every coding; a failed write is announced by its notice.
 */
import { useSaveStatus } from '../../state/workspace-store.ts';

/** The save status in the project bar. */
export function SaveStatus() {
  const saving = useSaveStatus((s) => s.unsaved > 0);
  return (
    <span className="save-status" data-saving={saving ? '' : undefined}>
      <span className="save-status-saved">All changes saved</span>
      {saving && <span className="save-status-saving">Saving…</span>}
    </span>
  );
}
