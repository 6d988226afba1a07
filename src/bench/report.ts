// What every benchmark suite produces: the measured data (suite-specific),
// the tables people read, the charts, and everything needed to reproduce or
// judge the figures (machine, versions, seed, settings). output.ts writes it
// as DIR/<suite>.json, DIR/<suite>.md and DIR/<suite>-<chart>.svg.

import type { MachineInfo } from './machine.js';

export type SuiteName = 'speed' | 'verify' | 'generate' | 'strength' | 'agreement' | 'scale';

export type Cell = string | number | null;

export interface BenchTable {
  /** Short name, unique within the report. */
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface BenchChart {
  /** Written as `<suite>-<id>.svg`. */
  id: string;
  title: string;
  svg: string;
}

export interface BenchReport<Data = unknown> {
  suite: SuiteName;
  title: string;
  /** ISO time the run started. */
  createdAt: string;
  machine: MachineInfo;
  seed: number;
  /** The options the suite ran with (after defaults). */
  settings: Record<string, unknown>;
  /** The measurements, for machines. */
  data: Data;
  tables: BenchTable[];
  charts: BenchChart[];
  /** Sentences a reader needs next to the tables (what a column means, what was skipped). */
  notes: string[];
}
