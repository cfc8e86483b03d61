/**
 * The merge queue, measured in throwaway repositories:
 *
 * - 16 clean lanes through the queue with a gate that takes 2 s, batched (batch_size 16) as a
 *   ratio of one-at-a-time processing measured in the same run (aim <= 0.35);
 * - the same with one failing lane among the 16 (bisection; aim <= 0.5);
 * - the queue's own overhead per entry with no gate, beside a bare `git merge` + `update-ref` of
 *   the same branches (aim <= 1.10x; docs/performance.md "the merge queue per entry");
 * - the second gate run in the persistent gate checkout with an unchanged lockfile (setup skipped)
 *   as a ratio of the first (setup run), with a setup that takes 1.5 s like a small `npm ci`.
 *
 * The main checkout is detached, so neither side pays for updating a checkout of the target.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openProject } from '../src/core/project/project.js';
import { processMergeQueue, queueMerge, removeGateCheckouts } from '../src/core/merge/index.js';
import { describeAim, median, ratioAim, type BenchResult, isolateGit } from './util.js';

const N = 16;
const GATE_MS = 2000;
const OVERHEAD_ROUNDS = 5;

interface BenchRepo {
  dir: string;
  git(...args: string[]): string;
}

/** A repository with `n` lanes (lanes/l1..), each adding its own file; `bad` lanes also add bad.txt. */
function makeRepo(n: number, config: Record<string, unknown>, bad: number[] = []): BenchRepo {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-merge-')));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'gc.auto', '0');
  fs.mkdirSync(path.join(dir, '.lanes'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, '.lanes/config.json'), JSON.stringify(config));
  for (let i = 0; i < 50; i++) fs.writeFileSync(path.join(dir, `src/f${i}.ts`), `export const f${i} = ${i};\n`);
  fs.writeFileSync(path.join(dir, '.gitignore'), '/.claude/\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  for (let i = 1; i <= n; i++) {
    const wt = path.join(dir, '.claude', 'worktrees', `l${i}`);
    git('worktree', 'add', '-q', '--no-track', '-b', `lanes/l${i}`, wt, 'main');
    fs.writeFileSync(path.join(wt, `src/lane${i}.ts`), `export const lane${i} = ${i};\n`);
    if (bad.includes(i)) fs.writeFileSync(path.join(wt, 'bad.txt'), 'fails the gate\n');
    execFileSync('git', ['add', '-A'], { cwd: wt });
    execFileSync('git', ['commit', '-q', '-m', `lane ${i}`], { cwd: wt });
  }
  git('checkout', '-q', '--detach');
  return { dir, git };
}

function rm(r: BenchRepo): void {
  fs.rmSync(r.dir, { recursive: true, force: true });
}

async function rmWithCheckouts(r: BenchRepo): Promise<void> {
  await removeGateCheckouts(await openProject(r.dir)).catch(() => []);
  rm(r);
}

async function enqueueAll(r: BenchRepo, n: number): Promise<void> {
  const project = await openProject(r.dir);
  for (let i = 1; i <= n; i++) await queueMerge(project, { task_id: `l${i}` });
}

/** Wall time of `lanes merge run` over the whole queue, in ms; checks what landed. */
async function runQueue(r: BenchRepo, expectLanded: number): Promise<{ ms: number; gateRuns: number }> {
  const project = await openProject(r.dir);
  const t = performance.now();
  const res = await processMergeQueue(project);
  const ms = performance.now() - t;
  if (res.landed.length !== expectLanded)
    throw new Error(`expected ${expectLanded} landings, got ${res.landed.length} (${res.failed.map((f) => f.message).join('; ')})`);
  return { ms, gateRuns: res.gate_runs };
}

const gate = (code: string) => ({ name: 'gate', command: ['node', '-e', code], timeout_seconds: 60 });
const SLOW_GATE = gate(`setTimeout(() => process.exit(require('fs').existsSync('bad.txt') ? 1 : 0), ${GATE_MS})`);

async function gatedScenario(bad: number[]): Promise<{ serial: number; batched: number; runs: [number, number] }> {
  const expect = N - bad.length;
  const s = makeRepo(N, { gates: [SLOW_GATE], merge: { batch_size: 1, remove_lane_after_landing: false } }, bad);
  const b = makeRepo(N, { gates: [SLOW_GATE], merge: { batch_size: N, remove_lane_after_landing: false } }, bad);
  try {
    await enqueueAll(s, N);
    await enqueueAll(b, N);
    const serial = await runQueue(s, expect);
    const batched = await runQueue(b, expect);
    return { serial: serial.ms, batched: batched.ms, runs: [serial.gateRuns, batched.gateRuns] };
  } finally {
    await rmWithCheckouts(s);
    await rmWithCheckouts(b);
  }
}

/**
 * Per-entry cost of the queue with no gate vs a bare `git merge --no-ff` + `update-ref` per branch,
 * in 5 rounds; each round's ratio compares the two measured a moment apart (the load on a shared
 * machine swings the baseline 2x between rounds), and the figure is the median of those ratios.
 */
