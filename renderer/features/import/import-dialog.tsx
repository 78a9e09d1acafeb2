/**
 * The import preview: every picked file with what Tessera made of it (format and encoding, with a picker to read a
 * text file in another encoding; paragraphs, speakers and timestamps; its first lines; warnings) and the study
 * attributes read from its name, editable per file or for all at once. Import stores every good file in one change.
 */
import { memo, useMemo } from 'react';
import { TEXT_ENCODING_LABELS, TEXT_ENCODINGS, type TextEncodingName } from '#shared/import/text-decoding';
import type { ImportedText } from '#shared/import/imported-text';
import type { DocumentKind, ProjectSnapshot, SpeakerRole } from '#shared/model/types';
import { speakerKey } from '#shared/import/speaker-label';
import { SPEAKER_ROLES } from '#shared/study/speaker-assignment';
import { LANGUAGES } from '#shared/study/file-name-attributes';
import { phasesInOrder } from '#shared/study/study-design';
import { sliceCodePoints } from '#shared/text/code-points';
import { useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { ModalDialog } from '../../app/modal-dialog.tsx';
import {
  autoLinkTarget,
  cancelImport,
  chooseEncoding,
  commitImport,
  dropNewSite,
  filesToStore,
  nameNewSite,
  pendingNewSites,
  removeFile,
  setAttributeForAll,
  setFileAttributes,
  setIncluded,
  setSpeakerRole,
  useImport,
  type ImportFile,
} from './import-store.ts';
import './import-dialog.css';

const DETECTED_BY: Record<NonNullable<ImportedText['encodingDetectedBy']>, string> = {
  requested: 'as you chose',
  'byte-order-mark': 'detected from its byte-order mark',
  'valid-utf-8': 'detected',
  fallback: 'guessed: the file is not UTF-8, check the text below',
};

const LANGUAGE_NAMES = [...new Set(Object.values(LANGUAGES))].sort();

/** The preview dialog, shown while files are being imported. */
export function ImportDialog() {
  const open = useImport((s) => s.open);
  const files = useImport((s) => s.files);
  const newSites = useImport((s) => s.newSites);
  const committing = useImport((s) => s.committing);
  // The dialog is always mounted: it reads the project only while open, so coding never re-renders it.
  const snapshot = useWorkspace((s) => (open ? s.snapshot : null));
  const pending = useMemo(() => (snapshot ? pendingNewSites(files, snapshot, newSites) : []), [files, snapshot, newSites]);
  const siteCodes = useMemo(
    () => [...(snapshot?.sites.map((site) => site.code) ?? []), ...pending.map((site) => site.code)],
    [snapshot, pending],
  );
  // Link targets depend on every file; computed here so that each card re-renders only when its own file changes.
  const linkTargets = useMemo(() => new Map(files.map((file) => [file.key, snapshot ? autoLinkTarget(file, files, snapshot) : null])), [files, snapshot]);
  if (!open || !snapshot) return null;

  const done = files.filter((file) => file.status === 'ready' || file.status === 'failed').length;
  const reading = done < files.length;
  const toStore = filesToStore(files);
  const failed = files.filter((file) => file.status === 'failed').length;

  return (
    <ModalDialog labelledBy="import-title" className="modal import-dialog" onClose={committing ? undefined : cancelImport}>
        <header className="import-head">
          <h2 id="import-title">Import {plural(files.length, 'file')}</h2>
          <div className="import-progress" role="status" aria-live="polite">
            {reading ? `Reading ${done} of ${files.length}…` : `${plural(files.length - failed, 'file')} read${failed ? `, ${failed} could not be` : ''}.`}
            <progress max={files.length} value={done} aria-label="Files read" />
          </div>
        </header>

        {pending.length > 0 && (
          <section className="import-new-sites" aria-label="New sites">
            <p>
              {pending.length === 1 ? 'This site is' : 'These sites are'} named in file names but not yet part of the study; {pending.length === 1 ? 'it is' : 'they are'} added
              with the import:
            </p>
            {pending.map((site) => (
              <div className="import-new-site" key={site.code}>
                <span className="site-badge">{site.code}</span>
                <input
                  aria-label={`Name of new site ${site.code}`}
                  placeholder={`Full name, e.g. “Butabika, Uganda”`}
                  value={newSites[site.code] ?? ''}
                  onChange={(e) => nameNewSite(site.code, e.target.value)}
                />
                <button type="button" className="small quiet" onClick={() => dropNewSite(site.code)}>
                  Don’t add
                </button>
              </div>
            ))}
          </section>
        )}

        <section className="import-all" aria-label="Set for all files">
          <span className="import-all-label">All files:</span>
          <SiteSelect label="Site of all files" codes={siteCodes} value={null} onChange={(code) => setAttributeForAll('siteCode', code)} />
          <PhaseSelect label="Phase of all files" snapshot={snapshot} value={null} onChange={(id) => setAttributeForAll('phaseId', id)} />
          <KindSelect label="Kind of all files" value={null} onChange={(kind) => setAttributeForAll('kind', kind)} />
          <LanguageInput label="Language of all files" value={null} onChange={(language) => setAttributeForAll('language', language)} />
        </section>

        <ol className="import-files">
          {files.map((file) => (
            <FileCard key={file.key} file={file} linkTarget={linkTargets.get(file.key) ?? null} snapshot={snapshot} siteCodes={siteCodes} />
          ))}
        </ol>
        <datalist id="import-languages">
          {LANGUAGE_NAMES.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>

        <footer className="modal-actions import-actions">
          <span className="import-summary">
            {toStore.length ? `${plural(toStore.length, 'document')} will be added` : 'No file to import yet'}
            {failed ? `; ${failed} ${failed === 1 ? 'file' : 'files'} could not be read and will be left out` : ''}.
          </span>
          <button type="button" onClick={cancelImport}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={toStore.length === 0 || reading || committing} onClick={() => void commitImport()}>
            {toStore.length === 1 ? 'Import 1 document' : `Import ${toStore.length} documents`}
          </button>
        </footer>
    </ModalDialog>
  );
}

/** One file of the preview; re-rendered only when its own file, its link or the project changes. */
const FileCard = memo(function FileCard(props: { file: ImportFile; linkTarget: string | null; snapshot: ProjectSnapshot; siteCodes: readonly string[] }) {
  const { file, linkTarget, snapshot, siteCodes } = props;
  const imported = file.imported;
  const isText = imported ? imported.format !== 'docx' : !/\.docx$/i.test(file.fileName);
  const duplicate = snapshot.documents.find((document) => document.source.fileName === file.fileName || document.name === file.attributes.name);
  const a = file.attributes;
  return (
    <li className={`import-file import-file-${file.status}${file.include ? '' : ' excluded'}`} aria-label={file.fileName}>
      <div className="import-file-head">
        <label className="import-include">
          <input
            type="checkbox"
            checked={file.include}
            disabled={file.status !== 'ready'}
            onChange={(e) => setIncluded(file.key, e.target.checked)}
            aria-label={`Import ${file.fileName}`}
          />
          <span className="import-file-name">{file.fileName}</span>
        </label>
        <span className="import-status">
          {file.status === 'waiting' && 'Waiting…'}
          {file.status === 'reading' && 'Reading…'}
          {file.status === 'ready' && imported && describeFormat(imported)}
          {file.status === 'failed' && 'Could not be read'}
        </span>
        {isText && file.bytes && (
          <label className="import-encoding">
            Encoding
            <select
              value={file.encoding ?? ''}
              onChange={(e) => chooseEncoding(file.key, (e.target.value || null) as TextEncodingName | null)}
              aria-label={`Encoding of ${file.fileName}`}
              disabled={file.status === 'reading'}
            >
              <option value="">Detect{imported && !file.encoding ? ` (${TEXT_ENCODING_LABELS[imported.encoding as TextEncodingName] ?? imported.encoding})` : ''}</option>
              {TEXT_ENCODINGS.map((encoding) => (
                <option key={encoding} value={encoding}>
                  {TEXT_ENCODING_LABELS[encoding]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="small quiet" onClick={() => removeFile(file.key)} aria-label={`Remove ${file.fileName} from the list`}>
          Remove
        </button>
      </div>

      {file.status === 'failed' && (
        <p className="import-error" role="alert">
          {file.error}
        </p>
      )}

      {imported && file.status === 'ready' && (
        <>
          <p className="import-counts">
            {plural(imported.paragraphs.length, 'paragraph')} · {plural(imported.speakers.length, 'speaker')}
            {imported.speakers.length > 0 && `: ${imported.speakers.map((speaker) => speaker.label).slice(0, 8).join(', ')}${imported.speakers.length > 8 ? ', …' : ''}`}
            {' · '}
            {plural(imported.paragraphs.filter((p) => p.timestamps.length > 0).length, 'timestamped paragraph')}
            {a.kind === 'field-notes' && (linkTarget ? ` · notes on ${linkTarget}` : ' · no single transcript of the same site and phase to link to')}
          </p>
          <div className="import-fields">
            <label>
              Name
              <input value={a.name} onChange={(e) => setFileAttributes(file.key, { name: e.target.value })} aria-label={`Name of ${file.fileName}`} />
            </label>
            <label>
              Kind
              <KindSelect label={`Kind of ${file.fileName}`} value={a.kind} onChange={(kind) => setFileAttributes(file.key, { kind })} />
            </label>
            <label>
              Site
              <SiteSelect label={`Site of ${file.fileName}`} codes={siteCodes} value={a.siteCode} onChange={(siteCode) => setFileAttributes(file.key, { siteCode })} />
            </label>
            <label>
              Phase
              <PhaseSelect label={`Phase of ${file.fileName}`} snapshot={snapshot} value={a.phaseId} onChange={(phaseId) => setFileAttributes(file.key, { phaseId })} />
            </label>
            <label>
              Language
              <LanguageInput label={`Language of ${file.fileName}`} value={a.language} onChange={(language) => setFileAttributes(file.key, { language })} />
            </label>
            <label>
              Date
              <input type="date" value={a.date} onChange={(e) => setFileAttributes(file.key, { date: e.target.value })} aria-label={`Date of ${file.fileName}`} />
            </label>
          </div>
          {imported.speakers.length > 0 && <SpeakerRoles file={file} imported={imported} />}
          <FirstLines imported={imported} />
          {(imported.warnings.length > 0 || duplicate || file.sameTextAs) && (
            <ul className="import-warnings" aria-label={`Warnings for ${file.fileName}`}>
              {file.sameTextAs && <li>Same text as “{file.sameTextAs}”, already in the project or in this list: left unticked so it is not imported twice.</li>}
              {duplicate && !file.sameTextAs && <li>The project already has a document “{duplicate.name}” (from {duplicate.source.fileName}).</li>}
              {imported.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
});

function describeFormat(imported: ImportedText): string {
  if (imported.format === 'docx') return 'Word document';
  if (imported.format === 'vtt' || imported.format === 'srt') return imported.format === 'vtt' ? 'WebVTT captions' : 'SubRip captions';
  const label = TEXT_ENCODING_LABELS[imported.encoding as TextEncodingName] ?? imported.encoding;
  return `Text, ${label}${imported.encodingDetectedBy ? `, ${DETECTED_BY[imported.encodingDetectedBy]}` : ''}`;
}

/**
 * The speakers recognised in a file, each with how many paragraphs are theirs and the role guessed from the label,
 * which the user can change before importing: a wrong guess would silently drop passages from retrieval by role.
 */
function SpeakerRoles({ file, imported }: { file: ImportFile; imported: ImportedText }) {
  const turns = new Map<string, number>();
  for (const paragraph of imported.paragraphs) {
    if (paragraph.speakerLabel !== null) turns.set(paragraph.speakerLabel, (turns.get(paragraph.speakerLabel) ?? 0) + 1);
  }
  return (
    <table className="import-speakers">
      <caption>Speakers of {file.fileName}: check each role</caption>
      <thead>
        <tr>
          <th scope="col">Speaker</th>
          <th scope="col">Paragraphs</th>
          <th scope="col">Role</th>
        </tr>
      </thead>
      <tbody>
        {imported.speakers.map((speaker) => {
          const key = speakerKey(speaker.label);
          const role = file.speakerRoles[key] ?? speaker.role;
          return (
            <tr key={key}>
              <th scope="row" dir="auto">
                {speaker.label}
              </th>
              <td>{turns.get(speaker.label) ?? 0}</td>
              <td>
                <select
                  aria-label={`Role of ${speaker.label} in ${file.fileName}`}
                  value={role}
                  onChange={(e) => setSpeakerRole(file.key, key, e.target.value as SpeakerRole)}
                >
                  {SPEAKER_ROLES.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                      {option.value === speaker.role ? ' (guessed)' : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The first paragraphs as they will read, speaker labels set apart. */
function FirstLines({ imported }: { imported: ImportedText }) {
  const lines = imported.paragraphs.slice(0, 4);
  return (
    <div className="import-first-lines" aria-label="First lines">
      {lines.map((paragraph) => {
        const label = sliceCodePoints(imported.text, paragraph.start, paragraph.utteranceStart);
        const rest = sliceCodePoints(imported.text, paragraph.utteranceStart, Math.min(paragraph.end, paragraph.utteranceStart + 220));
        return (
          <p key={paragraph.n} dir="auto">
            <span className="import-para-n">{paragraph.n}</span>
            {label && <span className="speaker-label">{label}</span>}
            {rest}
            {paragraph.end > paragraph.utteranceStart + 220 ? '…' : ''}
          </p>
        );
      })}
    </div>
  );
}

function SiteSelect(props: { label: string; codes: readonly string[]; value: string | null; onChange: (code: string) => void }) {
  return (
    <select aria-label={props.label} value={props.value ?? '*'} onChange={(e) => e.target.value !== '*' && props.onChange(e.target.value)}>
      {props.value === null && <option value="*">Site…</option>}
      <option value="">No site</option>
      {props.codes.map((code) => (
        <option key={code} value={code}>
          {code}
        </option>
      ))}
    </select>
  );
}

function PhaseSelect(props: { label: string; snapshot: ProjectSnapshot; value: string | null; onChange: (phaseId: string) => void }) {
  return (
    <select aria-label={props.label} value={props.value ?? '*'} onChange={(e) => e.target.value !== '*' && props.onChange(e.target.value)}>
      {props.value === null && <option value="*">Phase…</option>}
      <option value="">No phase</option>
      {phasesInOrder(props.snapshot.phases).map((phase) => (
        <option key={phase.id} value={phase.id}>
          {phase.name}
        </option>
      ))}
    </select>
  );
}

function KindSelect(props: { label: string; value: DocumentKind | null; onChange: (kind: DocumentKind) => void }) {
  return (
    <select aria-label={props.label} value={props.value ?? '*'} onChange={(e) => e.target.value !== '*' && props.onChange(e.target.value as DocumentKind)}>
      {props.value === null && <option value="*">Kind…</option>}
      <option value="transcript">Transcript</option>
      <option value="field-notes">Field notes</option>
    </select>
  );
}

function LanguageInput(props: { label: string; value: string | null; onChange: (language: string) => void }) {
  if (props.value === null) {
    // For all files: applied on Enter or when the field is left, not at each keystroke.
    return (
      <input
        aria-label={props.label}
        list="import-languages"
        placeholder="Language…"
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onChange(e.currentTarget.value.trim());
        }}
        onBlur={(e) => e.target.value.trim() && props.onChange(e.target.value.trim())}
      />
    );
  }
  return <input aria-label={props.label} list="import-languages" value={props.value} onChange={(e) => props.onChange(e.target.value)} />;
}
