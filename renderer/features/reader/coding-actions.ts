/**
 * What a coder does to codings from the reader, each one change of the project (one step of undo) made through
 * `changeProject`: code a passage, code it in vivo (a new code named with the selected words, and the coding, as
 * one step), resize, re-code and remove a coding, and code many passages at once.
 *
 * Every computation reads the document's codings from the project index rather than scanning all of them, which is
 * what keeps coding instant in a project of 50,000 codings.
 */
import { UserError } from '#shared/model/user-error';
import type { Code, Coding, ProjectSnapshot, Uuid } from '#shared/model/types';
import type { ProjectChange } from '#shared/model/change';
import { randomUuid, systemClock } from '#shared/model/ids';
import { applyCode, codePassages, editCoding, removeCodings } from '#shared/coding/apply-code';
import { createCode } from '#shared/codebook/create-code';
import { inVivoName } from '#shared/coding/quick-code';
import { codingById, codingsOfDocument, type ProjectIndex } from '#shared/index/project-index';
import { documentSlice } from '#shared/index/text-maps';
import type { Passage } from '#shared/search/hit-context';
import { attempt, changeProject, notify, useWorkspace } from '../../state/workspace-store.ts';
import { noteCodeUsed, selectCoding, useReader, type DocumentRange } from './reader-store.ts';
import { plural } from '../../app/format.ts';
import { announce } from '../../app/announcer.tsx';
import { passageInWords } from './passage-in-words.ts';

function codeName(snapshot: ProjectSnapshot | null, codeId: Uuid): string {
  return snapshot?.codes.find((c) => c.id === codeId)?.name ?? 'a code';
}

/** The index that belongs to the snapshot a change is computed on (the store keeps both in step). */
function indexFor(snapshot: ProjectSnapshot): ProjectIndex | null {
  const index = useWorkspace.getState().index;
  return index && index.projectId === snapshot.project.id && index.codingCount === snapshot.codings.length ? index : null;
}

function documentCodings(snapshot: ProjectSnapshot, documentId: Uuid): readonly Coding[] | undefined {
  const index = indexFor(snapshot);
  return index ? codingsOfDocument(index, documentId) : undefined;
}

function currentCoding(snapshot: ProjectSnapshot, codingId: Uuid): Coding {
  const index = indexFor(snapshot);
  const coding = index ? codingById(index, codingId) : snapshot.codings.find((c) => c.id === codingId);
  if (!coding) throw new UserError('That coding is no longer in the project.');
  return coding;
}

/** Codes a passage with a code; resolves to the new coding's id, or null when it was refused (a notice says why). */
export async function codeRange(codeId: Uuid, range: DocumentRange): Promise<Uuid | null> {
  let made: Uuid | null = null;
  await attempt(null, async () => {
    const coding = await changeProject('Coding', (snapshot) => {
      const result = applyCode(
        snapshot,
        { documentId: range.documentId, codeId, start: range.start, end: range.end, coderId: useWorkspace.getState().currentCoderId },
        randomUuid,
        systemClock,
        documentCodings(snapshot, range.documentId),
      );
      return { change: result.change, result: result.coding };
    });
    if (coding) {
      made = coding.id;
      noteCodeUsed(codeId);
      const snapshot = useWorkspace.getState().snapshot;
      if (snapshot) announce(`Coded ${passageInWords(snapshot, coding)} with ${codeName(snapshot, codeId)}.`);
    }
  });
  return made;
}

