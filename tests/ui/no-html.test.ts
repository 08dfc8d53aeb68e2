// The interface puts text into the page only as text: no HTML sinks anywhere in src/ui.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = 'src/ui';
const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc)\b/;

describe('src/ui', () => {
  it('never uses an HTML sink', () => {
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
          .filter((x) => sinks.test(x.line) && !x.line.trim().startsWith('//')),
      );
    expect(offending).toEqual([]);
  });
});
