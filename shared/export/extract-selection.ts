/**
 * Which coded extracts an export holds, and in what order: the one selection behind the Word export, the site
 * validation packs and the CSV, in the app and on the command line.
 *
 * The extracts are the retrieval's segments (`retrieveSegments`, with its filter by site, phase, kind, speaker role
 * and coder), narrowed to chosen code subtrees, cases (a site, a site in one phase, or a set of documents) and
 * hand-picked documents, cited with the project's unique labels (`citationLabels`), and laid out as an outline:
 * headings (code tree, phase, site, in the chosen grouping) with the extracts under them in document order. Only
 * headings with extracts under them are made, so an export has no empty section; the codes left out for having none
 * are counted, for the title page to say so.
 */
import type { Code, Coder, Coding, Memo, Phase, ProjectSnapshot, Site, Speaker, TesseraDocument, Uuid } from '../model/types.ts';
import { buildProjectIndex, codeWithDescendants, codingsOfCode, codingsOverlapping, type ProjectIndex } from '../index/project-index.ts';
import { retrieveSegments, segmentText } from '../coding/retrieve-segments.ts';
import { NO_FILTER, codingPasses, type SegmentFilter } from '../coding/segment-filter.ts';
import { passageCitation } from '../coding/paragraph-label.ts';
import { citationLabels, exportCitation } from '../coding/citation-labels.ts';
import { treeOrder } from '../codebook/code-tree.ts';
import { codeLabel } from '../codebooks/code-info.ts';
import { phasesInOrder, sitesInOrder } from '../study/study-design.ts';
import { caseHasDocument } from '../ratings/cases.ts';

/** How extracts are grouped: code tree, then phase, then site; site then code tree; or phase then code tree. */
export type ExtractGrouping = 'code-phase-site' | 'site-code' | 'phase-code';

/** The groupings, with their names as the command line (`--group`) and the dialog give them. */
export const EXTRACT_GROUPINGS: readonly { readonly id: ExtractGrouping; readonly flag: string; readonly label: string }[] = [
  { id: 'code-phase-site', flag: 'code,phase,site', label: 'Code tree, then phase, then site' },
  { id: 'site-code', flag: 'site,code', label: 'Site, then code tree' },
  { id: 'phase-code', flag: 'phase,code', label: 'Phase, then code tree' },
];

/** What the user chose to export. Empty lists mean "all". */
export interface ExtractChoices {
  /** Codes whose whole subtrees are exported (a CFIR domain, a construct); empty: every code. */
  readonly codeIds: readonly Uuid[];
  /** Documents picked by hand; empty: every document that passes the filter. */
  readonly documentIds: readonly Uuid[];
  /** Cases whose documents are exported (a document of any of them); empty: no narrowing by case. */
  readonly caseIds: readonly Uuid[];
  /** Sites, phases, kinds, speaker roles and coders, as retrieval filters them. */
  readonly filter: SegmentFilter;
  readonly grouping: ExtractGrouping;
  /** Whether codes hidden in the coding tree are exported too. */
  readonly includeHidden: boolean;
}

/** Every extract of every visible code, grouped by code tree, then phase, then site. */
export const ALL_EXTRACTS: ExtractChoices = { codeIds: [], documentIds: [], caseIds: [], filter: NO_FILTER, grouping: 'code-phase-site', includeHidden: false };

/** One coded passage as an export shows it. */
export interface Extract {
  readonly coding: Coding;
  readonly code: Code;
  /** The code's place in the tree, with numbering: "II Inner Setting › II.G Culture › Trust". */
  readonly codePath: string;
  readonly document: TesseraDocument;
  readonly site: Site | null;
  readonly phase: Phase | null;
  readonly firstParagraph: number;
  readonly lastParagraph: number;
  /** The paragraph label, unique in the project: "BU 45", "BU 45–47", "BU FN 3". */
  readonly paragraphLabel: string;
  /** The citation as papers print it (without the brackets), in the project's style: "BU 45, pre". */
  readonly citation: string;
  readonly speaker: Speaker | null;
  readonly coder: Coder | null;
  /** The exact coded text. */
  readonly text: string;
  /** Memos written on this coding. */
  readonly memos: readonly Memo[];
  /** The other codes coded on an overlapping passage of the same document, in tree order. */
  readonly otherCodes: readonly Code[];
}

/** A line of the outline: a heading (level 1 at the top), or an extract. */
export type OutlineEntry =
  | { readonly kind: 'heading'; readonly level: number; readonly group: 'code' | 'phase' | 'site'; readonly title: string; readonly code: Code | null }
  | { readonly kind: 'extract'; readonly extract: Extract };

