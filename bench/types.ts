/** One row of the benchmark table: a measured figure beside a baseline measured in the same run. */
export interface BenchRow {
  name: string;
  figure: number;
  baseline: number;
  unit: string;
  /** What the baseline is, e.g. "Phaser-only hello world". */
  baselineName: string;
  /** figure / baseline, unless the row says otherwise. */
  ratio?: number;
  /** A goal stated by an issue, for the reader: e.g. "≤ baseline + 60 KB". */
  goal?: string;
  method: string;
}
