/**
 * start_task against a bare `git worktree add` of the same repository, measured in the same run:
 * - one start_task (in process, as the MCP server runs it; no setup configured) vs one bare
 *   `git worktree add -b`, on a generated 200-file and 20,000-file repository. Aim: <= 1.0x on the
 *   large one (parallel checkout, docs/performance.md: 17.0 s -> 3.0 s), at most +100 ms on the small one;
 * - 8 start_task processes started together behind a barrier vs 8 sequential bare worktree adds,
 *   on a 2,000-file repository (and on the 200-file one, where process start-up dominates).
 * Set LANES_BENCH_QUICK=1 to skip the 20,000-file repository.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { openProject } from '../src/core/project/project.js';
import { removeLane } from '../src/core/lanes/remove.js';
import { startLane } from '../src/core/lanes/start.js';
import { storePlan } from '../src/core/plan/tasks.js';
import { median, result, type BenchResult, ratioAim } from './util.js';

const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@lanes.invalid',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@lanes.invalid',
  LANES_LOG: 'silent',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  }).trim();
}

/** A repository of `files` small source-like files spread over directories of 100. */
function genRepo(parent: string, files: number): string {
  const dir = path.join(parent, `repo-${files}`);
  fs.mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'gc.auto', '0');
  git(dir, 'config', 'commit.gpgsign', 'false');
  for (let i = 0; i < files; i++) {
    const d = path.join(dir, 'src', `d${Math.floor(i / 100)}`);
    if (i % 100 === 0) fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `f${i}.ts`), `export const v${i} = ${i};\n// ${'x'.repeat(200)}\n`);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'generated');
  return dir;
}

const CHILD = `
import fs from 'node:fs';
import { openProject } from './src/core/project/project.js';
import { startLane } from './src/core/lanes/start.js';
const [repo, task, barrier] = process.argv.slice(2);
// CPU time of this process and of the children it waited for (git), in clock ticks.
const cpu = () => fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').slice(11, 15).reduce((a, b) => a + Number(b), 0);
// Loaded before the barrier like the rest of the code: the MCP server, which runs start_task, has
// the config module (and zod) loaded long before a call arrives.
await import('./src/core/config/load.js');
while (!fs.existsSync(barrier)) await new Promise((r) => setTimeout(r, 1));
const c0 = cpu();
const project = await openProject(repo);
await startLane(project, { task_id: task, owner: 'bench:' + task });
process.stdout.write(String(cpu() - c0));
`;

/** CPU time, in clock ticks, of this process's waited-for children (the bare git processes). */
function childTicks(): number {
  const f = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return Number(f[13]) + Number(f[14]);
}

/** Clock ticks per second (USER_HZ), 100 on Linux. */
const HZ = 100;