/** The extracts of a selection, laid out, with the counts a title page states. */
export interface ExtractSelection {
  readonly outline: readonly OutlineEntry[];
  /** The extracts in outline order. */
  readonly extracts: readonly Extract[];
  /** Codes with at least one extract. */
  readonly codesWithExtracts: number;
  /** Codable codes of the chosen subtrees left out because no extract of theirs is in the selection. */
  readonly emptyCodes: number;
  /** Documents with at least one extract. */
  readonly documents: number;
  /** The choices in words, for the title page: [what, chosen]. */
  readonly choices: readonly (readonly [string, string])[];
}

/** How the counts are made, stated wherever they are printed. */
export const COUNTING_METHOD =
  'Counts are codings: one code applied to one passage by one coder is one extract. A passage coded with several codes ' +
  'appears under each of them, and the same passage coded by two coders appears once for each coder.';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Selects, cites and lays out the extracts the choices ask for. */
export function selectExtracts(snapshot: ProjectSnapshot, choices: ExtractChoices, index: ProjectIndex = buildProjectIndex(snapshot)): ExtractSelection {
  const { tree, visible, chosen } = chosenCodes(snapshot, choices, index);

  const labels = citationLabels(snapshot, index.documentById);
  const sites = new Map(snapshot.sites.map((site) => [site.id, site]));
  const phases = new Map(snapshot.phases.map((phase) => [phase.id, phase]));
  const coders = index.coderById;
  const pickedDocuments = pickedDocumentIds(snapshot, choices);
  const memosByCoding = new Map<Uuid, Memo[]>();
  for (const memo of snapshot.memos) {
    if (memo.target.kind !== 'coding') continue;
    const list = memosByCoding.get(memo.target.id);
    if (list) list.push(memo);
    else memosByCoding.set(memo.target.id, [memo]);
  }
  const treeRank = new Map(tree.map((entry, i) => [entry.code.id, i]));
  const pathOf = codePaths(tree);

  const segments = retrieveSegments(index, snapshot, { codeIds: [...chosen], filter: choices.filter, order: 'site-phase' });
  const extracts: Extract[] = [];
  for (const segment of segments) {
    if (pickedDocuments && !pickedDocuments.has(segment.document.id)) continue;
    const { coding, document } = segment;
    const label = labels.get(document.id) ?? { label: '', stem: '', phase: null, phaseAfter: null };
    const others = new Map<Uuid, Code>();
    for (const other of codingsOverlapping(index, document.id, coding.start, coding.end)) {
      if (other.codeId === coding.codeId || !visible.has(other.codeId)) continue;
      const code = index.codeById.get(other.codeId);
      if (code) others.set(code.id, code);
    }
    extracts.push({
      coding,
      code: segment.code,
      codePath: pathOf.get(segment.code.id) ?? codeLabel(segment.code),
      document,
      site: sites.get(document.attributes.siteId ?? '') ?? null,
      phase: phases.get(document.attributes.phaseId ?? '') ?? null,
      firstParagraph: segment.firstParagraph,
      lastParagraph: segment.lastParagraph,
      paragraphLabel: passageCitation(label.stem, segment.firstParagraph, segment.lastParagraph),
      citation: exportCitation(label, segment.firstParagraph, segment.lastParagraph),
      speaker: segment.speaker,
      coder: coding.createdBy ? (coders.get(coding.createdBy) ?? null) : null,
      text: segmentText(segment),
      memos: memosByCoding.get(coding.id) ?? [],
      otherCodes: [...others.values()].sort((a, b) => (treeRank.get(a.id) ?? 0) - (treeRank.get(b.id) ?? 0)),
    });
  }

  const outline = layOut(extracts, tree, choices.grouping, snapshot);
  const withExtracts = new Set(extracts.map((e) => e.code.id));
  const emptyCodes = tree.filter((entry) => chosen.has(entry.code.id) && entry.code.isCodable && !withExtracts.has(entry.code.id)).length;
  return {
    outline,
    extracts: outline.flatMap((entry) => (entry.kind === 'extract' ? [entry.extract] : [])),
    codesWithExtracts: withExtracts.size,
    emptyCodes,
    documents: new Set(extracts.map((e) => e.document.id)).size,
    choices: describeChoices(snapshot, choices, index),
  };
}

/**
 * The documents the choices narrow to by hand and by case (a document must be in both where both are given), or
 * null when they narrow to none in particular. A case chosen that is no longer in the project narrows to nothing.
 */
function pickedDocumentIds(snapshot: Pick<ProjectSnapshot, 'documents' | 'cases'>, choices: ExtractChoices): ReadonlySet<Uuid> | null {
  if (choices.documentIds.length === 0 && choices.caseIds.length === 0) return null;
  const scopes = choices.caseIds.map((id) => snapshot.cases.find((c) => c.id === id)?.scope).filter((scope) => scope !== undefined);
  const byHand = choices.documentIds.length ? new Set(choices.documentIds) : null;
  const picked = new Set<Uuid>();
  for (const document of snapshot.documents) {
    if (byHand && !byHand.has(document.id)) continue;
    if (choices.caseIds.length && !scopes.some((scope) => caseHasDocument(scope, document))) continue;
    picked.add(document.id);
  }
  return picked;
}

