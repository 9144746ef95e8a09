import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

export type Size = 'small' | 'default';

/** One line of bench-results/latest.json. */
export interface ScenarioResult {
  readonly id: string;
  readonly what: string;
  /** The measured figure (unit below); null when not implemented or failed. */
  readonly value: number | null;
  /** The raw baseline measured in the same run, same unit. */
  readonly baseline: number | null;
  /** value / baseline. */
  readonly ratio: number | null;
  readonly target: string;
  readonly unit: string;
  /** Documents involved. */
  readonly docs: number;
  readonly status: 'measured' | 'not implemented' | 'failed';
  /** Whether the measured figures meet the target (null when it cannot be judged). */
  readonly meetsTarget: boolean | null;
  readonly notes: string;
  /** Further figures (rates, percentiles, checks). */
  readonly details: Readonly<Record<string, number | string | boolean | null>>;
  readonly machine: Machine;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly chromium: string | null;
  /** 1-minute load average when the scenario started: other work on a shared machine skews absolute times. */
  readonly loadAvg1m: number;
}

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function machine(): Machine {
  let chromium: string | null = null;
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromium = null;
  }
  const list = cpus();
  return { cpu: list[0]?.model ?? 'unknown', cores: list.length, node: process.version, chromium, loadAvg1m: round(loadavg()[0] ?? 0, 2) };
}

/** The machine as a scenario starts (load changes during a run). */
export function atStart(host: Machine): Machine {
  return { ...host, loadAvg1m: round(loadavg()[0] ?? 0, 2) };
}

export type ResultInput = Omit<ScenarioResult, 'machine' | 'ratio' | 'status'> & { status?: ScenarioResult['status'] };

export function result(input: ResultInput, host: Machine): ScenarioResult {
  const ratio = input.value !== null && input.baseline !== null && input.baseline > 0 ? round(input.value / input.baseline, 3) : null;
  return { ...input, status: input.status ?? 'measured', ratio, machine: host };
}

export function notImplemented(id: string, what: string, target: string, reason: string, host: Machine): ScenarioResult {
  return {
    id,
    what,
    value: null,
    baseline: null,
    ratio: null,
    target,
    unit: '',
    docs: 0,
    status: 'not implemented',
    meetsTarget: null,
    notes: `not implemented: ${reason}`,
    details: {},
    machine: host,
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function now(): bigint {
  return process.hrtime.bigint();
}

export function table(results: readonly ScenarioResult[]): string {
  const header = ['#', 'value', 'baseline', 'ratio', 'target', 'ok', 'docs', 'what'];
  const rows = results.map((r) => [
    r.id,
    r.value === null ? r.status : `${r.value} ${r.unit}`,
    r.baseline === null ? '—' : `${r.baseline} ${r.unit}`,
    r.ratio === null ? '—' : `${r.ratio}×`,
    r.target,
    r.meetsTarget === null ? '—' : r.meetsTarget ? 'yes' : 'NO',
    String(r.docs),
    r.what,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
