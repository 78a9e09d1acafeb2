import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { strFromU8, unzipSync } from 'fflate';
import { applyChange } from '#shared/model/change';
import type { Code } from '#shared/model/types';
import { withCodebooks } from '#shared/codebooks/add-codebook';
import { createCode } from '#shared/codebook/create-code';
import { updateCode } from '#shared/codebook/edit-code';
import { applyCode } from '#shared/coding/apply-code';
import { codebookDocx } from '#shared/export/codebook-docx';
import { projectWithTranscript } from '../fixture-project.ts';

async function wordText(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}

describe('the codebook as a Word document', () => {
  it('prints the tree with numbering, definitions, criteria, example, counts and the codebooks’ citations', async () => {
    const { snapshot, document, newId, now } = projectWithTranscript();
    let s = withCodebooks(snapshot, ['cfir-2.0', 'ibrahim-2019'], null, newId, now);
    const market = s.codes.find((c) => c.origin.kind === 'cfir' && c.origin.elementId === '2.0.II.G.2') as Code;
    const innovation = s.codes.find((c) => c.name === 'Innovation') as Code;
    s = applyChange(s, updateCode(s, innovation.id, { isHidden: true }, now));
    s = applyChange(s, updateCode(s, market.id, { description: 'Competition between NGOs & clinics.', inclusion: 'Talk of rival <services>.', exclusion: 'Donor pressure.' }, now));
    const rival = createCode(s, { name: 'Rival programmes', parentId: market.id, example: '“The other clinic had peers first.”' }, null, newId, now);
    s = applyChange(s, rival.change);
    s = applyChange(s, applyCode(s, { documentId: document.id, codeId: rival.code.id, start: 30, end: 40, coderId: null }, newId, now).change);
    s = applyChange(s, applyCode(s, { documentId: document.id, codeId: market.id, start: 11, end: 25, coderId: null }, newId, now).change);

    const bytes = await codebookDocx(s, { title: 'Codebook: Test study', subtitle: 'Exported for a test.', includeHidden: false, includeCounts: true });
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toContain('word/document.xml');
    expect(strFromU8(entries['word/document.xml'] as Uint8Array)).toMatch(/w:orient="landscape"/);
    const text = await wordText(bytes);
    expect(text).toMatch(/Codebook: Test study/);
    expect(text).toMatch(/Damschroder LJ, Reardon CM/);
    expect(text).toMatch(/Ibrahim N, Thompson D/);
    expect(text).toMatch(/II\.G\.2\s*Market Pressure/);
    expect(text).toMatch(/CFIR 2\.0: Pressure arising from the wish to compete/);
    expect(text).toMatch(/Competition between NGOs & clinics\./);
    expect(text).toMatch(/Include: Talk of rival <services>\./);
    expect(text).toMatch(/Exclude: Donor pressure\./);
    expect(text).toMatch(/“The other clinic had peers first\.”/);
    expect(text).toMatch(/1 \(1\); with subcodes 2 \(1\)/);
    expect(text).toMatch(/IB19\.1\s*Organisational culture/);
    expect(text).toMatch(/Suggested CFIR 2\.0: III\.D Culture/);
    // The hidden domain and its constructs are left out.
    expect(text).not.toMatch(/Innovation Source/);
    // Tree order: Outer Setting (now first) > External Pressure > Market Pressure > Rival programmes.
    expect(text.indexOf('Outer Setting')).toBeLessThan(text.indexOf('External Pressure'));
    expect(text.indexOf('Market Pressure')).toBeLessThan(text.indexOf('Rival programmes'));
    expect(text).toMatch(/1\.7\.2\.1/);
  });
});