/** The codes in tree order (hidden ones left out unless chosen), and those the choices export. */
function chosenCodes(snapshot: Pick<ProjectSnapshot, 'codes'>, choices: ExtractChoices, index: Pick<ProjectIndex, 'codeById' | 'childCodes'>) {
  const tree = treeOrder(snapshot.codes, { includeHidden: choices.includeHidden });
  const visible = new Set(tree.map((entry) => entry.code.id));
  const chosen = new Set<Uuid>();
  if (choices.codeIds.length === 0) for (const id of visible) chosen.add(id);
  for (const rootId of choices.codeIds) {
    for (const code of codeWithDescendants(index, rootId)) if (visible.has(code.id)) chosen.add(code.id);
  }
  return { tree, visible, chosen };
}

/**
 * How many extracts the choices select, without citing or laying them out: quick enough to show as the user
 * changes the choices (the same predicates as `selectExtracts`, so the same number).
 */
export function countExtracts(snapshot: Pick<ProjectSnapshot, 'codes' | 'documents' | 'cases'>, choices: ExtractChoices, index: ProjectIndex): { readonly extracts: number; readonly documents: number } {
  const { chosen } = chosenCodes(snapshot, choices, index);
  const picked = pickedDocumentIds(snapshot, choices);
  const documentOf = (id: Uuid) => index.documentById.get(id);
  const documents = new Set<Uuid>();
  let extracts = 0;
  for (const codeId of chosen) {
    for (const coding of codingsOfCode(index, codeId)) {
      if (picked && !picked.has(coding.documentId)) continue;
      if (!codingPasses(choices.filter, coding, documentOf)) continue;
      extracts += 1;
      documents.add(coding.documentId);
    }
  }
  return { extracts, documents: documents.size };
}

/** Each code's path from the top of the tree, with numbering ("II Inner Setting › II.G Culture"). */
function codePaths(tree: ReturnType<typeof treeOrder>): ReadonlyMap<Uuid, string> {
  const paths = new Map<Uuid, string>();
  for (const { code } of tree) {
    const parent = code.parentId ? paths.get(code.parentId) : undefined;
    paths.set(code.id, parent ? `${parent} › ${codeLabel(code)}` : codeLabel(code));
  }
  return paths;
}

type Tree = ReturnType<typeof treeOrder>;

/** Puts extracts under headings in the chosen grouping; a heading is made only when extracts are under it. */
function layOut(extracts: readonly Extract[], tree: Tree, grouping: ExtractGrouping, study: Pick<ProjectSnapshot, 'sites' | 'phases'>): OutlineEntry[] {
  const siteRank = new Map(sitesInOrder(study.sites).map((site, i) => [site.id, i]));
  const phaseRank = new Map(phasesInOrder(study.phases).map((phase, i) => [phase.id, i]));
  const rankOf = (map: ReadonlyMap<Uuid, number>, item: { id: Uuid } | null) => (item ? (map.get(item.id) ?? Infinity) : Infinity);
  const bySite = (a: Extract, b: Extract) => rankOf(siteRank, a.site) - rankOf(siteRank, b.site);
  const byPhase = (a: Extract, b: Extract) => rankOf(phaseRank, a.phase) - rankOf(phaseRank, b.phase);
  const byDocument = (a: Extract, b: Extract) =>
    collator.compare(a.document.name, b.document.name) ||
    (a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0) ||
    a.coding.start - b.coding.start ||
    a.coding.end - b.coding.end ||
    (a.coding.id < b.coding.id ? -1 : a.coding.id > b.coding.id ? 1 : 0);
  const siteTitle = (site: Site | null) => (site ? (site.name && site.name !== site.code ? `${site.code}: ${site.name}` : site.code) : 'No site');
  const phaseTitle = (phase: Phase | null) => phase?.name ?? 'No phase';

  if (grouping === 'code-phase-site') {
    return codeOutline(extracts, tree, 0, (list, level, out) => {
      const sorted = [...list].sort((a, b) => byPhase(a, b) || bySite(a, b) || byDocument(a, b));
      let phaseKey: string | undefined;
      let siteKey: string | undefined;
      for (const extract of sorted) {
        const p = extract.phase?.id ?? '';
        if (p !== phaseKey) {
          out.push({ kind: 'heading', level: level + 1, group: 'phase', title: phaseTitle(extract.phase), code: null });
          phaseKey = p;
          siteKey = undefined;
        }
        const s = extract.site?.id ?? '';
        if (s !== siteKey) {
          out.push({ kind: 'heading', level: level + 2, group: 'site', title: siteTitle(extract.site), code: null });
          siteKey = s;
        }
        out.push({ kind: 'extract', extract });
      }
    });
  }
  const outer = grouping === 'site-code' ? bySite : byPhase;
  const keyOf = (e: Extract) => (grouping === 'site-code' ? (e.site?.id ?? '') : (e.phase?.id ?? ''));
  const sorted = [...extracts].sort((a, b) => outer(a, b) || bySite(a, b) || byPhase(a, b) || byDocument(a, b));
  const out: OutlineEntry[] = [];
  let start = 0;
  while (start < sorted.length) {
    const first = sorted[start] as Extract;
    let end = start;
    while (end < sorted.length && keyOf(sorted[end] as Extract) === keyOf(first)) end++;
    out.push({
      kind: 'heading',
      level: 1,
      group: grouping === 'site-code' ? 'site' : 'phase',
      title: grouping === 'site-code' ? siteTitle(first.site) : phaseTitle(first.phase),
      code: null,
    });
    // Already in document order within the group (the sort above), which the code sections keep.
    out.push(...codeOutline(sorted.slice(start, end), tree, 1, (list, _level, into) => list.forEach((extract) => into.push({ kind: 'extract', extract }))));
    start = end;
  }
  return out;
}

