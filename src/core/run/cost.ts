/**
 * What a run cost: tokens per attempt, task and run, and an estimated price, read from the
 * agents' own output. Claude Code's stream-json prints `usage` on every `assistant` event (one
 * event per content block, the same message id and usage repeated: counted once per message) and
 * totals on its final `result` event (`usage`, `modelUsage` per model, `total_cost_usd`). The
 * result's totals win when there is one; an attempt ended before it counts its messages.
 *
 * Prices are per million tokens, per model; the defaults are estimates from the published list
 * prices of the current Claude families (`prices` in the config overrides or adds models). A
 * model with no price is counted in tokens and named in `unpriced`.
 */
import type { Project } from '../project/project.js';
import { findRun, RUNS_DOC, type RunRecord, type TokenCounts, type Usage } from './model.js';

/** USD per million tokens. Cache prices default to the usual multiples of the input price. */
export interface Price {
  input: number;
  output: number;
  // `| undefined`: the table comes from the parsed config, whose optional fields zod types so.
  cache_read?: number | undefined;
  cache_write?: number | undefined;
}

export type PriceTable = Record<string, Price>;

/**
 * Estimates, USD per million tokens (list prices of the current families). Matched against a
 * model id by the longest key it contains, so "claude-opus-4-1-20250805" takes "claude-opus-4-1"
 * and an unknown future "claude-sonnet-5" takes "sonnet".
 */
export const DEFAULT_PRICES: PriceTable = {
  opus: { input: 5, output: 25 },
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-opus-4-1': { input: 15, output: 75 },
  'claude-opus-4-2': { input: 15, output: 75 },
  'claude-opus-4-0': { input: 15, output: 75 },
  'claude-opus-4-20250514': { input: 15, output: 75 },
  sonnet: { input: 3, output: 15 },
  haiku: { input: 1, output: 5 },
  'claude-3-5-haiku': { input: 0.8, output: 4 },
  'claude-3-haiku': { input: 0.25, output: 1.25 },
};

const zero = (): TokenCounts => ({ input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_creation_tokens: 0 });

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}

/** Claude's usage object (snake_case) or modelUsage entry (camelCase). */
function countsOf(u: Record<string, unknown> | undefined): TokenCounts {
  if (!u) return zero();
  return {
    input_tokens: num(u.input_tokens ?? u.inputTokens),
    output_tokens: num(u.output_tokens ?? u.outputTokens),
    cache_read_tokens: num(u.cache_read_input_tokens ?? u.cacheReadInputTokens ?? u.cacheReadTokens),
    cache_creation_tokens: num(u.cache_creation_input_tokens ?? u.cacheCreationInputTokens ?? u.cacheWriteTokens),
  };
}

function add(a: TokenCounts, b: TokenCounts): TokenCounts {
  return {
    input_tokens: a.input_tokens + b.input_tokens,
    output_tokens: a.output_tokens + b.output_tokens,
    cache_read_tokens: a.cache_read_tokens + b.cache_read_tokens,
    cache_creation_tokens: a.cache_creation_tokens + b.cache_creation_tokens,
  };
}

const isEmpty = (c: TokenCounts) => !c.input_tokens && !c.output_tokens && !c.cache_read_tokens && !c.cache_creation_tokens;

/** The price of a model id: an exact key, else the longest key the id contains. */
export function priceFor(model: string, table: PriceTable): Price | undefined {
  if (Object.hasOwn(table, model)) return table[model];
  const id = model.toLowerCase();
  let best: string | undefined;
  for (const k of Object.keys(table)) if (id.includes(k.toLowerCase()) && (!best || k.length > best.length)) best = k;
  return best ? table[best] : undefined;
}

/** The defaults with the config's `prices` over them. */
export function priceTable(overrides: PriceTable | undefined): PriceTable {
  const t: PriceTable = Object.assign(Object.create(null) as PriceTable, DEFAULT_PRICES);
  for (const [k, v] of Object.entries(overrides ?? {})) t[k] = v;
  return t;
}

