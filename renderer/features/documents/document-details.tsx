/**
 * A document's details: its study attributes (site, phase, kind, language, date, free attributes, the transcript its
 * field notes belong to) and its speakers (label, role, attributes; merging two that are one person). Saved as one
 * change, so one undo step takes it back. The text is never edited: renaming a speaker renames the speaker record.
 */
import { useState } from 'react';
import { systemClock } from '#shared/model/ids';
import type { DocumentKind, ProjectSnapshot, SpeakerRole, TesseraDocument, Uuid } from '#shared/model/types';
import { editDocumentDetails, turnsPerSpeaker, type SpeakerStep } from '#shared/study/document-attributes';
import { LANGUAGES } from '#shared/study/file-name-attributes';
import { phasesInOrder } from '#shared/study/study-design';
import { formatDateTime, plural } from '../../app/format.ts';
import { useWorkspace } from '../../state/workspace-store.ts';
import { ModalDialog } from '../../app/modal-dialog.tsx';
import { changeStudy } from '../study/study-store.ts';
import { closeDocumentDetails, useDocuments } from './documents-store.ts';
import { SPEAKER_ROLES } from '#shared/study/speaker-assignment';
import './documents.css';


const LANGUAGE_NAMES = [...new Set(Object.values(LANGUAGES))].sort();

/** One free attribute being edited: a key and a value. */
interface AttributeDraft {
  readonly key: string;
  readonly value: string;
}

interface SpeakerDraft {
  readonly id: Uuid;
  readonly label: string;
  readonly role: SpeakerRole;
  readonly attributes: readonly AttributeDraft[];
  /** The speaker this one is merged into on save, or null. */
  readonly mergeInto: Uuid | null;
}

const toDrafts = (attributes: Readonly<Record<string, string>>): AttributeDraft[] => Object.entries(attributes).map(([key, value]) => ({ key, value }));
const fromDrafts = (drafts: readonly AttributeDraft[]): Record<string, string> => Object.fromEntries(drafts.map((d) => [d.key, d.value]));

/** The details dialog of the document chosen in the document list. */
export function DocumentDetailsDialog() {
  const documentId = useDocuments((s) => s.detailsDocumentId);
  // Always mounted: it reads the project only while a document's details are open.
  const snapshot = useWorkspace((s) => (documentId ? s.snapshot : null));
  const document = snapshot?.documents.find((candidate) => candidate.id === documentId);
  if (!snapshot || !document) return null;
  // Keyed by the document alone: a save that fails is shown, then taken back, and the form keeps what was typed so
  // that it can be saved again (a save that succeeds closes the dialog).
  return <DetailsForm key={document.id} snapshot={snapshot} document={document} />;
}