/** Makes an inductive code named with the selected words and codes the passage with it, as one step. */
export async function codeInVivo(range: DocumentRange): Promise<Uuid | null> {
  let made: Uuid | null = null;
  await attempt(null, async () => {
    const result = await changeProject('In-vivo coding', (snapshot) => {
      const document = snapshot.documents.find((d) => d.id === range.documentId);
      if (!document) throw new UserError('That document is no longer in the project.');
      const name = inVivoName(documentSlice(document, range.start, range.end));
      if (!name) throw new UserError('Select some words to name the in-vivo code after.');
      const coderId = useWorkspace.getState().currentCoderId;
      const { code } = createCode(snapshot, { name, parentId: null, origin: { kind: 'inductive' } }, coderId, randomUuid, systemClock);
      // The coding is checked against the project with the new code in it.
      const withCode: ProjectSnapshot = { ...snapshot, codes: [...snapshot.codes, code] };
      const coded = applyCode(withCode, { ...range, codeId: code.id, coderId }, randomUuid, systemClock, documentCodings(snapshot, range.documentId));
      const change: ProjectChange = { put: { codes: [code], codings: coded.change.put?.codings ?? [] } };
      return { change, result: { code, coding: coded.coding } };
    });
    if (result) {
      made = result.coding.id;
      noteCodeUsed(result.code.id);
      useWorkspace.setState({ selectedCodeId: result.code.id });
      notify('info', `New in-vivo code “${result.code.name}”.`);
      const snapshot = useWorkspace.getState().snapshot;
      if (snapshot) announce(`Coded ${passageInWords(snapshot, result.coding)} with the new in-vivo code ${result.code.name}.`);
    }
  });
  return made;
}

/** Gives a coding new edges. */
export async function resizeCoding(codingId: Uuid, start: number, end: number): Promise<boolean> {
  return attempt(null, async () => {
    await changeProject('Resize coding', (snapshot) => {
      const coding = currentCoding(snapshot, codingId);
      return { change: editCoding(snapshot, coding, { start, end }, systemClock, documentCodings(snapshot, coding.documentId)).change, result: undefined };
    });
  });
}

/** Gives a coding another code. */
export async function recodeCoding(codingId: Uuid, codeId: Uuid): Promise<boolean> {
  const done = await attempt(null, async () => {
    await changeProject('Re-code', (snapshot) => {
      const coding = currentCoding(snapshot, codingId);
      return { change: editCoding(snapshot, coding, { codeId }, systemClock, documentCodings(snapshot, coding.documentId)).change, result: undefined };
    });
  });
  if (done) {
    noteCodeUsed(codeId);
    const snapshot = useWorkspace.getState().snapshot;
    const coding = snapshot ? currentCoding(snapshot, codingId) : null;
    if (snapshot && coding) announce(`Re-coded ${passageInWords(snapshot, coding)} with ${codeName(snapshot, codeId)}.`);
  }
  return done;
}

/** Removes a coding (and any memo on it). */
export async function removeCoding(codingId: Uuid): Promise<boolean> {
  let said = '';
  const done = await attempt(null, async () => {
    await changeProject('Remove coding', (snapshot) => {
      // Said from the project as it was, while the coding and its code are still in it.
      const coding = currentCoding(snapshot, codingId);
      said = `Removed the coding of ${passageInWords(snapshot, coding)} with ${codeName(snapshot, coding.codeId)}.`;
      return { change: removeCodings(snapshot, [codingId]), result: undefined };
    });
  });
  if (done && useReader.getState().selectedCodingId === codingId) selectCoding(null);
  if (done && said) announce(said);
  return done;
}

/**
 * Codes many passages with one code as one step of undo (the search's "code all hits"); passages already coded so
 * are skipped. Resolves to how many codings were made, or null when the batch was refused.
 */
export async function codeManyPassages(code: Code, passages: readonly Passage[]): Promise<number | null> {
  let made: number | null = null;
  await attempt(passages.length > 200 ? `Coding ${passages.length} passages…` : null, async () => {
    const result = await changeProject(`Code ${plural(passages.length, 'passage')} “${code.name}”`, (snapshot) => {
      const index = indexFor(snapshot);
      const batch = codePassages(
        snapshot,
        code.id,
        useWorkspace.getState().currentCoderId,
        passages,
        randomUuid,
        systemClock,
        index ? (documentId) => codingsOfDocument(index, documentId) : undefined,
      );
      return { change: batch.change, result: batch };
    });
    if (result) {
      made = result.codings.length;
      noteCodeUsed(code.id);
      const skipped = result.alreadyCoded ? ` (${plural(result.alreadyCoded, 'passage')} already coded so)` : '';
      notify('info', `Coded ${plural(result.codings.length, 'passage')} with “${code.name}”${skipped}.`);
      announce(`Coded ${plural(result.codings.length, 'passage')} with ${code.name}${skipped}.`);
    }
  });
  return made;
}
