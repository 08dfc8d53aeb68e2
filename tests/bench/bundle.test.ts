import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { gzippedJs } from '../../bench/bundle.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('gzippedJs', () => {
  it('sums the gzipped size of JavaScript files in nested folders and ignores other files', () => {
    dir = mkdtempSync(join(tmpdir(), 'brink-test-'));
    mkdirSync(join(dir, 'assets'));
    const a = 'console.log("a");'.repeat(50);
    const b = 'export const b = 1;';
    writeFileSync(join(dir, 'a.js'), a);
    writeFileSync(join(dir, 'assets', 'b.js'), b);
    writeFileSync(join(dir, 'style.css'), 'body{}'.repeat(100));
    const expected = gzipSync(a, { level: 9 }).length + gzipSync(b, { level: 9 }).length;
    expect(gzippedJs(dir)).toBe(expected);
  });
});