export function costOf(c: TokenCounts, p: Price): number {
  const read = p.cache_read ?? p.input * 0.1;
  const write = p.cache_write ?? p.input * 1.25;
  return (c.input_tokens * p.input + c.output_tokens * p.output + c.cache_read_tokens * read + c.cache_creation_tokens * write) / 1e6;
}

/** Tokens per model → Usage with an estimated cost. */
export function priced(models: Record<string, TokenCounts>, table: PriceTable, reported?: number): Usage {
  let total = zero();
  let cost = 0;
  let anyPrice = false;
  const unpriced: string[] = [];
  for (const [m, c] of Object.entries(models)) {
    total = add(total, c);
    const p = priceFor(m, table);
    if (p) {
      cost += costOf(c, p);
      anyPrice = true;
    } else if (!isEmpty(c)) unpriced.push(m);
  }
  return {
    ...total,
    ...(anyPrice ? { cost_usd: round6(cost) } : {}),
    ...(reported !== undefined ? { reported_cost_usd: round6(reported) } : {}),
    models,
    ...(unpriced.length ? { unpriced } : {}),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Reads one attempt's output line by line. */
export class UsageMeter {
  /** Per message id: the last usage seen for it (repeated per content block), and its model. */
  private readonly messages = new Map<string, { model: string; counts: TokenCounts }>();
  private result: { models: Record<string, TokenCounts>; reported?: number } | undefined;
  private anon = 0;

  line(line: string): void {
    const s = line.trim();
    if (!s.startsWith('{') || !s.includes('usage')) return;
    let ev: Record<string, unknown>;
    try {
      ev = JSON.parse(s) as Record<string, unknown>;
    } catch {
      return;
    }
    if (ev.type === 'assistant') {
      const msg = ev.message as { id?: unknown; model?: unknown; usage?: Record<string, unknown> } | undefined;
      if (!msg?.usage) return;
      const model = typeof msg.model === 'string' && msg.model !== '<synthetic>' ? msg.model : 'unknown';
      if (model === 'unknown' && isEmpty(countsOf(msg.usage))) return;
      const id = typeof msg.id === 'string' ? msg.id : `#${this.anon++}`;
      this.messages.set(id, { model, counts: countsOf(msg.usage) });
      return;
    }
    if (ev.type === 'result') {
      const mu = ev.modelUsage as Record<string, Record<string, unknown>> | undefined;
      const models: Record<string, TokenCounts> = {};
      if (mu && typeof mu === 'object' && Object.keys(mu).length) {
        for (const [m, u] of Object.entries(mu)) models[m] = countsOf(u);
      } else if (ev.usage && typeof ev.usage === 'object') {
        const c = countsOf(ev.usage as Record<string, unknown>);
        if (!isEmpty(c)) models[this.mainModel() ?? 'unknown'] = c;
      }
      const reported = typeof ev.total_cost_usd === 'number' ? ev.total_cost_usd : undefined;
      // A session may print more than one result (resumed turns): they add up.
      const prev = this.result;
      if (prev) for (const [m, c] of Object.entries(prev.models)) models[m] = add(models[m] ?? zero(), c);
      const sum = prev?.reported !== undefined || reported !== undefined ? (prev?.reported ?? 0) + (reported ?? 0) : undefined;
      this.result = { models, ...(sum !== undefined ? { reported: sum } : {}) };
    }
  }

  private mainModel(): string | undefined {
    const n = new Map<string, number>();
    for (const { model, counts } of this.messages.values()) n.set(model, (n.get(model) ?? 0) + counts.output_tokens + 1);
    return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  /** Tokens per model for the attempt so far (undefined: the output said nothing about usage). */
  models(): { models: Record<string, TokenCounts>; reported?: number } | undefined {
    if (this.result) return this.result;
    if (!this.messages.size) return undefined;
    const models: Record<string, TokenCounts> = {};
    for (const { model, counts } of this.messages.values()) models[model] = add(models[model] ?? zero(), counts);
    return { models };
  }

  usage(table: PriceTable): Usage | undefined {
    const m = this.models();
    return m ? priced(m.models, table, m.reported) : undefined;
  }
}

/** Adds usages (per task from its attempts, per run from its tasks), re-pricing per model. */
export function sumUsage(list: ReadonlyArray<Usage | undefined>, table: PriceTable): Usage | undefined {
  const models: Record<string, TokenCounts> = {};
  let reported: number | undefined;
  let any = false;
  for (const u of list) {
    if (!u) continue;
    any = true;
    const per =
      u.models && Object.keys(u.models).length
        ? u.models
        : {
            unknown: {
              input_tokens: u.input_tokens,
              output_tokens: u.output_tokens,
              cache_read_tokens: u.cache_read_tokens,
              cache_creation_tokens: u.cache_creation_tokens,
            },
          };
    for (const [m, c] of Object.entries(per)) models[m] = add(models[m] ?? zero(), c);
    if (u.reported_cost_usd !== undefined) reported = (reported ?? 0) + u.reported_cost_usd;
  }
  return any ? priced(models, table, reported) : undefined;
}

/** "1.2M in · 35k out · 800k cache read · 40k cache write · ~$4.12" */
export function usageText(u: Usage | undefined): string {
  if (!u) return 'no usage reported';
  const parts = [`${tokens(u.input_tokens)} in`, `${tokens(u.output_tokens)} out`];
  if (u.cache_read_tokens) parts.push(`${tokens(u.cache_read_tokens)} cache read`);
  if (u.cache_creation_tokens) parts.push(`${tokens(u.cache_creation_tokens)} cache write`);
  if (u.cost_usd !== undefined) parts.push(`~${dollars(u.cost_usd)}${u.unpriced?.length ? ` (+ unpriced ${u.unpriced.join(', ')})` : ''}`);
  else if (u.unpriced?.length) parts.push(`no price for ${u.unpriced.join(', ')}`);
  return parts.join(' · ');
}

export function tokens(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}k`;
  return String(n);
}

export function dollars(x: number): string {
  return x >= 100 ? `$${x.toFixed(0)}` : x >= 0.01 || x === 0 ? `$${x.toFixed(2)}` : `$${x.toFixed(4)}`;
}

export interface RunCost {
  run_id: string;
  /** Per task that reported usage. */
  tasks: Record<string, Usage>;
  /** The whole run (undefined: no agent reported usage, e.g. the scripted agent). */
  total?: Usage;
  /** The costs are estimates from a price table, not a bill. */
  estimate: true;
}

/**
 * A run's tokens and estimated cost, per task and in total (for status, the dashboard and
 * session notes). `prices`: the config's `prices` (the defaults apply under them).
 */
export function runCost(run: Pick<RunRecord, 'id' | 'tasks'>, prices?: PriceTable): RunCost {
  const table = priceTable(prices);
  const tasks: Record<string, Usage> = Object.create(null) as Record<string, Usage>;
  for (const rt of Object.values(run.tasks)) {
    const u = sumUsage(
      rt.attempts.map((a) => a.usage),
      table,
    );
    if (u) tasks[rt.id] = u;
  }
  const total = sumUsage(Object.values(tasks), table);
  return { run_id: run.id, tasks, ...(total ? { total } : {}), estimate: true };
}

/**
 * The cost summary of a run from the shared state: `runId`, else the current run, else the
 * latest one; undefined when there is no run. Priced with the repository's `prices`.
 */
export async function readRunCost(project: Project, runId?: string): Promise<RunCost | undefined> {
  const doc = (await project.store.read(RUNS_DOC)).data;
  const id = runId ?? doc.current ?? doc.runs.at(-1)?.id;
  const run = id ? findRun(doc, id) : undefined;
  return run ? runCost(run, (await project.config()).prices) : undefined;
}
