// The shape of a validation problem, shared by every pass and by the formatter.

/** Which pass found a problem: the JSON text, the shape of the data, or its meaning. */
export type Pass = 'syntax' | 'structure' | 'meaning';

/** A problem found by a pass, before it is placed in a file. */
export interface RawProblem {
  path: (string | number)[];
  message: string;
  expected?: string;
  found?: string;
  /** A likely intended value, shown as "did you mean ...?". */
  suggestion?: string;
  /** Point at the property's key rather than its value (unknown, forbidden or duplicate keys). */
  atKey?: boolean;
}

/** A problem as reported to designers: where it is, which pass found it, and what is wrong. */
export interface Problem {
  file: string;
  /** 1-based; 0 when the problem is about the file as a whole (e.g. it cannot be read). */
  line: number;
  column: number;
  /** The JSON path, e.g. "actions[3].outcomes[0].probability"; "" for the top level. */
  path: string;
  pass: Pass;
  message: string;
  expected?: string;
  found?: string;
  suggestion?: string;
  /** The lines around the problem with a marker under it (no colour). */
  frame?: string;
}

/** Writes a JSON path the way a designer reads it: `actions[3].outcomes[0].probability`. */
export function pathToString(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