async function overhead(): Promise<{ queue: number[]; bare: number[]; ratios: number[] }> {
  const queue: number[] = [];
  const bare: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < OVERHEAD_ROUNDS; round++) {
    const bareRound: number[] = [];
    const r = makeRepo(N, { gates: [], merge: { batch_size: 1, remove_lane_after_landing: false } });
    try {
      // Baseline: the same branches merged one by one in a scratch worktree, each published with update-ref.
      const wt = path.join(r.dir, '.claude', 'bare');
      r.git('update-ref', 'refs/heads/bare', 'main');
      r.git('worktree', 'add', '-q', '--detach', wt, 'bare');
      const g = (...a: string[]) => execFileSync('git', a, { cwd: wt, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
      for (let i = 1; i <= N; i++) {
        const t = performance.now();
        const old = g('rev-parse', 'HEAD');
        g('merge', '--no-ff', '--no-edit', '-q', `lanes/l${i}`);
        g('update-ref', 'refs/heads/bare', g('rev-parse', 'HEAD'), old);
        bareRound.push(performance.now() - t);
      }
      r.git('worktree', 'remove', '--force', wt);
      await enqueueAll(r, N);
      const { ms } = await runQueue(r, N);
      queue.push(ms / N);
      bare.push(...bareRound);
      ratios.push(ms / N / median(bareRound));
    } finally {
      rm(r);
    }
  }
  return { queue, bare, ratios };
}

/**
 * One lane per processor run, so each run is one gate run in the same persistent checkout: the
 * first pays for setup, the second finds package-lock.json unchanged and skips it.
 */
async function setupSkip(): Promise<{ first: number[]; second: number[] }> {
  const first: number[] = [];
  const second: number[] = [];
  const install = `setTimeout(() => { require('fs').mkdirSync('node_modules', { recursive: true }); require('fs').writeFileSync('node_modules/x.js', ''); }, 1500)`;
  for (let round = 0; round < 3; round++) {
    const r = makeRepo(2, {
      gates: [gate(`process.exit(require('fs').existsSync('node_modules/x.js') ? 0 : 1)`)],
      setup: [{ name: 'deps', command: ['node', '-e', install], timeout_seconds: 60, when_changed: ['package-lock.json'] }],
      merge: { batch_size: 1, remove_lane_after_landing: false },
    });
    try {
      const project = await openProject(r.dir);
      await queueMerge(project, { task_id: 'l1' });
      first.push((await runQueue(r, 1)).ms);
      await queueMerge(project, { task_id: 'l2' });
      second.push((await runQueue(r, 1)).ms);
    } finally {
      await rmWithCheckouts(r);
    }
  }
  return { first, second };
}

/** `only: 'overhead'` skips the gated scenarios (about two minutes); `only: 'setup'` runs just the setup one. */
export async function run(opts: { root?: string; only?: string } = {}): Promise<BenchResult[]> {
  isolateGit();
  const out: BenchResult[] = [];
  const setupResult = async (): Promise<BenchResult> => {
    const sk = await setupSkip();
    return {
      name: 'merge queue: second gate run, lockfile unchanged (setup skipped) vs first (1.5 s setup)',
      median_ms: median(sk.second),
      baseline_ms: median(sk.first),
      ratio: median(sk.second) / median(sk.first),
      aim: 'well below 1 (the setup time is gone)',
      note: '3 rounds, one lane per processor run, the same persistent gate checkout',
    };
  };
  if (opts.only === 'setup') return [await setupResult()];
  const ov = await overhead();
  out.push({
    name: 'merge queue: overhead per entry, no gate (vs bare git merge + update-ref)',
    median_ms: median(ov.queue),
    baseline_ms: median(ov.bare),
    ratio: median(ov.ratios),
    check: ratioAim(1.1, 0.2),
    aim: describeAim(ratioAim(1.1)),
    note: `${N} lanes, batch_size 1, median of ${OVERHEAD_ROUNDS} rounds' ratios (${ov.ratios.map((x) => x.toFixed(2)).join(', ')}); per entry 3 git processes, 2 state writes`,
  });
  if (opts.only === 'overhead') return out;
  out.push(await setupResult());
  const clean = await gatedScenario([]);
  out.push({
    name: `merge queue: ${N} clean lanes, 2 s gate, batched vs serial`,
    median_ms: clean.batched,
    baseline_ms: clean.serial,
    ratio: clean.batched / clean.serial,
    aim: '<= 0.35x',
    note: `gate runs ${clean.runs[1]} vs ${clean.runs[0]}`,
  });
  const failing = await gatedScenario([6]);
  out.push({
    name: `merge queue: ${N} lanes, one failing, 2 s gate, batched vs serial`,
    median_ms: failing.batched,
    baseline_ms: failing.serial,
    ratio: failing.batched / failing.serial,
    aim: '<= 0.5x',
    note: `gate runs ${failing.runs[1]} vs ${failing.runs[0]}`,
  });
  return out;
}
