// The interface puts text into the page only as text: no HTML sinks anywhere in src/ui (and its folders), neither the DOM's
// nor lit-html's directives that take markup as it stands (unsafeHTML, unsafeSVG, unsafeMathML, unsafeStatic).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = 'src/ui';
const sinks =
  /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc|unsafeHTML|unsafeSVG|unsafeMathML|unsafeStatic|unsafe-html|unsafe-svg|unsafe-mathml)\b/;

describe('src/ui', () => {
  it('never uses an HTML sink', () => {
    const offending = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
          .filter((x) => sinks.test(x.line) && !x.line.trim().startsWith('//')),
      );
    expect(offending).toEqual([]);
  });

  it('names every sink it looks for, lit-html’s unsafe directives included', () => {
    for (const line of [
      "import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';",
      'html`<p>$' + '{unsafeSVG(text)}</p>`',
      'x.innerHTML = text;',
      "import { unsafeStatic } from 'lit-html/static.js';",
    ])
      expect(sinks.test(line)).toBe(true);
    expect(sinks.test('render(html`<p>$' + '{text}</p>`, panel);')).toBe(false);
  });
});
