// The facts of procedures that uploads and officials' actions read (no zod) say what the catalogue says.
import { describe, expect, it } from 'vitest';
import { findProcedureFacts } from '../../functions/documents/procedure-facts.generated';
import { findProcedure, procedures } from '../../schemas/catalogue';
import { procedureFacts } from '../../scripts/generate-procedure-facts';

describe('functions/documents/procedure-facts.generated.ts', () => {
  it('holds every procedure of the catalogue with its level, processing days and documents', () => {
    for (const procedure of procedures) {
      const facts = findProcedureFacts(procedure.id);
      expect(facts, procedure.id).toBeDefined();
      expect(facts?.level).toBe(procedure.level);
      expect(facts?.processingDays).toBe(procedure.processingDays);
      expect(facts?.documents).toEqual(procedure.documents);
    }
  });

  it('is what the generator makes of today’s catalogue (npx tsx scripts/generate-procedure-facts.ts)', () => {
    for (const [id, facts] of Object.entries(procedureFacts()))
      expect(findProcedureFacts(id), id).toEqual(facts);
  });

  it('names the form’s fields by dotted path, through nested objects, and nothing else', () => {
    const birth = findProcedureFacts('dang-ky-khai-sinh');
    expect(findProcedure('dang-ky-khai-sinh')).toBeDefined();
    expect(birth?.formFields).toEqual(
      expect.arrayContaining(['child', 'child.fullName', 'mother.residence.province']),
    );
    expect(birth?.formFields).not.toContain('child.nonexistent');
    expect(birth?.formFields).not.toContain('constructor');
  });

  it('knows no procedure the catalogue does not, whatever the name', () => {
    for (const id of ['khong-co', 'constructor', '__proto__', 'toString', '']) {
      expect(findProcedureFacts(id), id).toBeUndefined();
      expect(findProcedure(id), id).toBeUndefined();
    }
  });
});
