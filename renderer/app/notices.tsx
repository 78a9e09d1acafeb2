/**
 * Messages to the user, stacked in a corner: information fades, errors stay until dismissed.
 */
import { dismissNotice, useWorkspace } from '../state/workspace-store.ts';

/** The notice stack. */
export function Notices() {
  const notices = useWorkspace((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <div className="notice-text">{notice.text}</div>
          {notice.details && (
            <ul className="notice-details">
              {notice.details.map((detail, i) => (
                <li key={i}>{detail}</li>
              ))}
            </ul>
          )}
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
