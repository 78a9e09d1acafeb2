/**
 * A passage said in words for the live region (see app/announcer.tsx): its first words and its citation.
 */
import type { ProjectSnapshot } from '#shared/model/types';
import type { CodePointRange } from '#shared/text/code-points';
import type { Uuid } from '#shared/model/types';
import { passageGist } from '#shared/coding/passage-gist';
import { paragraphSpan } from '#shared/coding/paragraph-label';
import { documentLabel } from '#shared/coding/citation-labels';
import { documentSlice } from '#shared/index/text-maps';

/** A passage in words for a screen reader: its first words and where it is, “P6: The doctors…” (BU 3). */
export function passageInWords(snapshot: ProjectSnapshot, range: CodePointRange & { readonly documentId: Uuid }): string {
  const document = snapshot.documents.find((d) => d.id === range.documentId);
  if (!document) return 'a passage';
  const citation = paragraphSpan(document.paragraphs, range.start, range.end, documentLabel(snapshot, snapshot.documents, document.id));
  return `“${passageGist(documentSlice(document, range.start, range.end))}”${citation ? ` (${citation})` : ''}`;
}

