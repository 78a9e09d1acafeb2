/**
 * The app's one polite live region: what a sighted coder sees happen (a selection, a coding made or removed, an undo,
 * a save) said in words to a screen reader. It is in the page from the start, as live regions must be to be heard,
 * and says only the newest message: a burst of selection changes while dragging ends in one announcement.
 */
import { create } from 'zustand';

interface AnnouncerState {
  readonly text: string;
}

const useAnnouncer = create<AnnouncerState>()(() => ({ text: '' }));

/** How long a message waits for a newer one before it is said. */
const SETTLE_MS = 150;
let pending: ReturnType<typeof setTimeout> | null = null;

/** Says `text` to screen-reader users, politely (after what they are hearing now). */
export function announce(text: string): void {
  if (pending) clearTimeout(pending);
  // Emptied first, so that the same words said twice in a row are heard twice.
  useAnnouncer.setState({ text: '' });
  pending = setTimeout(() => {
    pending = null;
    useAnnouncer.setState({ text });
  }, SETTLE_MS);
}

/** The live region; mounted once, by the app. */
export function LiveAnnouncer() {
  const text = useAnnouncer((s) => s.text);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
    </div>
  );
}
