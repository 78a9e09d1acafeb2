/**
 * The CFIR 2009 to 2.0 crosswalk (`data/crosswalk.json`) and mapping a project coded with 2009 constructs onto 2.0.
 *
 * Mapping is planned first (`planCrosswalk`): every 2009 code of the project with its row of the crosswalk, how many
 * codings it has, and whether the user must decide it: rows whose mapping is one-to-many, has no 2.0 equivalent, or
 * is not verified against the published mapping file ("recalled" or "inferred" in the data). Nothing changes until
 * `applyCrosswalk` is given a decision for each of those. It then adds CFIR 2.0 if the project lacks it, re-points
 * each 2009 code's codings to its 2.0 target (copies to further targets of a one-to-many row, duplicates collapsed),
 * moves the study's own subcodes, memos and wording along, and removes the 2009 codes left empty if asked to. The
 * whole mapping is one change, so one undo takes it back.
 */
import crosswalkJson from './data/crosswalk.json' with { type: 'json' };
import { applyChange, composeChanges } from '../model/change.ts';
import type { ProjectChange } from '../model/change.ts';
import type { Clock, IdGenerator } from '../model/ids.ts';
import type { Code, Coding, Memo, ProjectSnapshot, Uuid } from '../model/types.ts';
import { childrenOf, orderAfter } from '../codebook/code-tree.ts';
import { CodeRefused } from '../codebook/create-code.ts';
import { freeName } from '../codebook/edit-code.ts';
import { joinText } from '../codebook/merge-code.ts';
import { duplicateKey, repointCodings } from '../codebook/repoint-codings.ts';
import { addCodebook } from './add-codebook.ts';
import { builtinCodebook, builtinElement } from './builtin-codebooks.ts';
import { stampsAt } from '../model/stamps.ts';

/** How well a crosswalk row is supported, weakest first: see the data's `verification_levels`. */
export type VerificationLevel = 'inferred' | 'recalled' | 'supported-cfirguide-lineage' | 'mapping-file-row-seen';

/** One row of the crosswalk: a 2009 element and the 2.0 elements it maps to. */
export interface CrosswalkRow {
  readonly from: string;
  readonly fromName: string;
  readonly to: readonly string[];
  readonly toNames: readonly string[];
  /** Kinds of change: "renamed", "split", "dropped", ... */
  readonly change: readonly string[];
  readonly note: string;
  readonly verification: VerificationLevel;
  /** Per-target verification where the targets differ, as the data words it. */
  readonly verificationDetail: string | null;
}

interface CrosswalkRowJson {
  readonly from: string;
  readonly from_name: string;
  readonly to: readonly string[];
  readonly to_names: readonly string[];
  readonly change: readonly string[];
  readonly note: string;
  readonly verification: string;
  readonly verification_detail?: string;
}

interface CrosswalkFileJson {
  readonly IMPORTANT: string;
  readonly verification_levels: Readonly<Record<string, string>>;
  readonly change_types: Readonly<Record<string, string>>;
  readonly mappings: readonly CrosswalkRowJson[];
}

const crosswalkFile: CrosswalkFileJson = crosswalkJson;

const LEVELS: readonly VerificationLevel[] = ['inferred', 'recalled', 'supported-cfirguide-lineage', 'mapping-file-row-seen'];

function asLevel(value: string): VerificationLevel {
  const level = LEVELS.find((l) => l === value);
  if (!level) throw new Error(`Unknown verification level "${value}" in the shipped crosswalk.`);
  return level;
}

const ROWS: readonly CrosswalkRow[] = crosswalkFile.mappings.map((row) => ({
  from: row.from,
  fromName: row.from_name,
  to: row.to,
  toNames: row.to_names,
  change: row.change,
  note: row.note,
  verification: asLevel(row.verification),
  verificationDetail: row.verification_detail ?? null,
}));

/** Every row of the crosswalk, in 2009 order. */
export function crosswalkRows(): readonly CrosswalkRow[] {
  return ROWS;
}

/** The crosswalk's own warning about how it was compiled, and what each verification level means. */
export function crosswalkCaveats(): { readonly important: string; readonly levels: Readonly<Record<string, string>> } {
  return { important: crosswalkFile.IMPORTANT, levels: crosswalkFile.verification_levels };
}

