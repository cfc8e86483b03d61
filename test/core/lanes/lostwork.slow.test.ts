/**
 * Twelve lane situations through every removal path (remove_lane and cleanup_lanes over
 * MCP, `lanes remove` and `lanes gc`, the WorktreeRemove hook). After each path, every commit that
 * ever existed (refs and every reflog, worktrees' included) is still reachable from some ref.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../src/core/project/project.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { TASKS_DOC } from '../../../src/core/plan/tasks.js';
import { connect } from '../../helpers/mcp.js';
import { runHook } from '../../hooks/helpers.js';
import { cli, commitIn, lanesRepo, type LanesRepo } from './helpers.js';

type Outcome = { removed: true; backup_refs: string[]; text: string } | { removed: false; text: string };
/** The message and hint of a `--json` error answer (`{"error": {code, message, hint}}` on stdout). */
function refusalText(stdout: string): string {
  const e = (JSON.parse(stdout) as { error: { message: string; hint?: string } }).error;
  return `${e.message}\n${e.hint ?? ''}`;
}

interface RemovalPath {
  name: string;
  /** One lane at a time (remove) or all at once (gc). */
  run(r: LanesRepo, tasks: string[]): Promise<Map<string, Outcome>>;
}

function fromCleanup(data: {
  removed: Array<{ task_id: string; reason: string; backup_refs: string[] }>;
  kept: Array<{ task_id?: string; reason: string }>;
}): Map<string, Outcome> {
  const m = new Map<string, Outcome>();
  for (const x of data.removed) m.set(x.task_id, { removed: true, backup_refs: x.backup_refs, text: x.reason });
  for (const k of data.kept) if (k.task_id) m.set(k.task_id, { removed: false, text: k.reason });
  return m;
}

const PATHS: RemovalPath[] = [
  {
    name: 'MCP remove_lane',
    async run(r, tasks) {
      const c = await connect(r.dir);
      try {
        const m = new Map<string, Outcome>();
        for (const t of tasks) {
          const res = await c.call('remove_lane', { task_id: t });
          m.set(t, res.isError ? { removed: false, text: res.text } : { removed: true, backup_refs: res.data.backup_refs, text: res.text });
        }
        return m;
      } finally {
        await c.close();
      }
    },
  },
  {
    name: 'MCP cleanup_lanes',
    async run(r) {
      const c = await connect(r.dir);
      try {
        const res = await c.call('cleanup_lanes', {});
        expect(res.isError, res.text).toBeFalsy();
        return fromCleanup(res.data);
      } finally {
        await c.close();
      }
    },
  },
  {
    name: 'lanes remove',
    async run(r, tasks) {
      const m = new Map<string, Outcome>();
      for (const t of tasks) {
        const res = await cli(r.dir, ['remove', t, '--json']);
        m.set(
          t,
          res.code === 0
            ? { removed: true, backup_refs: JSON.parse(res.stdout).backup_refs, text: res.stdout }
            : // With --json an error is JSON on stdout: the refusal's message and hint are the reason.
              { removed: false, text: refusalText(res.stdout) },
        );
        if (res.code !== 0) expect(res.code, res.stderr).toBe(4);
      }
      return m;
    },
  },
  {
    name: 'lanes gc',
    async run(r) {
      const res = await cli(r.dir, ['gc', '--json']);
      expect(res.code, res.stderr).toBe(0);
      return fromCleanup(JSON.parse(res.stdout));
    },
  },
  {
    name: 'WorktreeRemove hook',
    async run(r, tasks) {
      const m = new Map<string, Outcome>();
      for (const t of tasks) {
        const wt = path.join(r.dir, '.claude', 'worktrees', t);
        const before = new Set(refsUnder(r, 'refs/lanes/'));
        const res = await runHook('worktree-remove', {
          session_id: 's',
          transcript_path: '/x.jsonl',
          cwd: r.dir,
          hook_event_name: 'WorktreeRemove',
          worktree_path: wt,
        });
        const backup_refs = refsUnder(r, 'refs/lanes/').filter((x) => !before.has(x));
        m.set(t, res.code === 0 ? { removed: true, backup_refs, text: res.stderr } : { removed: false, text: res.stderr });
      }
      return m;
    },
  },
];

function refsUnder(r: LanesRepo, prefix: string): string[] {
  const out = r.git('for-each-ref', '--format=%(refname)', prefix);
  return out ? out.split('\n') : [];
}

