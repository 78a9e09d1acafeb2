/**
 * The merge review: what merging the chosen files would do to the open project, before anything is written. Counts
 * of what is added, matched, changed, deleted and in conflict; the questions to answer (deletions of other coders'
 * records, documents of the same name with a different text, codes offered as the same); every item one click from
 * its passage (the review steps aside, a bar brings it back). Confirming keeps a copy of the project, then writes
 * the merge as one undoable step with its report as a project memo.
 */
import type { AnyRecord, RecordKind } from '#shared/model/record-kinds';
import { RECORD_KIND_DEFINITIONS } from '#shared/model/record-kinds';
import type { Code, Coding, ProjectSnapshot, Uuid } from '#shared/model/types';
import type { ChangedItem, MergePlan } from '#shared/merge/merge-plan';
import { jumpTo, selectCode, selectDocument, useWorkspace } from '../../state/workspace-store.ts';
import { plural } from '../../app/format.ts';
import { Modal } from '../codebook/modal.tsx';
import { closeMergeReview, confirmMerge, decide, saveMergeReport, setReviewMinimised, useMerge } from './merge-store.ts';
import './merge.css';

/** How many items of one list the review shows (the counts are always whole; the report lists every item). */
const SHOWN = 200;

/** The record of a kind and id as the inputs hold it (the newest version). */
function recordIn(plan: MergePlan, kind: RecordKind, id: Uuid): AnyRecord | undefined {
  let found: AnyRecord | undefined;
  for (const input of plan.inputs) {
    const record = (input[kind] as readonly AnyRecord[]).find((r) => r.id === id);
    if (record && (!found || record.clock > found.clock)) found = record;
  }
  return found;
}

/** Brings the passage (or the code, or the document) of a record into view and steps the review aside. */
function show(plan: MergePlan, kind: RecordKind, id: Uuid): void {
  const record = kind === 'tombstones' ? undefined : recordIn(plan, kind, id);
  const project = useWorkspace.getState().snapshot;
  if (!record || !project) return;
  if (kind === 'codings') {
    const coding = record as Coding;
    if (!project.documents.some((d) => d.id === coding.documentId)) return;
    jumpTo(coding.documentId, coding.start, coding.end);
  } else if (kind === 'codes') {
    if (project.codes.some((c) => c.id === id)) selectCode(id);
  } else if (kind === 'documents') {
    if (project.documents.some((d) => d.id === id)) selectDocument(id);
  } else return;
  setReviewMinimised(true);
}

/** Whether a record can be shown in the open project (its passage, code or document is there). */
function showable(project: ProjectSnapshot, plan: MergePlan, kind: RecordKind, id: Uuid): boolean {
  if (kind === 'codes') return project.codes.some((c) => c.id === id);
  if (kind === 'documents') return project.documents.some((d) => d.id === id);
  if (kind !== 'codings') return false;
  const coding = recordIn(plan, kind, id) as Coding | undefined;
  return !!coding && project.documents.some((d) => d.id === coding.documentId);
}

function ShowButton({ plan, kind, id, label }: { plan: MergePlan; kind: RecordKind; id: Uuid; label: string }) {
  const project = useWorkspace((s) => s.snapshot);
  if (!project || !showable(project, plan, kind, id)) return null;
  return (
    <button type="button" className="quiet merge-show" aria-label={`Show ${label}`} onClick={() => show(plan, kind, id)}>
      Show
    </button>
  );
}

/** A pair of radio buttons answering one decision. */
function Choice({ name, value, options }: { name: string; value: string | undefined; options: readonly (readonly [string, string])[] }) {
  return (
    <span className="merge-choice" role="radiogroup" aria-label={`Decision for ${name}`}>
      {options.map(([answer, text]) => (
        <label key={answer}>
          <input type="radio" name={name} value={answer} checked={value === answer} onChange={() => decide(name, answer)} />
          {text}
        </label>
      ))}
    </span>
  );
}

/** One version of a changed record, as the review states it. */
function versionText(item: ChangedItem, record: AnyRecord, codes: ReadonlyMap<Uuid, Code>): string {
  if (item.kind === 'codes') {
    const code = record as Code;
    const parent = code.parentId ? (codes.get(code.parentId)?.name ?? 'another code') : 'the top';
    return `“${code.name}” under ${parent}`;
  }
  if (item.kind === 'codings') {
    const coding = record as Coding;
    return `[${coding.start}, ${coding.end}) with “${codes.get(coding.codeId)?.name ?? 'a code'}”`;
  }
  const named = record as { readonly name?: unknown; readonly title?: unknown };
  return typeof named.name === 'string' ? `“${named.name}”` : typeof named.title === 'string' ? `“${named.title}”` : 'a version';
}

