import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openProject } from '../../../src/core/project/project.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { removeLane } from '../../../src/core/lanes/remove.js';
import { storePlan } from '../../../src/core/plan/tasks.js';
import { isLanesError, type ErrorCode } from '../../../src/errors.js';
import { makeRepo, tempDir } from '../../helpers/repo.js';
import { lanePath, lanesRepo, type LanesRepo } from './helpers.js';
import { assertInvariants } from './invariants.js';

/** Everything a start could touch: refs, worktrees, lane/task state, journal, exclude, lanes dir. */
function snapshot(r: LanesRepo): string {
  const state = path.join(r.dir, '.git', 'lanes');
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '<none>');
  return JSON.stringify({
    refs: r.git('for-each-ref', '--format=%(refname) %(objectname)'),
    worktrees: r.git('worktree', 'list', '--porcelain'),
    lanes: read(path.join(state, 'lanes.json')),
    tasks: read(path.join(state, 'tasks.json')),
    claims: read(path.join(state, 'claims.json')),
    journal: fs.existsSync(path.join(state, 'journal')) ? fs.readdirSync(path.join(state, 'journal')) : [],
    exclude: read(path.join(r.dir, '.git', 'info', 'exclude')),
    lanesDir: fs.existsSync(path.join(r.dir, '.claude', 'worktrees')) ? fs.readdirSync(path.join(r.dir, '.claude', 'worktrees')) : null,
  });
}

const CTRL = String.fromCharCode(7);
const LONG = 'a'.repeat(300);

const cases: Array<{ name: string; input: { task_id: string; owner?: string; base?: string }; code: ErrorCode; msg?: RegExp }> = [
  { name: 'path traversal id', input: { task_id: '../x' }, code: 'INVALID_INPUT' },
  { name: 'option-like id', input: { task_id: '-rf' }, code: 'INVALID_INPUT' },
  { name: 'upload-pack id', input: { task_id: '--upload-pack=touch /tmp/pwned' }, code: 'INVALID_INPUT' },
  { name: 'range id', input: { task_id: 'a..b' }, code: 'INVALID_INPUT' },
  { name: 'control character id', input: { task_id: `t1${CTRL}` }, code: 'INVALID_INPUT' },
  { name: 'newline id', input: { task_id: 't1\nt2' }, code: 'INVALID_INPUT' },
  { name: '300-character id', input: { task_id: LONG }, code: 'INVALID_INPUT' },
  { name: 'slash id', input: { task_id: 'a/b' }, code: 'INVALID_INPUT' },
  { name: 'unknown task', input: { task_id: 'nope' }, code: 'NOT_FOUND' },
  { name: 'option-like base', input: { task_id: 't1', base: '--upload-pack=touch /tmp/pwned' }, code: 'INVALID_INPUT' },
  { name: 'dash base', input: { task_id: 't1', base: '-rf' }, code: 'INVALID_INPUT' },
  { name: 'range base', input: { task_id: 't1', base: 'main..HEAD' }, code: 'INVALID_INPUT', msg: /does not name a commit/ },
  { name: 'control character base', input: { task_id: 't1', base: `main${CTRL}` }, code: 'INVALID_INPUT' },
  { name: '300-character base', input: { task_id: 't1', base: LONG }, code: 'INVALID_INPUT' },
  { name: 'missing base', input: { task_id: 't1', base: 'no-such-branch' }, code: 'INVALID_INPUT', msg: /does not name a commit/ },
  { name: 'empty base', input: { task_id: 't1', base: '' }, code: 'INVALID_INPUT' },
  { name: 'owner with spaces', input: { task_id: 't1', owner: 'rm -rf /' }, code: 'INVALID_INPUT' },
  { name: 'option-like owner', input: { task_id: 't1', owner: '--force' }, code: 'INVALID_INPUT' },
  { name: '300-character owner', input: { task_id: 't1', owner: LONG }, code: 'INVALID_INPUT' },
];

