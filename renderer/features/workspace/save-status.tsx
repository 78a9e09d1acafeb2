/**
 * Whether what the screen shows is stored. Changes show at once and are written right after, usually within a few
 * milliseconds; "Saving…" takes the place of "All changes saved" only once a write has taken long enough to notice
 * (see .save-status in app.css), so coding does not make the bar flicker. It is not a live region: a screen reader
 * would otherwise announce it at every coding; a failed write is announced by its notice, a slow one's end below.
 */
import { useEffect, useRef } from 'react';
import { useSaveStatus } from '../../state/workspace-store.ts';
import { announce } from '../../app/announcer.tsx';

/** A write that takes longer than this is one the coder may have noticed, so its end is announced. */
const NOTICEABLE_SAVE_MS = 1000;

/** The save status in the project bar. */
export function SaveStatus() {
  const saving = useSaveStatus((s) => s.unsaved > 0);
  // The live region (app/announcer.tsx) says "All changes saved" after a write slow enough to notice; quick ones
  // are said with the change itself.
  const slow = useRef(false);
  useEffect(() => {
    if (!saving) {
      if (slow.current) announce('All changes saved.');
      slow.current = false;
      return undefined;
    }
    const timer = setTimeout(() => {
      slow.current = true;
    }, NOTICEABLE_SAVE_MS);
    return () => clearTimeout(timer);
  }, [saving]);
  return (
    <span className="save-status" data-saving={saving ? '' : undefined}>
      <span className="save-status-saved">All changes saved</span>
      {saving && <span className="save-status-saving">Saving…</span>}
    </span>
  );
}