/** Whether a row is not verified against the published mapping or the cfirguide lineage. */
export function isUncertain(row: CrosswalkRow): boolean {
  return row.verification === 'recalled' || row.verification === 'inferred';
}

/** The 2.0 elements a row offers: its targets, or for a dropped grouping level the targets of the rows below it. */
export function candidateTargets(row: CrosswalkRow): readonly string[] {
  if (row.to.length) return row.to;
  const below = ROWS.filter((r) => r.from.startsWith(`${row.from}.`)).flatMap((r) => r.to);
  return [...new Set(below)];
}

/** One 2009 code of a project in the mapping preview. */
export interface CrosswalkPlanRow {
  readonly row: CrosswalkRow;
  readonly code: Code;
  /** Codings on the code itself. */
  readonly codings: number;
  /** The study's own codes under it (not 2009 codes), which move with it. */
  readonly subcodes: readonly Code[];
  /** Memos on the code. */
  readonly memos: number;
  readonly candidates: readonly string[];
  /** Why the user must decide it; empty when the row maps as it stands. */
  readonly reasons: readonly string[];
  /** Whether mapping it moves anything (codings, subcodes, memos or the study's wording). */
  readonly carriesData: boolean;
}

/** The mapping preview of a project. */
export interface CrosswalkPlan {
  readonly rows: readonly CrosswalkPlanRow[];
  /** Whether CFIR 2.0 will be added (the project does not have it yet). */
  readonly adds20: boolean;
}

/** What the user decided for a row: map to these 2.0 elements, or keep the 2009 code as it is. */
export type CrosswalkDecision = { readonly kind: 'map'; readonly targets: readonly string[] } | { readonly kind: 'keep' };

function cfir2009Codes(snapshot: ProjectSnapshot): readonly Code[] {
  return snapshot.codes.filter((c) => c.origin.kind === 'cfir' && c.origin.version === '2009');
}

function elementIdOf(code: Code): string {
  return code.origin.kind === 'inductive' ? '' : code.origin.elementId;
}

/** The mapping preview: each 2009 code of the project with a crosswalk row, and what needs deciding. */
export function planCrosswalk(snapshot: ProjectSnapshot): CrosswalkPlan {
  const codes = cfir2009Codes(snapshot);
  const rows: CrosswalkPlanRow[] = [];
  for (const row of ROWS) {
    const code = codes.find((c) => elementIdOf(c) === row.from);
    if (!code) continue;
    const codings = snapshot.codings.filter((c) => c.codeId === code.id).length;
    const subcodes = childrenOf(snapshot.codes, code.id).filter((c) => !(c.origin.kind === 'cfir' && c.origin.version === '2009'));
    const memos = snapshot.memos.filter((m) => m.target.kind === 'code' && m.target.id === code.id).length;
    const reasons: string[] = [];
    if (row.to.length === 0) reasons.push('no 2.0 equivalent');
    if (row.to.length > 1) reasons.push('one-to-many');
    if (isUncertain(row)) reasons.push(`not verified (${row.verification})`);
    const carriesData =
      codings > 0 || subcodes.length > 0 || memos > 0 || Boolean(code.description || code.inclusion || code.exclusion || code.example);
    rows.push({ row, code, codings, subcodes, memos, candidates: candidateTargets(row), reasons, carriesData });
  }
  return { rows, adds20: !snapshot.project.codebooks.includes('cfir-2.0') && !snapshot.codes.some((c) => c.origin.kind === 'cfir' && c.origin.version === '2.0') };
}

/** The rows of a plan the user still has to decide before the mapping can run. */
export function undecidedRows(plan: CrosswalkPlan, decisions: ReadonlyMap<string, CrosswalkDecision>): readonly CrosswalkPlanRow[] {
  return plan.rows.filter((r) => r.carriesData && (r.reasons.length > 0 || r.candidates.length === 0) && !decisions.has(r.row.from));
}

/** What the mapping did, for the message after it. */
export interface CrosswalkOutcome {
  readonly change: ProjectChange;
  readonly mappedCodes: number;
  readonly codingsMoved: number;
  readonly codingsCopied: number;
  readonly collapsed: number;
  readonly removedCodes: number;
  readonly added20: boolean;
}

