/**
 * The one invariant checker of the crash and fault tests.
 *
 * `assertInvariants` is what must hold after every lanes test: git fsck clean, no prunable or
 * `initializing` worktrees, no leftover lock or temp files, every state file parses, no unfinished
 * journal record, and every commit that was ever seen on a lane branch still reachable from some ref.
 *
 * `assertFaultInvariants` adds what must hold once the next command has recovered from a crash:
 * the target advanced at most once per task, no task landed twice, and every task either fully
 * started (a ready lane with its branch, its locked worktree and its task in progress or done) or
 * fully rolled back (no record, no branch, no worktree, no claims). It reads the state files and
 * git directly, never through the product's code, so it is an independent judge.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Remembers every commit on refs/heads/lanes/* at the moments it is asked to look. */
export class LaneCommits {
  readonly seen = new Set<string>();
  constructor(readonly dir: string) {}

  note(): void {
    const out = git(this.dir, 'rev-list', '--branches=lanes/*').trim();
    for (const sha of out.split('\n')) if (sha) this.seen.add(sha);
  }
}

function walk(dir: string, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    out.push(p);
    if (e.isDirectory()) walk(p, out);
  }
  return out;
}

export function assertInvariants(repoDir: string, commits?: LaneCommits): void {
  commits?.note();
  const commonDir = path.resolve(repoDir, git(repoDir, 'rev-parse', '--git-common-dir').trim());

  // git fsck clean (dangling objects are fine: stash create, aborted checkouts).
  const fsck = execFileSync('git', ['fsck', '--no-progress', '--no-dangling'], {
    cwd: repoDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(fsck.trim(), 'git fsck output').toBe('');

  // No prunable or initializing worktrees; every listed worktree exists.
  const list = git(repoDir, 'worktree', 'list', '--porcelain');
  expect(list, 'git worktree list --porcelain').not.toMatch(/^prunable/m);
  expect(list, 'git worktree list --porcelain').not.toMatch(/^locked initializing/m);
  for (const m of list.matchAll(/^worktree (.+)$/gm)) expect(fs.existsSync(m[1]!), `worktree ${m[1]} exists`).toBe(true);

  // No lock files left by git in the common dir (index.lock, config.lock, HEAD.lock, refs).
  const gitLocks = walk(commonDir).filter((p) => p.endsWith('.lock') && !p.startsWith(path.join(commonDir, 'lanes')));
  expect(gitLocks, 'git *.lock files').toEqual([]);

  // State dir: no locks, temp files or quarantined files; every document and event line parses.
  const stateDir = path.join(commonDir, 'lanes');
  const files = walk(stateDir);
  expect(
    files.filter((p) => p.endsWith('.lock')),
    'state *.lock',
  ).toEqual([]);
  expect(
    files.filter((p) => p.endsWith('.tmp')),
    'state *.tmp',
  ).toEqual([]);
  expect(
    files.filter((p) => p.includes('.corrupt')),
    'quarantined state files',
  ).toEqual([]);
  for (const f of files) {
    if (f.endsWith('.json')) expect(() => JSON.parse(fs.readFileSync(f, 'utf8')), `${f} parses`).not.toThrow();
    if (f.endsWith('.jsonl')) {
      for (const line of fs.readFileSync(f, 'utf8').split('\n'))
        if (line.trim()) expect(() => JSON.parse(line), `${f} line parses`).not.toThrow();
    }
  }
  const journal = files.filter((p) => p.startsWith(path.join(stateDir, 'journal') + path.sep) && p.endsWith('.json'));
  expect(journal, 'unfinished journal records').toEqual([]);

  // Every commit ever seen on a lane branch is still reachable from some ref.
  if (commits && commits.seen.size) {
    const all = new Set(git(repoDir, 'rev-list', '--all').trim().split('\n'));
    const lost = [...commits.seen].filter((c) => !all.has(c));
    expect(lost, 'lane commits no longer reachable').toEqual([]);
  }
}

export interface FaultInvariantOptions {
  commits?: LaneCommits;
  /** The target branch (default main). */
  target?: string;
  /** Where lanes live, relative to the repository (default .claude/worktrees). */
  lanesDir?: string;
}

interface WorktreeEntry {
  path: string;
  branch?: string;
  locked?: string;
  prunable?: boolean;
}

function worktrees(repoDir: string): WorktreeEntry[] {
  const out: WorktreeEntry[] = [];
  for (const block of git(repoDir, 'worktree', 'list', '--porcelain', '-z').split('\0\0')) {
    let cur: WorktreeEntry | undefined;
    for (const line of block.split('\0')) {
      const i = line.indexOf(' ');
      const key = i < 0 ? line : line.slice(0, i);
      const val = i < 0 ? '' : line.slice(i + 1);
      if (key === 'worktree') out.push((cur = { path: val }));
      else if (!cur) continue;
      else if (key === 'branch') cur.branch = val;
      else if (key === 'locked') cur.locked = val;
      else if (key === 'prunable') cur.prunable = true;
    }
  }
  return out;
}

function readDoc(stateDir: string, name: string): any {
  const f = path.join(stateDir, `${name}.json`);
  if (!fs.existsSync(f)) return undefined;
  return (JSON.parse(fs.readFileSync(f, 'utf8')) as { data: unknown }).data;
}

function refExists(repoDir: string, ref: string): boolean {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repoDir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The tasks each "lanes: land ..." update of the target's reflog brought (one list per update). */
export function landingsInReflog(repoDir: string, target = 'main'): string[][] {
  let log = '';
  try {
    log = git(repoDir, 'reflog', 'show', '--format=%gs', `refs/heads/${target}`, '--');
  } catch {
    return [];
  }
  const out: string[][] = [];
  for (const line of log.split('\n')) {
    const m = /lanes: land ([^:]+)/.exec(line);
    if (m)
      out.push(
        m[1]!
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      );
  }
  return out;
}

export function assertFaultInvariants(repoDir: string, opts: FaultInvariantOptions = {}): void {
  assertInvariants(repoDir, opts.commits);
  const target = opts.target ?? 'main';
  const commonDir = path.resolve(repoDir, git(repoDir, 'rev-parse', '--git-common-dir').trim());
  const stateDir = path.join(commonDir, 'lanes');
  const lanesRoot = path.join(repoDir, opts.lanesDir ?? '.claude/worktrees');
  const lanes: Record<string, any> = readDoc(stateDir, 'lanes') ?? {};
  const tasks: Record<string, any> = readDoc(stateDir, 'tasks') ?? {};
  const claims: Array<{ owner: string; pattern: string }> = readDoc(stateDir, 'claims')?.claims ?? [];
  const queue: Array<{ task: string; kind: string; state: string; landed_as?: string }> = readDoc(stateDir, 'merge-queue')?.entries ?? [];
  const problems: string[] = [];

  // The target advanced at most once per task, and no task landed twice in the queue's record.
  const times = new Map<string, number>();
  for (const l of landingsInReflog(repoDir, target)) for (const t of l) times.set(t, (times.get(t) ?? 0) + 1);
  for (const [t, n] of times) if (n > 1) problems.push(`${target} advanced ${n} times for task ${t}`);
  const landed = new Map<string, number>();
  for (const e of queue) if (e.state === 'landed' && e.kind !== 'revert') landed.set(e.task, (landed.get(e.task) ?? 0) + 1);
  for (const [t, n] of landed) {
    if (n > 1) problems.push(`task ${t} has ${n} landed queue entries`);
    if (tasks[t]?.status !== 'done') problems.push(`task ${t} landed but is ${tasks[t]?.status}`);
  }
  for (const e of queue) {
    if (['integrating', 'gating', 'landing'].includes(e.state)) problems.push(`queue entry of ${e.task} is still ${e.state}`);
    if (e.state === 'landed' && e.landed_as && !refExists(repoDir, e.landed_as))
      problems.push(`landed_as ${e.landed_as} of ${e.task} is not a commit`);
  }

  // Every task fully started or fully rolled back.
  const wts = worktrees(repoDir);
  const ids = new Set([...Object.keys(tasks), ...Object.keys(lanes)]);
  for (const t of ids) {
    const rec = Object.hasOwn(lanes, t) ? lanes[t] : undefined;
    const branch = `refs/heads/lanes/${t}`;
    const wtPath = path.join(lanesRoot, t);
    const wt = wts.find((w) => w.path === (rec?.path ?? wtPath));
    const owned = claims.filter((c) => c.owner === `task:${t}`);
    if (rec) {
      if (rec.state !== 'ready') problems.push(`lane ${t} is ${rec.state}${rec.problem ? ` (${rec.problem})` : ''}`);
      if (!refExists(repoDir, branch)) problems.push(`lane ${t} has no branch`);
      if (!wt) problems.push(`lane ${t}: worktree ${rec.path} is not registered`);
      else if (wt.locked === undefined) problems.push(`lane ${t}: worktree is not locked`);
      if (!fs.existsSync(rec.path)) problems.push(`lane ${t}: ${rec.path} is missing`);
      if (!['in_progress', 'done'].includes(tasks[t]?.status)) problems.push(`lane ${t} is ready but its task is ${tasks[t]?.status}`);
    } else {
      if (refExists(repoDir, branch)) problems.push(`task ${t}: branch lanes/${t} without a lane record`);
      if (wt) problems.push(`task ${t}: worktree ${wt.path} registered without a lane record`);
      if (fs.existsSync(wtPath)) problems.push(`task ${t}: ${wtPath} exists without a lane record`);
      if (owned.length) problems.push(`task ${t}: claims ${owned.map((c) => c.pattern).join(', ')} without a lane`);
      if (tasks[t]?.status === 'in_progress') problems.push(`task ${t} is in progress without a lane`);
    }
  }
  // No worktree in the lanes directory that no record knows.
  for (const w of wts) {
    if (w.prunable) problems.push(`worktree ${w.path} is prunable`);
    if (path.dirname(w.path) === lanesRoot && !Object.values(lanes).some((l: any) => l.path === w.path))
      problems.push(`worktree ${w.path} has no lane record`);
  }
  expect(problems, 'fault invariants').toEqual([]);
}
