/**
 * What must hold after every lanes test (RELIABILITY.md, "Testing them"): git fsck clean, no
 * prunable or `initializing` worktrees, no leftover lock or temp files, every state file parses,
 * no unfinished journal record, and every commit that was ever seen on a lane branch still
 * reachable from some ref.
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
  const fsck = execFileSync('git', ['fsck', '--no-progress', '--no-dangling'], { cwd: repoDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
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
  expect(files.filter((p) => p.endsWith('.lock')), 'state *.lock').toEqual([]);
  expect(files.filter((p) => p.endsWith('.tmp')), 'state *.tmp').toEqual([]);
  expect(files.filter((p) => p.includes('.corrupt')), 'quarantined state files').toEqual([]);
  for (const f of files) {
    if (f.endsWith('.json')) expect(() => JSON.parse(fs.readFileSync(f, 'utf8')), `${f} parses`).not.toThrow();
    if (f.endsWith('.jsonl')) {
      for (const line of fs.readFileSync(f, 'utf8').split('\n')) if (line.trim()) expect(() => JSON.parse(line), `${f} line parses`).not.toThrow();
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