/**
 * The change that maps the project's 2009 codes onto CFIR 2.0 as decided. A row the user did not have to decide
 * maps to its single target unless a decision says otherwise. With `removeEmpty2009`, 2009 codes left with no
 * codings, subcodes or memos are deleted (and CFIR 2009 leaves the project's codebooks if none is left); 2009 codes
 * that stay are gathered under a "CFIR 2009" category, since CFIR 2.0 now holds the top of the tree.
 */
export function applyCrosswalk(
  snapshot: ProjectSnapshot,
  decisions: ReadonlyMap<string, CrosswalkDecision>,
  options: { readonly removeEmpty2009: boolean },
  createdBy: Uuid | null,
  newId: IdGenerator,
  now: Clock,
): CrosswalkOutcome {
  const plan = planCrosswalk(snapshot);
  const missing = undecidedRows(plan, decisions);
  if (missing.length) {
    throw new CodeRefused(`Decide these rows first: ${missing.map((r) => `${r.row.from} ${r.row.fromName}`).join('; ')}.`);
  }
  const at = now();
  const clock: Clock = () => at;
  let s = snapshot;
  let total: ProjectChange = {};
  const step = (change: ProjectChange): void => {
    s = applyChange(s, change);
    total = composeChanges(total, change);
  };

  const added20 = plan.adds20;
  if (added20) step(addCodebook(s, 'cfir-2.0', createdBy, newId, clock, 'top').change);
  else if (!s.project.codebooks.includes('cfir-2.0')) {
    step({ project: { ...s.project, codebooks: [...s.project.codebooks, 'cfir-2.0'], modifiedAt: at } });
  }
  const codeOf20 = (elementId: string): Code | undefined =>
    s.codes.find((c) => c.origin.kind === 'cfir' && c.origin.version === '2.0' && c.origin.elementId === elementId);

  let mappedCodes = 0;
  let codingsMoved = 0;
  let codingsCopied = 0;
  let collapsed = 0;
  for (const planned of plan.rows) {
    const decision = decisions.get(planned.row.from) ?? (planned.row.to.length ? { kind: 'map', targets: planned.row.to } : { kind: 'keep' });
    if (decision.kind === 'keep' || !planned.carriesData) continue;
    const targets = decision.targets.map((id) => {
      const target = codeOf20(id);
      if (!target) throw new CodeRefused(`${id} is not a CFIR 2.0 construct of this project.`);
      return target;
    });
    const [first, ...more] = targets;
    if (!first) throw new CodeRefused(`Choose at least one CFIR 2.0 construct for ${planned.row.from} ${planned.row.fromName}, or keep it.`);
    const source = s.codes.find((c) => c.id === planned.code.id) as Code;
    const sourceCodings = s.codings.filter((c) => c.codeId === source.id);

    // Copies on the further targets of a one-to-many row, each unless that target already has the same passage.
    const copies: Coding[] = [];
    for (const target of more) {
      const existing = new Set(s.codings.filter((c) => c.codeId === target.id).map(duplicateKey));
      for (const coding of sourceCodings) {
        const copy: Coding = { ...coding, id: newId(), codeId: target.id, createdAt: at, modifiedAt: at };
        if (existing.has(duplicateKey(copy))) continue;
        existing.add(duplicateKey(copy));
        copies.push(copy);
      }
    }
    const repointed = repointCodings(s, sourceCodings.map((c) => c.id), first.id, at);
    const arrivingCodes: Code[] = [];
    let order = orderAfter(childrenOf(s.codes, first.id));
    const placed: Code[] = [...childrenOf(s.codes, first.id)];
    for (const sub of planned.subcodes) {
      const moved: Code = { ...sub, parentId: first.id, name: freeName(placed, first.id, sub.name), order: order++, modifiedAt: at };
      placed.push(moved);
      arrivingCodes.push(moved);
    }
    const firstUpdated: Code = {
      ...first,
      description: joinText(first.description, source.description),
      inclusion: joinText(first.inclusion, source.inclusion),
      exclusion: joinText(first.exclusion, source.exclusion),
      example: joinText(first.example, source.example),
    };
    const codeMemos = s.memos
      .filter((m) => m.target.kind === 'code' && m.target.id === source.id)
      .map((m): Memo => ({ ...m, target: { kind: 'code', id: first.id }, modifiedAt: at }));
    // The study's own wording of the 2009 code moves to the 2.0 code with the rest of its data.
    const sourceHadWording = Boolean(source.description || source.inclusion || source.exclusion || source.example);
    const wordingCodes: Code[] = sourceHadWording
      ? [
          { ...firstUpdated, modifiedAt: at },
          { ...source, description: '', inclusion: '', exclusion: '', example: '', modifiedAt: at },
        ]
      : [];
    step({
      put: {
        codes: [...wordingCodes, ...arrivingCodes],
        codings: [...repointed.put, ...copies],
        memos: [...repointed.memos, ...codeMemos],
      },
      ...(repointed.deleted.length ? { delete: { codings: repointed.deleted } } : {}),
    });
    mappedCodes += 1;
    codingsMoved += repointed.put.length;
    codingsCopied += copies.length;
    collapsed += repointed.collapsed;
  }

  let removedCodes = 0;
  const remaining2009 = (): readonly Code[] => cfir2009Codes(s);
  if (options.removeEmpty2009) {
    // Bottom up: a 2009 code goes when nothing is left on it or under it.
    const removable = new Set<Uuid>();
    const is2009 = (code: Code): boolean => code.origin.kind === 'cfir' && code.origin.version === '2009';
    const isEmpty = (code: Code): boolean => {
      if (s.codings.some((c) => c.codeId === code.id)) return false;
      if (s.memos.some((m) => m.target.kind === 'code' && m.target.id === code.id)) return false;
      return childrenOf(s.codes, code.id).every((child) => removable.has(child.id) || (isEmpty(child) && is2009(child)));
    };
    for (const code of remaining2009()) if (isEmpty(code)) removable.add(code.id);
    if (removable.size) {
      removedCodes = removable.size;
      step({ delete: { codes: [...removable] } });
    }
    if (!remaining2009().some((c) => elementIdOf(c) !== '2009')) {
      const group = remaining2009().find((c) => elementIdOf(c) === '2009');
      if (group && childrenOf(s.codes, group.id).length === 0) {
        step({ delete: { codes: [group.id] } });
        removedCodes += 1;
      }
      if (s.project.codebooks.includes('cfir-2009') && remaining2009().length === 0) {
        step({ project: { ...s.project, codebooks: s.project.codebooks.filter((id) => id !== 'cfir-2009'), modifiedAt: at } });
      }
    }
  }

  // 2009 domains still at the top go under a "CFIR 2009" category, out of the way of the 2.0 domains.
  const topLevel2009 = remaining2009().filter((c) => c.parentId === null && elementIdOf(c) !== '2009');
  if (topLevel2009.length) {
    const book = builtinCodebook('cfir-2009');
    let group = remaining2009().find((c) => elementIdOf(c) === '2009');
    const puts: Code[] = [];
    if (!group) {
      group = {
        id: newId(),
        projectId: s.project.id,
        parentId: null,
        name: freeName(s.codes, null, book.group.name),
        color: '#667085',
        description: '',
        inclusion: '',
        exclusion: '',
        example: '',
        order: orderAfter(childrenOf(s.codes, null)),
        origin: { kind: 'cfir', version: '2009', elementId: '2009' },
        isCodable: false,
        isHidden: false,
        ...stampsAt(at, createdBy),
      };
      puts.push(group);
    }
    const groupId = group.id;
    const inGroup = childrenOf(s.codes, groupId);
    topLevel2009.forEach((code, index) => puts.push({ ...code, parentId: groupId, order: inGroup.length + index, modifiedAt: at }));
    step({ put: { codes: puts } });
  }

  return { change: total, mappedCodes, codingsMoved, codingsCopied, collapsed, removedCodes, added20 };
}

/** A 2.0 element's numbering and name for the preview, e.g. "III.E Tension for Change". */
export function cfir20Label(elementId: string): string {
  const element = builtinElement('cfir-2.0', elementId);
  return element ? `${element.numbering} ${element.name}` : elementId;
}