/**
 * The code-tree part of an outline: each code with extracts gets a heading (at its depth below `baseLevel`), with
 * the headings of its ancestors above it the first time one is needed; `body` lays out the code's own extracts.
 */
function codeOutline(
  extracts: readonly Extract[],
  tree: Tree,
  baseLevel: number,
  body: (extracts: readonly Extract[], level: number, out: OutlineEntry[]) => void,
): OutlineEntry[] {
  const byCode = new Map<Uuid, Extract[]>();
  for (const extract of extracts) {
    const list = byCode.get(extract.code.id);
    if (list) list.push(extract);
    else byCode.set(extract.code.id, [extract]);
  }
  // Which codes need a heading: those with extracts, and every code above one.
  const parentOf = new Map(tree.map((entry) => [entry.code.id, entry.code.parentId]));
  const needed = new Set<Uuid>();
  for (const codeId of byCode.keys()) {
    let id: Uuid | null | undefined = codeId;
    while (id && !needed.has(id)) {
      needed.add(id);
      id = parentOf.get(id);
    }
  }
  const out: OutlineEntry[] = [];
  for (const { code, depth } of tree) {
    if (!needed.has(code.id)) continue;
    const level = baseLevel + depth + 1;
    out.push({ kind: 'heading', level, group: 'code', title: codeLabel(code), code });
    const own = byCode.get(code.id);
    if (own) body(own, level, out);
  }
  return out;
}

const KIND_NAMES = { transcript: 'transcripts', 'field-notes': 'field notes' } as const;

function describeChoices(snapshot: ProjectSnapshot, choices: ExtractChoices, index: ProjectIndex): (readonly [string, string])[] {
  const { filter } = choices;
  const names = <T>(ids: readonly Uuid[], find: (id: Uuid) => T | undefined, name: (item: T) => string) =>
    ids.map((id) => find(id)).filter((item): item is T => item !== undefined).map(name).join(', ');
  const all = (text: string, fallback: string) => text || fallback;
  const grouping = EXTRACT_GROUPINGS.find((g) => g.id === choices.grouping)?.label ?? choices.grouping;
  return [
    ['Codes', all(names(choices.codeIds, (id) => index.codeById.get(id), (code) => `${codeLabel(code)} (with the codes beneath it)`), 'all codes') + (choices.includeHidden ? ', hidden codes included' : '')],
    ['Sites', all(names(filter.siteIds, (id) => snapshot.sites.find((s) => s.id === id), (s) => s.code), 'all sites')],
    ['Phases', all(names(filter.phaseIds, (id) => snapshot.phases.find((p) => p.id === id), (p) => p.name), 'all phases')],
    ['Kinds of document', all(filter.kinds.map((kind) => KIND_NAMES[kind]).join(', '), 'all kinds')],
    ...(choices.caseIds.length ? [['Cases', names(choices.caseIds, (id) => snapshot.cases.find((c) => c.id === id), (c) => c.name)] as const] : []),
    ['Documents', all(names(choices.documentIds, (id) => index.documentById.get(id), (d) => d.name), 'all documents that pass the choices above')],
    ['Coders', all(names(filter.coderIds, (id) => index.coderById.get(id), (c) => c.name), 'all coders')],
    ['Speaker roles', all(filter.speakerRoles.join(', '), 'all speakers')],
    ...(filter.speakerAttribute ? [['Speakers with', `${filter.speakerAttribute.key}: ${filter.speakerAttribute.value}`] as const] : []),
    ['Grouping', `${grouping}; within a group, in document order`],
  ];
}
