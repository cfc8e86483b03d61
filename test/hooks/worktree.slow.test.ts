import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANES_DOC } from '../../src/core/lanes/model.js';
import { readPlan } from '../../src/core/plan/tasks.js';
import { makeRepo, tempDir } from '../helpers/repo.js';
import { laneRepo, runHook, type LaneRepo } from './helpers.js';

const create = (cwd: string, name: string) => ({
  session_id: 'sess-wt',
  transcript_path: '/x.jsonl',
  cwd,
  hook_event_name: 'WorktreeCreate',
  name,
});
const remove = (cwd: string, worktree_path: string) => ({
  session_id: 'sess-wt',
  transcript_path: '/x.jsonl',
  cwd,
  hook_event_name: 'WorktreeRemove',
  worktree_path,
});
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1)!;
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('WorktreeCreate / WorktreeRemove hooks', () => {
  let r: LaneRepo;
  beforeAll(async () => {
    r = await laneRepo({ start: ['a'] });
    r.repo.write('.gitignore', '.env\n');
    r.repo.write('.worktreeinclude', '.env\n');
    r.repo.commitAll('include');
    r.repo.write('.env', 'SECRET=1\n');
  });
  afterAll(() => r.cleanup());

  it('fails creation (exit 1) on malformed input or outside git, saying why', async () => {
    const bad = await runHook('worktree-create', 'x', { raw: true });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/cannot create a worktree/);
    const out = await runHook('worktree-create', create(tempDir(), 'x'));
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/not inside a git repository/);
  });

  it('turns a Claude Code worktree into a lane: a new task, the safe start path, .worktreeinclude, the path last', async () => {
    const h = await runHook('worktree-create', create(r.repo.dir, 'agent-a1b2c3'));
    expect(h.code, h.stderr).toBe(0);
    const wt = lastLine(h.stdout);
    expect(wt).toBe(path.join(r.repo.dir, '.claude', 'worktrees', 'agent-a1b2c3'));
    expect(h.stdout.trim().split('\n')).toHaveLength(1);
    expect(git(wt, 'branch', '--show-current')).toBe('lanes/agent-a1b2c3');
    expect(fs.readFileSync(path.join(wt, '.env'), 'utf8')).toBe('SECRET=1\n');
    expect(git(r.repo.dir, 'worktree', 'list', '--porcelain')).toContain('locked lanes:agent-a1b2c3');
    const { plan, tasks } = await readPlan(r.lanes.store);
    expect(plan?.tasks.find((t) => t.id === 'agent-a1b2c3')?.title).toBe('Claude Code worktree agent-a1b2c3');
    expect(tasks['agent-a1b2c3']?.status).toBe('in_progress');
    const lanes = (await r.lanes.store.read(LANES_DOC)).data;
    expect(lanes['agent-a1b2c3']).toMatchObject({ state: 'ready', owner: 'session:sess-wt' });
  });

  it("uses the planned task's lane when the name is a task, and enters an existing lane as it is", async () => {
    const b = await runHook('worktree-create', create(r.repo.dir, 'b'));
    expect(b.code, b.stderr).toBe(0);
    expect(git(lastLine(b.stdout), 'branch', '--show-current')).toBe('lanes/b');
    const a = await runHook('worktree-create', create(r.repo.dir, 'a'));
    expect(a.code, a.stderr).toBe(0);
    expect(lastLine(a.stdout)).toBe(r.lane.a);
  });

  it('keeps a lane with uncommitted or unlanded work on removal (exit 1), removes a clean one', async () => {
    const wt = path.join(r.repo.dir, '.claude', 'worktrees', 'agent-a1b2c3');
    fs.writeFileSync(path.join(wt, 'work.txt'), 'precious\n');
    const dirty = await runHook('worktree-remove', remove(r.repo.dir, wt));
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toMatch(/kept the lane of task agent-a1b2c3/);
    expect(fs.readFileSync(path.join(wt, 'work.txt'), 'utf8')).toBe('precious\n');
    git(wt, 'add', '-A');
    git(wt, 'commit', '-q', '-m', 'work');
    const unlanded = await runHook('worktree-remove', remove(r.repo.dir, wt));
    expect(unlanded.code).toBe(1);
    expect(unlanded.stderr).toMatch(/not landed/);
    expect(fs.existsSync(wt)).toBe(true);
    // A fresh, untouched Claude Code worktree goes, and its task is closed.
    const fresh = await runHook('worktree-create', create(r.repo.dir, 'agent-ffff'));
    const fwt = lastLine(fresh.stdout);
    const gone = await runHook('worktree-remove', remove(r.repo.dir, fwt));
    expect(gone.code, gone.stderr).toBe(0);
    expect(fs.existsSync(fwt)).toBe(false);
    const { tasks } = await readPlan(r.lanes.store);
    expect(tasks['agent-ffff']?.status).toBe('done');
  });

  it('keeps a lane on removal for a commit on a detached HEAD or an ignored file; .worktreeinclude copies do not count', async () => {
    const h = await runHook('worktree-create', create(r.repo.dir, 'agent-det'));
    expect(h.code, h.stderr).toBe(0);
    const wt = lastLine(h.stdout);
    expect(fs.existsSync(path.join(wt, '.env'))).toBe(true);
    git(wt, 'checkout', '-q', '--detach');
    fs.writeFileSync(path.join(wt, 'd.txt'), 'd\n');
    git(wt, 'add', 'd.txt');
    git(wt, 'commit', '-q', '-m', 'detached work');
    const sha = git(wt, 'rev-parse', 'HEAD');
    const det = await runHook('worktree-remove', remove(r.repo.dir, wt));
    expect(det.code).toBe(1);
    expect(det.stderr).toMatch(/HEAD is detached/);
    expect(det.stderr).toContain(sha.slice(0, 7));
    git(wt, 'checkout', '-q', 'lanes/agent-det');
    fs.appendFileSync(path.join(r.repo.dir, '.git', 'info', 'exclude'), 'notes.local\n');
    fs.writeFileSync(path.join(wt, 'notes.local'), 'mine\n');
    const ign = await runHook('worktree-remove', remove(r.repo.dir, wt));
    expect(ign.code).toBe(1);
    expect(ign.stderr).toMatch(/ignored: notes\.local/);
    expect(fs.readFileSync(path.join(wt, 'notes.local'), 'utf8')).toBe('mine\n');
    fs.rmSync(path.join(wt, 'notes.local'));
    git(r.repo.dir, 'branch', 'keep-det', sha);
    const gone = await runHook('worktree-remove', remove(r.repo.dir, wt));
    expect(gone.code, gone.stderr).toBe(0);
    expect(git(r.repo.dir, 'rev-parse', 'keep-det')).toBe(sha);
  });

  it('creates plain Claude Code worktrees when turned off in config, or in a repository without Lanes state', async () => {
    const off = await laneRepo({ start: [], config: { worktrees: { claude_worktree_hooks: false } } });
    const h = await runHook('worktree-create', create(off.repo.dir, 'feature-x'));
    expect(h.code, h.stderr).toBe(0);
    const wt = lastLine(h.stdout);
    expect(wt).toBe(path.join(off.repo.dir, '.claude', 'worktrees', 'feature-x'));
    expect(git(wt, 'branch', '--show-current')).toBe('worktree-feature-x');
    expect((await readPlan(off.lanes.store)).plan?.tasks.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    const rm = await runHook('worktree-remove', remove(off.repo.dir, wt));
    expect(rm.code, rm.stderr).toBe(0);
    expect(fs.existsSync(wt)).toBe(false);
    off.cleanup();

    const plain = makeRepo();
    const p = await runHook('worktree-create', create(plain.dir, 'quick'));
    expect(p.code, p.stderr).toBe(0);
    const pwt = lastLine(p.stdout);
    expect(git(pwt, 'branch', '--show-current')).toBe('worktree-quick');
    expect(fs.existsSync(path.join(plain.dir, '.git', 'lanes'))).toBe(false);
    fs.writeFileSync(path.join(pwt, 'wip.txt'), 'x');
    const kept = await runHook('worktree-remove', remove(plain.dir, pwt));
    expect(kept.code).toBe(1);
    expect(kept.stderr).toMatch(/kept/);
    expect(fs.existsSync(path.join(pwt, 'wip.txt'))).toBe(true);
    const bad = await runHook('worktree-create', create(plain.dir, '../escape'));
    expect(bad.code).toBe(1);
    plain.cleanup();
  });
});
