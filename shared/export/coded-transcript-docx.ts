/**
 * One coded transcript as a Word document, for sharing it with a colleague: the transcript's paragraphs with their
 * numbers (the numbers quotes are cited by), and each coding as a Word comment naming its code(s) and coder over the
 * coded words, which are also shaded so a printout shows them. Codings of the same passage by the same coder share
 * one comment that names all their codes.
 */
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type ParagraphChild,
} from 'docx';
import type { ProjectSnapshot, Uuid } from '../model/types.ts';
import { documentSlice } from '../index/text-maps.ts';
import { passageParagraphs } from '../coding/paragraph-label.ts';
import { treeOrder } from '../codebook/code-tree.ts';
import { codeLabel } from '../codebooks/code-info.ts';
import { citationLabels, exportCitation } from '../coding/citation-labels.ts';
import { xmlSafe } from '../refi/xml-writer.ts';
import { COUNTING_METHOD } from './extract-selection.ts';
import { DOCUMENT_STYLES, GREY, PAGE, SIZE, isRightToLeft, labelled, pageFooter, plain } from './docx-parts.ts';

/** Which codings to show. */
export interface CodedTranscriptOptions {
  readonly subtitle: string;
  /** Coders whose codings to show; empty: all. */
  readonly coderIds: readonly Uuid[];
  readonly includeHidden: boolean;
}

/** A comment: the codes one coder applied to one passage. */
interface CodingComment {
  readonly id: number;
  readonly start: number;
  readonly end: number;
  readonly coderId: Uuid | null;
  readonly codeNames: string[];
}

