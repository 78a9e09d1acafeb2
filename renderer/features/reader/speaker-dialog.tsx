/**
 * "Assign speaker": gives a paragraph or a range of paragraphs to a speaker of the document, to a new speaker (label
 * and role), or to nobody. Opened from the reader (key S on the focused paragraph or the paragraphs picked with
 * Shift+Up/Down, a right click on a paragraph's number, or the button above the text). The change is computed by
 * `assignParagraphsTo` (shared with `tessera assign-speaker`) and made through the workspace's change machinery, so
 * it is one undo step and is saved.
 */
import { useState } from 'react';
import { randomUuid, systemClock } from '#shared/model/ids';
import type { SpeakerRole, TesseraDocument } from '#shared/model/types';
import { guessSpeakerRole } from '#shared/import/speaker-label';
import { assignParagraphsTo, parseParagraphRange, SPEAKER_ROLES, type ParagraphRange, type SpeakerChoice } from '#shared/study/speaker-assignment';
import { attempt, changeProject } from '../../state/workspace-store.ts';

const NEW = 'new';
const NONE = 'none';

/** Paragraph numbers as the dialog shows and cites them: "12" or "12-15". */
export function rangeText(range: ParagraphRange): string {
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/** The dialog; `onDone` closes it (after a save, or on Cancel and Escape). */
export function SpeakerDialog({ document, range, onDone }: { document: TesseraDocument; range: ParagraphRange; onDone: () => void }) {
  const [paragraphs, setParagraphs] = useState(rangeText(range));
  // The speaker the first paragraph has now, else a new one when the document has none.
  const current = document.paragraphs[range.from - 1]?.speakerId ?? null;
  const [choice, setChoice] = useState<string>(current ?? (document.speakers.length ? (document.speakers[0]?.id ?? NEW) : NEW));
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<SpeakerRole | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shownRole: SpeakerRole = role ?? (label.trim() ? guessSpeakerRole(label.trim()) : 'unknown');

  const save = async (): Promise<void> => {
    const parsed = parseParagraphRange(paragraphs);
    if (!parsed) {
      setProblem('Give a paragraph number or a range such as 12-15.');
      return;
    }
    if (choice === NEW && !label.trim()) {
      setProblem('Give the new speaker a label, e.g. "P3".');
      return;
    }
    const speaker: SpeakerChoice =
      choice === NEW ? { kind: 'new', label, role: shownRole } : choice === NONE ? { kind: 'none' } : { kind: 'existing', speakerId: choice };
    const cited = parsed.from === parsed.to ? `paragraph ${parsed.from}` : `paragraphs ${rangeText(parsed)}`;
    const what =
      speaker.kind === 'none'
        ? `Take the speaker from ${cited}`
        : `Give ${cited} to ${speaker.kind === 'new' ? label.trim() : (document.speakers.find((s) => s.id === choice)?.label ?? 'a speaker')}`;
    let refusal: string | null = null;
    const saved = await attempt(null, async () => {
      await changeProject(what, (snapshot) => {
        try {
          return { change: assignParagraphsTo(snapshot, document.id, parsed, speaker, randomUuid, systemClock).change, result: undefined };
        } catch (error) {
          // A refusal (a label the document has, numbers it does not have) is shown in the dialog, which stays open.
          refusal = error instanceof Error ? error.message : String(error);
          return { change: {}, result: undefined };
        }
      });
    });
    if (refusal !== null) setProblem(refusal);
    else if (saved) onDone();
  };

  return (
    <div
      className="modal-backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone();
        }
      }}
    >
      <div className="modal speaker-dialog" role="dialog" aria-modal="true" aria-labelledby="speaker-dialog-title" aria-describedby="speaker-dialog-note">
        <h2 id="speaker-dialog-title">Assign speaker</h2>
        <p id="speaker-dialog-note" className="speaker-dialog-note">
          The text and the paragraph numbers stay as they are; only who said these paragraphs changes. Ctrl+Z takes it back.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            Paragraphs
            <input value={paragraphs} onChange={(e) => setParagraphs(e.target.value)} inputMode="numeric" aria-describedby="speaker-dialog-range-hint" />
          </label>
          <span id="speaker-dialog-range-hint" className="speaker-dialog-hint">
            One number or a range, e.g. 12-15 (of {document.paragraphs.length})
          </span>
          <label>
            Speaker
            <select aria-label="Speaker" value={choice} onChange={(e) => setChoice(e.target.value)} autoFocus>
              {document.speakers.map((speaker) => (
                <option key={speaker.id} value={speaker.id}>
                  {speaker.label} ({SPEAKER_ROLES.find((r) => r.value === speaker.role)?.label ?? speaker.role})
                </option>
              ))}
              <option value={NEW}>New speaker…</option>
              <option value={NONE}>No speaker</option>
            </select>
          </label>
          {choice === NEW && (
            <fieldset className="speaker-dialog-new">
              <legend>New speaker</legend>
              <label>
                Label
                <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. P3, FAC, Nurse A" />
              </label>
              <label>
                Role
                <select aria-label="Role" value={shownRole} onChange={(e) => setRole(e.target.value as SpeakerRole)}>
                  {SPEAKER_ROLES.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </label>
            </fieldset>
          )}
          {problem && (
            <p className="speaker-dialog-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="modal-actions">
            <button type="button" onClick={onDone}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Assign
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
