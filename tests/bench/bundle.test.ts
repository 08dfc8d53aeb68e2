import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { gzippedJs, pageJs } from '../../bench/bundle.ts';

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

describe('pageJs', () => {
  it('follows the page’s scripts and their static imports, not import()', () => {
    dir = mkdtempSync(join(tmpdir(), 'brink-test-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" crossorigin src="/assets/a.js"></script><link rel="modulepreload" href="/assets/p.js">',
    );
    writeFileSync(
      join(dir, 'assets', 'a.js'),
      'import{t as e}from"./b.js";import"./s.js";const l=()=>import("./c.js");',
    );
    writeFileSync(join(dir, 'assets', 'b.js'), 'export const t=1;');
    writeFileSync(join(dir, 'assets', 's.js'), 'console.log(1);');
    writeFileSync(join(dir, 'assets', 'p.js'), 'export const p=2;');
    writeFileSync(join(dir, 'assets', 'c.js'), 'import{t}from"./d.js";');
    const files = pageJs(dir);
    expect([...files.keys()].sort()).toEqual(['assets/a.js', 'assets/b.js', 'assets/p.js', 'assets/s.js']);
    expect(files.get('assets/b.js')).toBe(gzipSync('export const t=1;', { level: 9 }).length);
  });
});
