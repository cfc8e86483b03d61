/**
 * Across machines, through a real `git daemon` on 127.0.0.1 (docs/remote.md):
 *
 * - a claim that writes, through the remote, as a ratio to a bare leased `git push` of one ref to
 *   the same server (aim <= 1.5x). A claim is one optimistic push of the documents it touched
 *   (claims, owners) made from root commits written locally, plus the mirror refs and the cache;
 * - a landing through the remote (one entry, no gate) as a ratio to a local landing of the same
 *   kind of entry: fetch of the target, the processor's lease, the atomic push that moves the
 *   target and marks the entry landed (reported);
 * - 3 machines (clones with their own machine names) x 4 lanes each running one 24-task plan with
 *   the scripted agent (`lanes run` processes of the built bundle): makespan against the plan's
 *   lower bound max(critical path, work / 12, the merge queue's serial work as the runs report it).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { claimFiles, releaseFiles } from '../src/core/claims/api.js';
import { processMergeQueue, queueMerge } from '../src/core/merge/index.js';
import { openProject } from '../src/core/project/project.js';
import { enableRemote } from '../src/core/remote/enable.js';
import { startGitDaemon } from '../test/helpers/git-server.js';
import { describeAim, median, ratioAim, type BenchResult, isolateGit } from './util.js';

const RUNS = 15;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function repoWithLanes(dir: string, n: number): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'gc.auto', '0');
  fs.mkdirSync(path.join(dir, '.lanes'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(
    path.join(dir, '.lanes/config.json'),
    JSON.stringify({ merge: { batch_size: 1 }, resources: { min_free_memory_mb: 0, min_free_disk_mb: 0 } }),
  );
  fs.writeFileSync(path.join(dir, '.gitignore'), '/.claude/\n');
  for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `src/f${i}.ts`), `export const f${i} = ${i};\n`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  for (let i = 1; i <= n; i++) {
    const wt = path.join(dir, '.claude', 'worktrees', `l${i}`);
    git(dir, 'worktree', 'add', '-q', '--no-track', '-b', `lanes/l${i}`, wt, 'main');
    fs.writeFileSync(path.join(wt, `src/lane${i}.ts`), `export const lane${i} = ${i};\n`);
    git(wt, 'add', '-A');
    git(wt, 'commit', '-q', '-m', `lane ${i}`);
  }
  git(dir, 'checkout', '-q', '--detach');
}

async function landings(dir: string, n: number): Promise<number[]> {
  const project = await openProject(dir);
  const out: number[] = [];
  for (let i = 1; i <= n; i++) {
    await queueMerge(project, { task_id: `l${i}` });
    const t = performance.now();
    await processMergeQueue(project, { maxBatches: 1 });
    out.push(performance.now() - t);
  }
  return out;
}

const UNIT_MS = 400;

/** 24 tasks in 3 chains of 8 (t9 after t1, t17 after t9, ...), each adding its own module. */
function plan24(): unknown {
  const tasks = Array.from({ length: 24 }, (_, k) => {
    const id = `t${k + 1}`;
    return {
      id,
      title: `task ${id}`,
      estimate: 1,
      depends_on: k >= 8 ? [`t${k - 7}`] : [],
      files: [`src/${id}.ts`],
      description: [`\`\`\`file src/${id}.ts`, `export const ${id} = '${id}';`, '```'].join('\n'),
    };
  });
  return { tasks };
}