describe('hostile input gets a clear error before any side effect', () => {
  // One repository for the whole table: each case must leave it exactly as it was.
  let shared: LanesRepo;
  beforeAll(async () => {
    shared = await lanesRepo({ shared: true });
  });
  afterAll(() => shared.finish());

  it.each(cases)('$name', async ({ input, code, msg }) => {
    const r = shared;
    const lanes = await r.open();
    const before = snapshot(r);
    const e = await startLane(lanes, { owner: 'session:x', ...input }).catch((x: unknown) => x);
    expect(isLanesError(e, code), String(e)).toBe(true);
    if (msg) expect((e as Error).message).toMatch(msg);
    expect((e as { hint?: string }).hint, 'every refusal says what to do').toBeTruthy();
    expect(snapshot(r)).toBe(before);
    expect(fs.existsSync('/tmp/pwned')).toBe(false);
  });

  it('hostile ids on remove are refused the same way', async () => {
    const r = await lanesRepo();
    const lanes = await r.open();
    for (const id of ['../x', '-rf', 'a..b', LONG, `x${CTRL}`]) {
      await expect(removeLane(lanes, { task_id: id })).rejects.toSatisfy((e) => isLanesError(e, 'INVALID_INPUT'));
    }
    await expect(removeLane(lanes, { task_id: 't1' })).rejects.toSatisfy((e) => isLanesError(e, 'NOT_FOUND'));
  });

  it('refuses a symlinked .claude/worktrees that points outside the repository', async () => {
    const r = await lanesRepo();
    const outside = tempDir('lanes-outside-');
    try {
      fs.mkdirSync(path.join(r.dir, '.claude'));
      fs.symlinkSync(outside, path.join(r.dir, '.claude', 'worktrees'));
      const lanes = await r.open();
      const before = snapshot(r);
      const e = await startLane(lanes, { task_id: 't1', owner: 'o' }).catch((x: unknown) => x);
      expect(isLanesError(e, 'UNSAFE'), String(e)).toBe(true);
      expect((e as Error).message).toMatch(/outside the repository/);
      expect(fs.readdirSync(outside)).toEqual([]);
      expect(snapshot(r)).toBe(before);
      // A symlinked parent (.claude) is caught the same way.
      fs.rmSync(path.join(r.dir, '.claude'), { recursive: true });
      fs.symlinkSync(outside, path.join(r.dir, '.claude'));
      await expect(startLane(lanes, { task_id: 't1', owner: 'o' })).rejects.toSatisfy((x) => isLanesError(x, 'UNSAFE'));
      expect(fs.readdirSync(outside)).toEqual([]);
      fs.rmSync(path.join(r.dir, '.claude'));
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses an existing branch lanes/<task>, a non-empty target directory, a file or symlink in its place', async () => {
    const r = await lanesRepo({ tasks: [{ id: 't1' }, { id: 't2' }, { id: 't3' }, { id: 't4' }] });
    const lanes = await r.open();
    r.git('branch', 'lanes/t1');
    let before = snapshot(r);
    const e1 = await startLane(lanes, { task_id: 't1', owner: 'o' }).catch((x: unknown) => x);
    expect(isLanesError(e1, 'CONFLICT'), String(e1)).toBe(true);
    expect((e1 as Error).message).toMatch(/branch lanes\/t1 already exists/);
    expect(snapshot(r)).toBe(before);
    r.git('branch', '-D', 'lanes/t1');

    fs.mkdirSync(lanePath(r, 't2'), { recursive: true });
    fs.writeFileSync(path.join(lanePath(r, 't2'), 'precious.txt'), 'mine');
    fs.writeFileSync(lanePath(r, 't3'), 'a file');
    fs.symlinkSync(os.tmpdir(), lanePath(r, 't4'));
    before = snapshot(r);
    for (const t of ['t2', 't3', 't4']) {
      const e = await startLane(lanes, { task_id: t, owner: 'o' }).catch((x: unknown) => x);
      expect(isLanesError(e, 'UNSAFE'), `${t}: ${String(e)}`).toBe(true);
    }
    expect(snapshot(r)).toBe(before);
    expect(fs.readFileSync(path.join(lanePath(r, 't2'), 'precious.txt'), 'utf8')).toBe('mine');
    // An empty directory is fine (git fills it).
    fs.rmSync(lanePath(r, 't2'), { recursive: true });
    fs.mkdirSync(lanePath(r, 't2'));
    await startLane(lanes, { task_id: 't2', owner: 'o' });
    fs.rmSync(lanePath(r, 't3'));
    fs.rmSync(lanePath(r, 't4'));
  });

  it('says clearly that a repository without commits cannot have lanes', async () => {
    const repo = makeRepo({ commit: false });
    try {
      const project = await openProject(repo.dir);
      await storePlan(project.store, [{ id: 't1', title: 'x' }], { parallelism: 2 });
      const e = await startLane(project, { task_id: 't1', owner: 'o' }).catch((x: unknown) => x);
      expect(isLanesError(e, 'NOT_A_REPO'), String(e)).toBe(true);
      expect((e as Error).message).toMatch(/no commits/);
      expect(execFileSync('git', ['branch', '--list'], { cwd: repo.dir, encoding: 'utf8' })).toBe('');
      assertInvariants(repo.dir);
    } finally {
      repo.cleanup();
    }
  });
});