/** Every commit git knows of through a ref or any reflog (all worktrees'). */
function everCommits(dir: string): Set<string> {
  return new Set(execFileSync('git', ['rev-list', '--all', '--reflog'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').filter(Boolean));
}
/** Commits reachable from refs (and live worktrees' HEADs), reflogs not counted. */
function reachable(dir: string): Set<string> {
  return new Set(execFileSync('git', ['rev-list', '--all'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').filter(Boolean));
}

async function setStatus(project: Project, task: string, status: 'planned' | 'done', landedAs?: string): Promise<void> {
  await project.store.transact(async (tx) => {
    const t = tx.get(TASKS_DOC)[task]!;
    t.status = status;
    delete t.owner;
    if (landedAs) t.landed_as = landedAs;
  });
}

interface Ctx {
  r: LanesRepo;
  lanes: Project;
  wt: string;
  task: string;
  base: string;
  /** Facts a check needs later (a commit made, a file's content). */
  memo: Record<string, string>;
}

interface Situation {
  task: string;
  setup(c: Ctx): Promise<void>;
  /** Removed, or kept with a reason matching this. */
  expect: 'removed' | RegExp | ((c: Ctx) => RegExp);
  after?(c: Ctx, o: Outcome): void;
}

const SITUATIONS: Situation[] = [
  {
    task: 'landed',
    async setup(c) {
      commitIn(c.wt, 'landed.txt', 'l\n', 'landed work', c.r.git);
      c.r.git('merge', '-q', '--no-ff', '-m', 'land landed', 'lanes/landed');
      await setStatus(c.lanes, c.task, 'done', c.r.git('rev-parse', 'HEAD'));
    },
    expect: 'removed',
  },
  {
    task: 'squashed',
    async setup(c) {
      c.memo.sha = commitIn(c.wt, 'squashed.txt', 's\n', 'squashed work', c.r.git);
      c.r.git('merge', '-q', '--squash', 'lanes/squashed');
      c.r.git('commit', '-q', '-m', 'squash squashed');
      await setStatus(c.lanes, c.task, 'done', c.r.git('rev-parse', 'HEAD'));
    },
    expect: 'removed',
    after(c, o) {
      expect(o.removed && o.backup_refs.some((ref) => c.r.git('rev-parse', ref) === c.memo.sha)).toBe(true);
    },
  },
  {
    task: 'detached',
    async setup(c) {
      c.r.git('-C', c.wt, 'checkout', '-q', '--detach');
      c.memo.sha = commitIn(c.wt, 'detached.txt', 'd\n', 'work on a detached HEAD', c.r.git);
    },
    expect: (c) => new RegExp(`${c.memo.sha!.slice(0, 7)} work on a detached HEAD`),
  },
  {
    task: 'reset',
    async setup(c) {
      c.memo.sha = commitIn(c.wt, 'reset.txt', 'r\n', 'work later reset away', c.r.git);
      c.r.git('-C', c.wt, 'reset', '-q', '--hard', c.base);
    },
    expect: 'removed',
    after(c, o) {
      expect(
        o.removed &&
          o.backup_refs
            .filter((ref) => /^refs\/lanes\/backup\/reset\/\d{8}T\d{9}Z-reflog-1$/.test(ref))
            .map((ref) => c.r.git('rev-parse', ref)),
      ).toEqual([c.memo.sha]);
    },
  },
  {
    task: 'ignored',
    async setup(c) {
      fs.writeFileSync(path.join(c.wt, 'notes.local'), 'precious notes\n');
    },
    expect: /ignored: notes\.local/,
    after(c) {
      expect(fs.readFileSync(path.join(c.wt, 'notes.local'), 'utf8')).toBe('precious notes\n');
    },
  },
  {
    task: 'include',
    async setup(c) {
      expect(fs.readFileSync(path.join(c.wt, '.env'), 'utf8')).toBe('SECRET=1\n');
    },
    expect: 'removed',
  },
  {
    task: 'nodemods',
    async setup(c) {
      fs.mkdirSync(path.join(c.wt, 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(c.wt, 'node_modules', 'pkg', 'index.js'), 'module.exports = 1;\n');
    },
    expect: 'removed',
  },
  {
    task: 'dirty',
    async setup(c) {
      fs.appendFileSync(path.join(c.wt, 'README.md'), 'edit\n');
    },
    expect: /README\.md/,
  },
  {
    task: 'untracked',
    async setup(c) {
      fs.writeFileSync(path.join(c.wt, 'new.txt'), 'new\n');
    },
    expect: /new\.txt/,
  },
  {
    task: 'rebase',
    async setup(c) {
      // Landed, clean, but stopped in the middle of a rebase (an --exec that failed).
      commitIn(c.wt, 'rebase.txt', 'x\n', 'rebase work', c.r.git);
      c.r.git('merge', '-q', '--no-ff', '-m', 'land rebase', 'lanes/rebase');
      await setStatus(c.lanes, c.task, 'done', c.r.git('rev-parse', 'HEAD'));
      try {
        c.r.git('-C', c.wt, 'rebase', '--exec', 'false', c.base);
      } catch {
        // expected: the exec fails and the rebase stops
      }
      expect(fs.existsSync(path.join(c.r.dir, '.git', 'worktrees', 'rebase', 'rebase-merge'))).toBe(true);
    },
    expect: /a rebase is in progress/,
  },
  {
    task: 'missing',
    async setup(c) {
      c.r.git('-C', c.wt, 'checkout', '-q', '--detach');
      c.memo.sha = commitIn(c.wt, 'missing.txt', 'm\n', 'work in a directory deleted later', c.r.git);
      fs.rmSync(c.wt, { recursive: true, force: true });
    },
    expect: (c) => new RegExp(c.memo.sha!.slice(0, 7)),
  },
  {
    task: 'locked',
    async setup(c) {
      c.r.git('worktree', 'unlock', c.wt);
      c.r.git('worktree', 'lock', '--reason', 'keep: my experiment', c.wt);
    },
    expect: /locked in git by someone else \(reason: keep: my experiment\)/,
  },
];

async function prepare(): Promise<{ r: LanesRepo; ctx: Map<string, Ctx> }> {
  const r = await lanesRepo({
    files: { '.gitignore': '.env\nnotes.local\nnode_modules/\n', '.worktreeinclude': '.env\n' },
    tasks: SITUATIONS.map((s) => ({ id: s.task })),
  });
  r.write('.env', 'SECRET=1\n');
  const lanes = await r.open();
  const ctx = new Map<string, Ctx>();
  for (const s of SITUATIONS) {
    const l = await startLane(lanes, { task_id: s.task, owner: 'o' });
    ctx.set(s.task, { r, lanes, wt: l.path, task: s.task, base: l.base, memo: {} });
  }
  // Abandoned, not in progress: so that gc judges every lane by what it would lose.
  for (const s of SITUATIONS) await setStatus(lanes, s.task, 'planned');
  for (const s of SITUATIONS) await s.setup(ctx.get(s.task)!);
  r.commits.note();
  return { r, ctx };
}

describe('no removal path loses work', () => {
  // Every removal path acts as the lanes' own owner: this test is about lost work, not authority
  // (test/core/lanes/owners.slow.test.ts covers refusals of another live owner's lane).
  const before = process.env.LANES_OWNER;
  beforeAll(() => {
    process.env.LANES_OWNER = 'o';
  });
  afterAll(() => {
    if (before === undefined) delete process.env.LANES_OWNER;
    else process.env.LANES_OWNER = before;
  });
  for (const p of PATHS) {
    it(`${p.name}: 12 lane situations`, async () => {
      const { r, ctx } = await prepare();
      const ever = everCommits(r.dir);
      const got = await p.run(
        r,
        SITUATIONS.map((s) => s.task),
      );
      for (const s of SITUATIONS) {
        const c = ctx.get(s.task)!;
        const o = got.get(s.task);
        expect(o, `${s.task}: an outcome`).toBeDefined();
        const want = typeof s.expect === 'function' ? s.expect(c) : s.expect;
        if (want === 'removed') {
          expect(o!.removed, `${s.task} removed: ${o!.text}`).toBe(true);
          expect(fs.existsSync(c.wt), `${s.task} directory gone`).toBe(false);
          expect(r.git('branch', '--list', `lanes/${s.task}`), `${s.task} branch gone`).toBe('');
        } else {
          expect(o!.removed, `${s.task} kept: ${o!.text}`).toBe(false);
          expect(o!.text, `${s.task} reason`).toMatch(want);
          if (s.task !== 'missing') expect(fs.existsSync(c.wt), `${s.task} directory kept`).toBe(true);
        }
        s.after?.(c, o!);
      }
      const now = reachable(r.dir);
      expect(
        [...ever].filter((sha) => !now.has(sha)),
        'commits no longer reachable from any ref',
      ).toEqual([]);

      // The missing lane's commit, kept by a branch as the refusal says, lets it go.
      const miss = ctx.get('missing')!;
      r.git('branch', 'rescued', miss.memo.sha!);
      const again = await p.run(r, ['missing']);
      expect(again.get('missing')?.removed, again.get('missing')?.text).toBe(true);
      expect(r.git('worktree', 'list', '--porcelain')).not.toContain(miss.wt);
    });
  }
});