/** The Word document of one transcript with its codings as comments. */
export async function codedTranscriptDocx(snapshot: ProjectSnapshot, documentId: Uuid, options: CodedTranscriptOptions): Promise<Uint8Array> {
  const document = snapshot.documents.find((d) => d.id === documentId);
  if (!document) throw new RangeError(`No document with id ${documentId} in the project.`);
  const tree = treeOrder(snapshot.codes, { includeHidden: options.includeHidden });
  const rank = new Map(tree.map((entry, i) => [entry.code.id, i]));
  const codes = new Map(snapshot.codes.map((c) => [c.id, c]));
  const coders = new Map(snapshot.coders.map((c) => [c.id, c]));
  const codings = snapshot.codings
    .filter((c) => c.documentId === documentId && rank.has(c.codeId))
    .filter((c) => options.coderIds.length === 0 || (c.createdBy !== null && options.coderIds.includes(c.createdBy)))
    .sort((a, b) => a.start - b.start || a.end - b.end || (rank.get(a.codeId) ?? 0) - (rank.get(b.codeId) ?? 0));

  // One comment per passage and coder, naming every code that coder gave it.
  const comments: CodingComment[] = [];
  const byPassage = new Map<string, CodingComment>();
  for (const coding of codings) {
    const key = `${coding.start}:${coding.end}:${coding.createdBy ?? ''}`;
    const name = codeLabel(codes.get(coding.codeId) as NonNullable<ReturnType<typeof codes.get>>);
    const existing = byPassage.get(key);
    if (existing) existing.codeNames.push(name);
    else {
      const comment: CodingComment = { id: comments.length, start: coding.start, end: coding.end, coderId: coding.createdBy, codeNames: [name] };
      comments.push(comment);
      byPassage.set(key, comment);
    }
  }

  // Where each comment starts and ends, moved inside the paragraphs (a passage may begin on a line break).
  type Mark = { offset: number; comment: CodingComment; edge: 'start' | 'end' };
  const marksByParagraph = new Map<number, Mark[]>();
  const addMark = (n: number, mark: Mark) => {
    const list = marksByParagraph.get(n);
    if (list) list.push(mark);
    else marksByParagraph.set(n, [mark]);
  };
  for (const comment of comments) {
    const span = passageParagraphs(document.paragraphs, comment.start, comment.end);
    if (!span) continue;
    addMark(span.first.n, { offset: Math.max(comment.start, span.first.start), comment, edge: 'start' });
    addMark(span.last.n, { offset: Math.min(comment.end, span.last.end), comment, edge: 'end' });
  }

  const open = new Set<number>();
  const body: Paragraph[] = document.paragraphs.map((paragraph) => {
    const marks = (marksByParagraph.get(paragraph.n) ?? []).sort((a, b) => a.offset - b.offset || (a.edge === b.edge ? 0 : a.edge === 'end' ? -1 : 1));
    const cuts = [...new Set([paragraph.start, paragraph.utteranceStart, paragraph.end, ...marks.map((m) => m.offset)])]
      .filter((offset) => offset >= paragraph.start && offset <= paragraph.end)
      .sort((a, b) => a - b);
    const paragraphText = documentSlice(document, paragraph.start, paragraph.end);
    const rtl = isRightToLeft(paragraphText);
    const children: ParagraphChild[] = [new TextRun({ text: `${paragraph.n}\t`, size: SIZE.small, color: GREY })];
    let m = 0;
    for (let i = 0; i < cuts.length; i++) {
      const at = cuts[i] as number;
      for (; m < marks.length && (marks[m] as Mark).offset === at; m++) {
        const mark = marks[m] as Mark;
        if (mark.edge === 'start') {
          children.push(new CommentRangeStart(mark.comment.id));
          open.add(mark.comment.id);
        } else {
          children.push(new CommentRangeEnd(mark.comment.id), new TextRun({ children: [new CommentReference(mark.comment.id)] }));
          open.delete(mark.comment.id);
        }
      }
      const next = cuts[i + 1];
      if (next === undefined || next <= at) continue;
      children.push(
        new TextRun({
          text: xmlSafe(documentSlice(document, at, next)),
          bold: at < paragraph.utteranceStart,
          highlight: open.size ? 'lightGray' : undefined,
          rightToLeft: rtl || undefined,
        }),
      );
    }
    return new Paragraph({ bidirectional: rtl || undefined, children, spacing: { after: 120 }, indent: { left: 567, hanging: 567 } });
  });

  const commentOptions: ICommentOptions[] = comments.map((comment) => {
    const coder = comment.coderId ? coders.get(comment.coderId) : undefined;
    return {
      id: comment.id,
      author: coder?.name ?? 'Unknown coder',
      initials: coder?.initials ?? '?',
      children: [new Paragraph({ children: [new TextRun({ text: xmlSafe(comment.codeNames.join('; ')) })] })],
    };
  });

  const project = snapshot.project;
  const site = snapshot.sites.find((s) => s.id === document.attributes.siteId);
  const phase = snapshot.phases.find((p) => p.id === document.attributes.phaseId);
  const label = citationLabels(snapshot, snapshot.documents).get(document.id);
  const title = `Coded transcript: ${document.name}`;
  const usedCoders = [...new Set(codings.map((c) => c.createdBy))].map((id) => (id ? (coders.get(id)?.name ?? 'Unknown coder') : 'Unknown coder'));
  const intro: Paragraph[] = [
    new Paragraph({ style: 'Title', children: [new TextRun({ text: xmlSafe(title) })], spacing: { after: 120 } }),
    plain(options.subtitle, { color: GREY, after: 240 }),
    labelled('Project', project.name),
    labelled('Site', site ? `${site.code}${site.name ? ` (${site.name})` : ''}` : 'none'),
    labelled('Phase', phase?.name ?? 'none'),
    labelled('Kind', document.kind === 'field-notes' ? 'field notes' : 'transcript'),
    ...(document.attributes.language ? [labelled('Language', document.attributes.language)] : []),
    ...(document.attributes.date ? [labelled('Date', document.attributes.date)] : []),
    labelled('Cited as', label?.stem ? `${label.stem} and the paragraph number, e.g. (${exportCitation(label, 12, 12)})` : 'the paragraph number'),
    labelled('Codings', `${codings.length} by ${usedCoders.length ? usedCoders.join(', ') : 'no coder'}; each is a comment in the margin naming its code(s) and coder, over shaded words.`),
    plain(COUNTING_METHOD, { italics: true, color: GREY, size: SIZE.small, after: 240 }),
  ];

  const file = new Document({
    creator: 'Tessera',
    title,
    description: 'A transcript with its codings as comments, exported from Tessera',
    styles: DOCUMENT_STYLES,
    comments: { children: commentOptions },
    sections: [{ properties: { page: PAGE }, footers: { default: pageFooter(title) }, children: [...intro, ...body] }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