function DetailsForm({ snapshot, document }: { snapshot: ProjectSnapshot; document: TesseraDocument }) {
  const [name, setName] = useState(document.name);
  const [kind, setKind] = useState<DocumentKind>(document.kind);
  const [siteId, setSiteId] = useState(document.attributes.siteId ?? '');
  const [phaseId, setPhaseId] = useState(document.attributes.phaseId ?? '');
  const [language, setLanguage] = useState(document.attributes.language);
  const [date, setDate] = useState(document.attributes.date);
  const [extra, setExtra] = useState<AttributeDraft[]>(toDrafts(document.attributes.extra));
  const [linked, setLinked] = useState(document.linkedDocumentId ?? '');
  const [speakers, setSpeakers] = useState<SpeakerDraft[]>(
    document.speakers.map((speaker) => ({ ...speaker, attributes: toDrafts(speaker.attributes), mergeInto: null })),
  );
  const turns = turnsPerSpeaker(document);
  const transcripts = snapshot.documents.filter((candidate) => candidate.kind === 'transcript' && candidate.id !== document.id);

  const updateSpeaker = (id: Uuid, patch: Partial<SpeakerDraft>): void =>
    setSpeakers((list) => list.map((speaker) => (speaker.id === id ? { ...speaker, ...patch } : speaker)));

  const save = async (): Promise<void> => {
    const steps: SpeakerStep[] = [];
    for (const draft of speakers) {
      if (draft.mergeInto) {
        steps.push({ kind: 'merge', fromId: draft.id, intoId: draft.mergeInto });
        continue;
      }
      const original = document.speakers.find((speaker) => speaker.id === draft.id);
      const attributes = fromDrafts(draft.attributes);
      if (
        original &&
        (original.label !== draft.label || original.role !== draft.role || JSON.stringify(original.attributes) !== JSON.stringify(attributes))
      ) {
        steps.push({ kind: 'edit', speakerId: draft.id, edit: { label: draft.label, role: draft.role, attributes } });
      }
    }
    const saved = await changeStudy(`Edit ${name.trim() || document.name}`, (current) =>
      editDocumentDetails(
        current,
        document.id,
        {
          name,
          kind,
          siteId: siteId || null,
          phaseId: phaseId || null,
          language,
          date,
          extra: fromDrafts(extra),
          linkedDocumentId: kind === 'field-notes' ? linked || null : null,
        },
        steps,
        systemClock,
      ),
    );
    if (saved) closeDocumentDetails();
  };

  return (
    <ModalDialog labelledBy="details-title" className="modal details-dialog" onClose={closeDocumentDetails}>
        <h2 id="details-title">{document.name}</h2>
        <p className="details-source">
          From {document.source.fileName} ({document.source.format === 'docx' ? 'Word' : `text, ${document.source.encoding}`}), imported{' '}
          {formatDateTime(document.source.importedAt)} · {plural(document.paragraphs.length, 'paragraph')}
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="details-grid">
            <label>
              Name
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              Kind
              <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
                <option value="transcript">Transcript</option>
                <option value="field-notes">Field notes</option>
              </select>
            </label>
            <label>
              Site
              <select value={siteId} onChange={(e) => setSiteId(e.target.value)}>
                <option value="">No site</option>
                {snapshot.sites.map((site) => (
                  <option key={site.id} value={site.id}>
                    {site.code} – {site.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Phase
              <select value={phaseId} onChange={(e) => setPhaseId(e.target.value)}>
                <option value="">No phase</option>
                {phasesInOrder(snapshot.phases).map((phase) => (
                  <option key={phase.id} value={phase.id}>
                    {phase.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Language of the group
              <input list="details-languages" value={language} onChange={(e) => setLanguage(e.target.value)} />
            </label>
            <label>
              Date
              <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            </label>
            {kind === 'field-notes' && (
              <label className="details-wide">
                Field notes on
                <select value={linked} onChange={(e) => setLinked(e.target.value)}>
                  <option value="">No transcript</option>
                  {transcripts.map((transcript) => (
                    <option key={transcript.id} value={transcript.id}>
                      {transcript.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
          <datalist id="details-languages">
            {LANGUAGE_NAMES.map((languageName) => (
              <option key={languageName} value={languageName} />
            ))}
          </datalist>

          <h3>Other attributes</h3>
          <AttributeList owner="document" drafts={extra} onChange={setExtra} />

          <h3>Speakers</h3>
          {speakers.length === 0 ? (
            <p className="empty">No speaker labels were recognised in this document.</p>
          ) : (
            <table className="speakers-table">
              <thead>
                <tr>
                  <th>Label</th>
                  <th>Role</th>
                  <th>Paragraphs</th>
                  <th>Attributes</th>
                  <th>Same person as</th>
                </tr>
              </thead>
              <tbody>
                {speakers.map((speaker) => (
                  <tr key={speaker.id} className={speaker.mergeInto ? 'merging' : undefined}>
                    <td>
                      <input
                        aria-label={`Label of speaker ${speaker.label}`}
                        value={speaker.label}
                        disabled={speaker.mergeInto !== null}
                        onChange={(e) => updateSpeaker(speaker.id, { label: e.target.value })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`Role of speaker ${speaker.label}`}
                        value={speaker.role}
                        disabled={speaker.mergeInto !== null}
                        onChange={(e) => updateSpeaker(speaker.id, { role: e.target.value as SpeakerRole })}
                      >
                        {SPEAKER_ROLES.map((role) => (
                          <option key={role.value} value={role.value}>
                            {role.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="numeric">{turns.get(speaker.id) ?? 0}</td>
                    <td>
                      <AttributeList
                        owner={`speaker ${speaker.label}`}
                        drafts={speaker.attributes}
                        onChange={(attributes) => updateSpeaker(speaker.id, { attributes })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`Merge speaker ${speaker.label} into`}
                        value={speaker.mergeInto ?? ''}
                        onChange={(e) => updateSpeaker(speaker.id, { mergeInto: e.target.value || null })}
                      >
                        <option value="">—</option>
                        {speakers
                          .filter((other) => other.id !== speaker.id && other.mergeInto === null)
                          .map((other) => (
                            <option key={other.id} value={other.id}>
                              {other.label}
                            </option>
                          ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="details-note">Renaming a speaker keeps the transcript’s text as delivered; the label is how Tessera lists and filters the speaker.</p>
          <div className="modal-actions">
            <button type="button" onClick={closeDocumentDetails}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        </form>
    </ModalDialog>
  );
}

/** Free key/value attributes, with a row to add one. */
function AttributeList({ owner, drafts, onChange }: { owner: string; drafts: readonly AttributeDraft[]; onChange: (drafts: AttributeDraft[]) => void }) {
  const set = (index: number, patch: Partial<AttributeDraft>): void => onChange(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  return (
    <div className="attribute-list">
      {drafts.map((draft, index) => (
        <div className="attribute-row" key={index}>
          <input aria-label={`Attribute name ${index + 1} of ${owner}`} placeholder="e.g. profession" value={draft.key} onChange={(e) => set(index, { key: e.target.value })} />
          <input aria-label={`Attribute value ${index + 1} of ${owner}`} placeholder="value" value={draft.value} onChange={(e) => set(index, { value: e.target.value })} />
          <button type="button" className="small quiet" aria-label={`Remove attribute ${index + 1} of ${owner}`} onClick={() => onChange(drafts.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="small quiet" onClick={() => onChange([...drafts, { key: '', value: '' }])} aria-label={`Add attribute to ${owner}`}>
        + Attribute
      </button>
    </div>
  );
}