async function machines(root: string, url: string, cli: string): Promise<BenchResult> {
  const names = ['ma', 'mb', 'mc'];
  const dirs = names.map((n) => path.join(root, `run-${n}`));
  const first = dirs[0]!;
  fs.mkdirSync(first);
  git(first, 'init', '-q', '-b', 'main');
  fs.mkdirSync(path.join(first, '.lanes'));
  fs.mkdirSync(path.join(first, 'src'));
  fs.writeFileSync(
    path.join(first, '.lanes/config.json'),
    JSON.stringify({ max_parallel: 4, resources: { min_free_memory_mb: 0, min_free_disk_mb: 0 } }),
  );
  fs.writeFileSync(path.join(first, '.gitignore'), '/.claude/\n');
  git(first, 'add', '-A');
  git(first, 'commit', '-q', '-m', 'initial');
  git(first, 'remote', 'add', 'origin', url);
  git(first, 'push', '-q', '--force', 'origin', 'main');
  for (const d of dirs.slice(1)) {
    git(root, 'clone', '-q', '-b', 'main', url, d);
  }
  const lanes = (d: string, name: string, args: string[]) =>
    new Promise<{ code: number; out: string }>((resolve) => {
      const c = spawn('node', [cli, ...args], { cwd: d, env: { ...process.env, LANES_MACHINE: name }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      c.stdout.on('data', (b) => (out += String(b)));
      c.stderr.on('data', (b) => (out += String(b)));
      c.on('close', (code) => resolve({ code: code ?? -1, out }));
    });
  for (let i = 0; i < dirs.length; i++) await lanes(dirs[i]!, names[i]!, ['remote', 'enable']);
  const planFile = path.join(root, 'plan24.json');
  fs.writeFileSync(planFile, JSON.stringify(plan24()));
  await lanes(first, names[0]!, ['plan', planFile]);
  const t0 = performance.now();
  const runs = await Promise.all(
    dirs.map((d, i) => lanes(d, names[i]!, ['run', '--agent', 'scripted', '--unit-ms', String(UNIT_MS), '--no-live'])),
  );
  const wall = performance.now() - t0;
  const merge = runs.reduce((s, r) => s + Number(/merge queue ([\d.]+)s/.exec(r.out)?.[1] ?? 0) * 1000, 0);
  const lb = Math.max(3 * UNIT_MS, (24 * UNIT_MS) / 12, merge);
  const failed = runs.filter((r) => r.code !== 0).length;
  return {
    name: 'remote: 3 machines x 4 lanes, 24-task plan, makespan / lower bound',
    median_ms: wall,
    baseline_ms: lb,
    ratio: wall / lb,
    aim: 'reported',
    note: `one run; lower bound max(critical path ${3 * UNIT_MS} ms, work/12 ${(24 * UNIT_MS) / 12} ms, merge queue ${Math.round(merge)} ms summed over the machines' reports)${failed ? `; ${failed} run(s) exited non-zero` : ''}`,
  };
}

export async function run(opts: { root: string }): Promise<BenchResult[]> {
  isolateGit();
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-remote-')));
  // The test suite's git daemon (one bare repository each): one for claims and landings, one for the run.
  const d = await startGitDaemon();
  const d2 = await startGitDaemon();
  try {
    // Claims: a clone with shared state on the server, against bare pushes of one ref.
    const clone = path.join(root, 'clone');
    fs.mkdirSync(clone);
    repoWithLanes(clone, 6);
    git(clone, 'remote', 'add', 'origin', d.url);
    git(clone, 'push', '-q', 'origin', 'main');
    const project = await openProject(clone);
    await enableRemote(project, 'origin');
    const claim: number[] = [];
    const push: number[] = [];
    const a = git(clone, 'commit-tree', '-m', 'a', git(clone, 'mktree'));
    const b = git(clone, 'commit-tree', '-m', 'b', git(clone, 'mktree'));
    let cur: string | null = null;
    for (let i = 0; i < RUNS + 2; i++) {
      const next: string = cur === a ? b : a;
      let t = performance.now();
      git(clone, 'push', '-q', '--atomic', `--force-with-lease=refs/lanes/bench/x:${cur ?? ''}`, 'origin', `${next}:refs/lanes/bench/x`);
      const p = performance.now() - t;
      cur = next;
      t = performance.now();
      await claimFiles(project.store, { owner: `bench:${i}`, paths: [`src/c${i}.ts`], ttl_seconds: 600 });
      const c = performance.now() - t;
      await releaseFiles(project.store, `bench:${i}`);
      if (i >= 2) {
        push.push(p);
        claim.push(c);
      }
    }
    // Landings: the same kind of entry, local and through the remote.
    const local = path.join(root, 'local');
    fs.mkdirSync(local);
    repoWithLanes(local, 6);
    const localMs = await landings(local, 6);
    const remoteMs = await landings(clone, 6);
    const many = await machines(root, d2.url, path.join(opts.root, 'plugin', 'dist', 'lanes.mjs'));
    return [
      many,
      {
        name: 'remote: a claim through git daemon on 127.0.0.1 vs a bare leased push of one ref',
        median_ms: median(claim),
        baseline_ms: median(push),
        ratio: median(claim) / median(push),
        check: ratioAim(1.5),
        aim: describeAim(ratioAim(1.5)),
        note: `${RUNS} claims, each released after; one optimistic push of claims + owners from the mirror`,
      },
      {
        name: 'remote: a landing through the remote vs a local landing (one entry, no gate)',
        median_ms: median(remoteMs.slice(1)),
        baseline_ms: median(localMs.slice(1)),
        ratio: median(remoteMs.slice(1)) / median(localMs.slice(1)),
        aim: 'reported',
        note: 'fetch of the target, processor lease taken and released, the atomic landing push, the local target following',
      },
    ];
  } finally {
    await d.cleanup();
    await d2.cleanup();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