function Counts({ plan }: { plan: MergePlan }) {
  const conflicts = plan.documentConflicts.length + plan.codeMatches.length + plan.deletions.filter((d) => d.proposed === 'ask').length;
  const matched = plan.documentMatches.length + plan.codingCollapses.length + plan.codeMatches.length;
  const items: readonly [string, number][] = [
    // Deletions travelling with a session are counted as deletions, not as added records.
    ['Added', plan.added.filter((item) => item.kind !== 'tombstones').length],
    ['Matched', matched],
    ['Changed', plan.changed.length],
    ['Deleted', plan.deletions.length],
    ['In conflict', conflicts],
    ['Same', plan.sameCount],
  ];
  return (
    <dl className="merge-counts">
      {items.map(([label, count]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{count.toLocaleString('en')}</dd>
        </div>
      ))}
    </dl>
  );
}

function MoreNote({ total }: { total: number }) {
  return total > SHOWN ? <p className="merge-more">and {(total - SHOWN).toLocaleString('en')} more (the report lists every one)</p> : null;
}

/** The review, while a merge is planned. */
export function MergeReviewDialog() {
  const plan = useMerge((s) => s.plan);
  const decisions = useMerge((s) => s.decisions);
  const minimised = useMerge((s) => s.minimised);
  const report = useMerge((s) => s.report);
  if (!plan) return null;
  const files = plan.sourceNames.slice(1);
  if (minimised) {
    const open = plan.needed.filter((key) => decisions[key] === undefined).length;
    return (
      <div className="merge-bar" role="region" aria-label="Merge review set aside">
        <span>
          Merge review of {files.join(', ')} {report ? 'done' : `(nothing written yet${open ? `, ${plural(open, 'decision')} to make` : ''})`}
        </span>
        <button type="button" className="primary" onClick={() => setReviewMinimised(false)}>
          Back to the review
        </button>
      </div>
    );
  }
  if (report) {
    return (
      <Modal
        title="Merged"
        onClose={closeMergeReview}
        wide
        className="merge-modal"
        actions={
          <>
            <button type="button" onClick={() => void saveMergeReport()}>
              Save the report…
            </button>
            <button type="button" className="primary" onClick={closeMergeReview}>
              Close
            </button>
          </>
        }
      >
        <p>The merge is written as one step (Undo takes it all back). Its report is kept as a project memo:</p>
        <pre className="merge-report" tabIndex={0} aria-label="Merge report">
          {report}
        </pre>
      </Modal>
    );
  }
  return <ReviewBody plan={plan} decisions={decisions} files={files} />;
}

