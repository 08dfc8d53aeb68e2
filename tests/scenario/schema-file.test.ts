import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFileText } from '../../src/cli/schema.ts';

describe('scenarios/scenario.schema.json', () => {
  it('matches the Zod schema (run `npm run schema` after changing src/scenario/schema.ts)', () => {
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(schemaFileText());
  });

  it('gives every property a description, so editors can explain each field', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`);
        return;
      }
      if (!node || typeof node !== 'object') return;
      const obj = node as Record<string, unknown>;
      if (obj.properties && typeof obj.properties === 'object') {
        for (const [key, sub] of Object.entries(obj.properties as Record<string, unknown>)) {
          const s = sub as Record<string, unknown>;
          if (typeof s.description !== 'string' && !('$ref' in s)) missing.push(`${path}.${key}`);
        }
      }
      for (const [k, v] of Object.entries(obj)) walk(v, `${path}/${k}`);
    };
    walk(JSON.parse(schemaFileText()), '#');
    expect(missing).toEqual([]);
  });
});
