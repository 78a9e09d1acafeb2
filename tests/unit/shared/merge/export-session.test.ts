/** A coder's session: their own work since a date, with everything it refers to, and nothing else. */
import { describe, expect, it } from 'vitest';
import { applyChange } from '#shared/model/change';
import { formatHlc } from '#shared/model/clock';
import { checkSnapshotIntegrity } from '#shared/model/schema';
import type { Coding, Memo } from '#shared/model/types';
import { exportSession } from '#shared/merge/export-session';
import { applyMergePlan, planMerge } from '#shared/merge/merge-plan';
import { synthesizeStudy } from '#shared/synth/synthesize-study';

const base = synthesizeStudy({ documents: 4, wordsPerDocument: 120, codes: 8, codings: 20, coders: 2, seed: 8 });
const [ada, ben] = base.coders.map((c) => c.id) as [string, string];
const later = '2030-03-01T09:00:00.000Z';
const stamps = { createdAt: later, createdBy: ben, modifiedAt: later, modifiedBy: ben, clock: formatHlc({ ms: Date.parse(later), counter: 0, node: 'b' }) };
const document = base.documents[2] as (typeof base.documents)[number];
const code = base.codes.find((c) => c.isCodable && c.parentId !== null) as (typeof base.codes)[number];
const fresh: Coding = { id: 'bbbbbbbb-0000-4000-8000-000000000001', projectId: base.project.id, documentId: document.id, codeId: code.id, start: 0, end: 3, ...stamps };
const memo: Memo = { id: 'bbbbbbbb-0000-4000-8000-000000000002', projectId: base.project.id, target: { kind: 'coding', id: fresh.id }, title: 'Why', text: '', ...stamps };
const project = applyChange(base, { put: { codings: [fresh], memos: [memo] } });

describe('exportSession', () => {
  it('holds the coder’s records changed since the date, and what they refer to', () => {
    const session = exportSession(project, ben, '2030-01-01T00:00:00.000Z');
    expect(session.codings.map((c) => c.id)).toEqual([fresh.id]);
    expect(session.memos.map((m) => m.id)).toEqual([memo.id]);
    expect(session.documents.map((d) => d.id)).toEqual([document.id]);
    // The code, its parent category, the coders named by the stamps: all there, so nothing dangles.
    expect(session.codes.map((c) => c.id)).toEqual(expect.arrayContaining([code.id, code.parentId]));
    expect(checkSnapshotIntegrity(session)).toEqual([]);
    expect(session.codings.some((c) => c.createdBy === ada)).toBe(false);
  });

  it('without a date, holds all the coder’s work; merged back into the project it changes nothing', () => {
    const session = exportSession(project, ben, null);
    // Every coding of the coder's, and others' codings only where the coder's memos are about them.
    const own = project.codings.filter((c) => c.createdBy === ben).map((c) => c.id);
    expect(session.codings.map((c) => c.id)).toEqual(expect.arrayContaining(own));
    const aboutCodings = new Set(session.memos.flatMap((m) => (m.target.kind === 'coding' ? [m.target.id] : [])));
    for (const coding of session.codings) expect(coding.createdBy === ben || aboutCodings.has(coding.id)).toBe(true);
    expect(checkSnapshotIntegrity(session)).toEqual([]);
    expect(applyMergePlan(project, planMerge(project, [session])).change).toEqual({});
  });
});