function ReviewBody({ plan, decisions, files }: { plan: MergePlan; decisions: Readonly<Record<string, string>>; files: readonly string[] }) {
  const base = plan.inputs[0] as ProjectSnapshot;
  const codes = new Map<Uuid, Code>();
  for (const input of plan.inputs) for (const code of input.codes) if (!codes.has(code.id)) codes.set(code.id, code);
  const source = (list: readonly number[]): string => list.map((s) => plan.sourceNames[s] ?? `file ${s}`).join(', ');
  const open = plan.needed.filter((key) => decisions[key] === undefined);
  const addedRecords = plan.added.filter((item) => item.kind !== 'tombstones');
  const addedByKind = new Map<RecordKind, number>();
  for (const item of addedRecords) addedByKind.set(item.kind, (addedByKind.get(item.kind) ?? 0) + 1);
  const addedShown = addedRecords.slice(0, SHOWN);
  return (
    <Modal
      title={`Merge ${plural(files.length, 'file')} into “${base.project.name}”`}
      onClose={closeMergeReview}
      wide
      className="merge-modal"
      actions={
        <>
          {open.length > 0 && <span className="merge-open">{plural(open.length, 'decision')} to make first</span>}
          <button type="button" onClick={closeMergeReview}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={open.length > 0} onClick={() => void confirmMerge()}>
            Merge
          </button>
        </>
      }
    >
      <p className="merge-intro">
        From {files.join(', ')}. Nothing is written until you press Merge; a copy of the project is kept first, and Undo takes the whole merge back.
        Records are matched by id; where two versions differ, the latest edit by the model’s clock wins.
      </p>
      <Counts plan={plan} />

      {plan.deletions.length > 0 && (
        <section aria-labelledby="merge-deletions">
          <h3 id="merge-deletions">Deleted in one copy ({plan.deletions.length})</h3>
          <p className="merge-hint">A coder’s own records deleted by that coder are removed unless you keep them; others’ records need your answer.</p>
          <ul className="merge-list">
            {plan.deletions.slice(0, SHOWN).map((item) => (
              <li key={item.key}>
                <span className="merge-label">
                  {item.label} <span className="merge-from">deleted in {source(item.tombstoneFrom)}</span>
                </span>
                <ShowButton plan={plan} kind={item.kind} id={item.id} label={item.label} />
                <Choice
                  name={item.key}
                  value={decisions[item.key] ?? (item.proposed === 'ask' ? undefined : item.proposed)}
                  options={[
                    ['agree', 'Delete'],
                    ['keep', 'Keep'],
                  ]}
                />
              </li>
            ))}
          </ul>
          <MoreNote total={plan.deletions.length} />
        </section>
      )}

      {plan.documentConflicts.length > 0 && (
        <section aria-labelledby="merge-doc-conflicts">
          <h3 id="merge-doc-conflicts">Documents with the same name and a different text ({plan.documentConflicts.length})</h3>
          <ul className="merge-list">
            {plan.documentConflicts.map((item) => (
              <li key={item.key}>
                <span className="merge-label">
                  “{item.name}” from {source(item.from)} <span className="merge-from">{item.difference}</span>
                </span>
                <ShowButton plan={plan} kind="documents" id={item.otherId} label={`the document “${item.name}” here`} />
                <Choice
                  name={item.key}
                  value={decisions[item.key]}
                  options={[
                    ['keep-both', 'Keep both'],
                    ['skip', 'Leave it out'],
                  ]}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {plan.codeMatches.length > 0 && (
        <section aria-labelledby="merge-code-matches">
          <h3 id="merge-code-matches">Codes made apart that look the same ({plan.codeMatches.length})</h3>
          <ul className="merge-list">
            {plan.codeMatches.map((item) => (
              <li key={item.key}>
                <span className="merge-label">
                  “{item.name}” and “{codes.get(item.keptId)?.name ?? item.keptId}” <span className="merge-from">{item.reason}</span>
                </span>
                <ShowButton plan={plan} kind="codes" id={item.keptId} label={`the code “${item.name}”`} />
                <Choice
                  name={item.key}
                  value={decisions[item.key] ?? item.proposed}
                  options={[
                    ['match', 'One code'],
                    ['apart', 'Keep apart'],
                  ]}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {plan.changed.length > 0 && (
        <section aria-labelledby="merge-changed">
          <h3 id="merge-changed">Changed in both, the latest edit kept ({plan.changed.length})</h3>
          <ul className="merge-list">
            {plan.changed.slice(0, SHOWN).map((item) => (
              <li key={`${item.kind}:${item.id}`}>
                <span className="merge-label">
                  {RECORD_KIND_DEFINITIONS[item.kind].label}:{' '}
                  {item.versions.map((version, i) => (
                    <span key={i} className={i === item.versions.length - 1 ? 'merge-kept' : 'merge-lost'}>
                      {i > 0 ? ' → ' : ''}
                      {versionText(item, version.record, codes)} ({source(version.from)}
                      {i === item.versions.length - 1 ? ', kept' : ''})
                    </span>
                  ))}
                </span>
                <ShowButton plan={plan} kind={item.kind} id={item.id} label={item.label} />
              </li>
            ))}
          </ul>
          <MoreNote total={plan.changed.length} />
        </section>
      )}

      {(plan.documentMatches.length > 0 || plan.codingCollapses.length > 0) && (
        <section aria-labelledby="merge-matched">
          <h3 id="merge-matched">Matched</h3>
          <ul className="merge-list">
            {plan.documentMatches.map((item) => (
              <li key={item.keptId}>
                <span className="merge-label">“{item.name}”: the same text imported {plural(item.matchedIds.length + 1, 'time')}, kept once with all its codings</span>
                <ShowButton plan={plan} kind="documents" id={item.keptId} label={`the document “${item.name}”`} />
              </li>
            ))}
            {plan.codingCollapses.length > 0 && (
              <li>
                <span className="merge-label">
                  {plural(plan.codingCollapses.reduce((n, c) => n + c.collapsedIds.length, 0), 'coding')} of the same passage, code and coder collapse into one
                </span>
              </li>
            )}
          </ul>
        </section>
      )}

      <section aria-labelledby="merge-added">
        <h3 id="merge-added">Added ({addedRecords.length})</h3>
        <p className="merge-hint">
          {[...addedByKind].map(([kind, count]) => `${count.toLocaleString('en')} ${RECORD_KIND_DEFINITIONS[kind].plural}`).join(', ') || 'Nothing new.'}
        </p>
        <ul className="merge-list">
          {addedShown.map((item) => (
            <li key={`${item.kind}:${item.id}`}>
              <span className="merge-label">
                {item.label} <span className="merge-from">from {source(item.from)}</span>
              </span>
              <ShowButton plan={plan} kind={item.kind} id={item.id} label={item.label} />
            </li>
          ))}
        </ul>
        <MoreNote total={addedRecords.length} />
      </section>
    </Modal>
  );
}