async function bundleChild(root: string, dir: string): Promise<string> {
  const out = path.join(dir, 'lanes-child.mjs');
  // Loaded from the repository at run time: this bench is itself bundled, and esbuild cannot be.
  const { build } = createRequire(path.join(root, 'package.json'))('esbuild') as typeof import('esbuild');
  await build({
    stdin: { contents: CHILD, resolveDir: root, loader: 'ts', sourcefile: 'lanes-child.ts' },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    loader: { '.yaml': 'text', '.md': 'text' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return out;
}

async function planTasks(repo: string, ids: string[]): Promise<void> {
  const project = await openProject(repo);
  await storePlan(
    project.store,
    ids.map((id) => ({ id, title: id, files: [`scope/${id}/**`] })),
    { parallelism: 16 },
  );
}

function bareAdd(repo: string, name: string): number {
  const t = performance.now();
  git(repo, 'worktree', 'add', '-q', '-b', `bare/${name}`, path.join(repo, '.bare', name), 'HEAD');
  return performance.now() - t;
}

function bareRemove(repo: string, name: string): void {
  git(repo, 'worktree', 'remove', '--force', path.join(repo, '.bare', name));
  git(repo, 'branch', '-q', '-D', `bare/${name}`);
}

/** One start_task vs one bare worktree add, interleaved so drift hits both alike. */
async function single(repo: string, runs: number, label: string, aim: string): Promise<BenchResult> {
  const ids = Array.from({ length: runs }, (_, i) => `s${i}`);
  await planTasks(repo, ids);
  const project = await openProject(repo);
  const ours: number[] = [];
  const base: number[] = [];
  for (const id of ids) {
    base.push(bareAdd(repo, id));
    bareRemove(repo, id);
    const t = performance.now();
    await startLane(project, { task_id: id, owner: 'bench' });
    ours.push(performance.now() - t);
    await removeLane(project, { task_id: id });
  }
  const r = result(`start_task vs bare worktree add, ${label}`, ours, base, aim);
  const d = r.median_ms - (r.baseline_ms ?? 0);
  r.note = `${d >= 0 ? '+' : '-'}${Math.abs(d).toFixed(0)} ms vs bare`;
  return r;
}

/** Rounds of the parallel figure: one sample each is mostly noise on a shared machine. */
const PAR_ROUNDS = Number(process.env.LANES_BENCH_PAR_ROUNDS ?? 4);

/**
 * 8 start_task processes released together vs 8 sequential bare adds, over rounds. The order of the
 * two alternates from round to round and the disk is synced before each, so neither inherits the
 * other's writeback, and nothing is removed until the end (see below).
 */
async function parallel(root: string, tmp: string, repo: string, label: string): Promise<BenchResult> {
  const bundle = await bundleChild(root, tmp);
  const rounds = Array.from({ length: PAR_ROUNDS }, (_, r) => Array.from({ length: 8 }, (_, i) => `p${r}-${i}`));
  await planTasks(repo, rounds.flat());
  const ours: number[] = [];
  const base: number[] = [];
  const oursCpu: number[] = [];
  const baseCpu: number[] = [];
  const bare = (ids: string[]) => {
    execFileSync('sync');
    const c0 = childTicks();
    const t0 = performance.now();
    for (const id of ids) bareAdd(repo, id);
    base.push(performance.now() - t0);
    baseCpu.push(((childTicks() - c0) * 1000) / HZ);
  };
  const starts = async (ids: string[], r: number) => {
    const barrier = path.join(tmp, `barrier-${label}-${r}`);
    let ticks = 0;
    const procs = ids.map(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const p = spawn('node', [bundle, repo, id, barrier], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
          let err = '';
          let out = '';
          p.stdout.on('data', (d: Buffer) => (out += d.toString()));
          p.stderr.on('data', (d: Buffer) => (err += d.toString()));
          p.on('exit', (code) => {
            ticks += Number(out) || 0;
            if (code === 0) resolve();
            else reject(new Error(`child ${id} exited ${code}: ${err}`));
          });
        }),
    );
    await new Promise((res) => setTimeout(res, 1500)); // let every child load and wait at the barrier
    execFileSync('sync');
    const t1 = performance.now();
    fs.writeFileSync(barrier, '');
    await Promise.all(procs);
    ours.push(performance.now() - t1);
    oursCpu.push((ticks * 1000) / HZ);
  };
  for (const [r, ids] of rounds.entries()) {
    if (r % 2 === 0) {
      bare(ids);
      await starts(ids, r);
    } else {
      await starts(ids, r);
      bare(ids);
    }
  }
  // Removed only now: ext4 steers a new inode away from one deleted in the last half minute
  // (recently_deleted), which on a filesystem fresh from 16,000 deletions made each creation scan
  // them: up to 8 s of system time per side, a measure of the bench's own churn.
  const project = await openProject(repo);
  for (const ids of rounds) {
    for (const id of ids) bareRemove(repo, id);
    for (const id of ids) await removeLane(project, { task_id: id });
  }
  // The ratio is the median of the rounds' own ratios: each round's pair ran a moment apart.
  const perRound = ours.map((o, i) => o / base[i]!);
  const ratios = perRound.map((x) => x.toFixed(2)).join(', ');
  const cpuRatio = median(oursCpu) / median(baseCpu);
  const r = result(
    `8 parallel start_task (processes) vs 8 sequential bare adds, ${label}`,
    ours,
    base,
    ratioAim(1.0, 0.2),
    `median of ${PAR_ROUNDS} rounds (ratios ${ratios}), the order alternating, the disk synced before each side; CPU (user + system, git included) ${(median(oursCpu) / 1000).toFixed(2)} s vs ${(median(baseCpu) / 1000).toFixed(2)} s, ${cpuRatio.toFixed(2)}x. Children (config and zod included) loaded before the barrier. Each start: 4 git processes (the repository, the checkout settings, worktree add, which runs 2 more, the checkout, serial while others start; the default target read from the HEAD file), about 20 fsyncs (journal steps, 3 state transactions), the repo lock held for the worktree add only; the 8 share 2 cores (docs/performance.md)`,
  );
  r.ratio = median(perRound);
  return r;
}

export async function run({ root }: { root: string }): Promise<BenchResult[]> {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-lanes-')));
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, '.gitconfig'), '');
  Object.assign(ENV, { HOME: home, GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') });
  Object.assign(process.env, {
    HOME: home,
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
    LANES_LOG: 'silent',
  });
  const out: BenchResult[] = [];
  try {
    const small = genRepo(tmp, 200);
    await single(small, 3, 'warm-up', ''); // file cache, module init
    out.push(await single(small, 15, '200 files', '<= +100 ms'));
    const mid = genRepo(tmp, 2000);
    out.push(await parallel(root, tmp, mid, '2,000 files'));
    out.push(await parallel(root, tmp, small, '200 files'));
    if (!process.env.LANES_BENCH_QUICK) {
      const large = genRepo(tmp, 20000);
      out.push(await single(large, 3, '20,000 files', '<= 1.0x'));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}
