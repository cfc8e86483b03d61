import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS_DOC } from '../../../src/core/claims/model.js';
import { openProject } from '../../../src/core/project/project.js';
import { startLane } from '../../../src/core/lanes/start.js';
import { RUNS_DOC, type RunsDoc } from '../../../src/core/run/model.js';
import { status } from '../../../src/core/status/status.js';
import { storePlan } from '../../../src/core/plan/tasks.js';
import { hostName } from '../../../src/state/index.js';
import { StatusOut } from '../../../src/mcp/tools/status.js';
import { renderStatus } from '../../../src/render/status.js';
import { lanes as cli } from '../../helpers/cli.js';
import { connect } from '../../helpers/mcp.js';
import { makeRepo, tempDir } from '../../helpers/repo.js';
import { workingRepo, type Fixture } from '../../dashboard/fixture.js';

/** Names, sizes and content hashes of every file under `dir`, plus mtimes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        out[path.relative(dir, p)] = `${st.mtimeMs}:${crypto.createHash('sha1').update(fs.readFileSync(p)).digest('hex')}`;
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * A `git` first on PATH that logs how it was called (and whether GIT_OPTIONAL_LOCKS=0 was set),
 * then runs the real git.
 */
function gitSpy(): { restore(): void; calls(): Array<{ locks: string; args: string }> } {
  const dir = tempDir('lanes-gitspy-');
  const real = realGit();
  const log = path.join(dir, 'calls.log');
  fs.writeFileSync(
    path.join(dir, 'git'),
    `#!/bin/sh\nprintf '%s\\t%s\\n' "\${GIT_OPTIONAL_LOCKS:-unset}" "$*" >> '${log}'\nexec '${real}' "$@"\n`,
    { mode: 0o755 },
  );
  const old = process.env.PATH;
  process.env.PATH = `${dir}${path.delimiter}${old}`;
  return {
    restore() {
      process.env.PATH = old;
      fs.rmSync(dir, { recursive: true, force: true });
    },
    calls() {
      if (!fs.existsSync(log)) return [];
      return fs
        .readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [locks = '', args = ''] = l.split('\t');
          return { locks, args };
        });
    },
  };
}

function realGit(): string {
  for (const d of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(d, 'git');
    if (fs.existsSync(p)) return p;
  }
  throw new Error('git not found on PATH');
}

describe('status', () => {
  let r: Fixture;
  beforeAll(async () => {
    r = await workingRepo();
  });
  afterAll(() => r?.cleanup());

  it('shows plan by wave, lanes, claims, the merge queue and recent events, in the strict output shape', async () => {
    const s = StatusOut.parse(await status(r.lanes));
    expect(s.problems).toEqual([]);
    expect(s.target).toBe('main');
    expect(s.target_sha).toMatch(/^[0-9a-f]{40}$/);
    const p = s.plan!;
    expect(p.tasks).toBe(6);
    expect(p.by_status).toEqual({ planned: 2, in_progress: 2, done: 1, blocked: 1, failed: 0 });
    expect(p.progress).toBeCloseTo(1 / 6, 2);
    expect(p.waves.map((w) => w.tasks.map((t) => t.id))).toEqual([
      ['schema', 'config'],
      ['api', 'ui'],
      ['auth', 'docs'],
    ]);
    expect(p.waves[0]!.done).toBe(1);
    expect(p.waves[2]!.tasks.find((t) => t.id === 'docs')!.depends_on).toEqual(['api', 'ui']);
    expect(p.conflicts.map((c) => [c.a, c.b])).toEqual([['api', 'auth']]);

    const [api, config] = s.lanes;
    expect(api).toMatchObject({
      kind: 'lane',
      task_id: 'api',
      state: 'ready',
      task_status: 'in_progress',
      owner: 'agent-api',
      branch: 'lanes/api',
      dirty_count: 0,
      ahead: 1,
      behind: 0,
      missing: false,
    });
    expect(config).toMatchObject({ task_id: 'config', dirty_count: 1, untracked_count: 1, ahead: 0, behind: 0 });
    for (const l of s.lanes) {
      expect(l.age_s).toBeGreaterThanOrEqual(0);
      expect(Date.parse(l.last_activity!)).toBeGreaterThan(Date.now() - 120_000);
    }
    expect(s.claims.map((c) => `${c.owner} ${c.pattern}`)).toEqual([
      'session:abc README.md',
      'task:api src/api/**',
      'task:config src/config/**',
    ]);
    expect(s.merge.queue).toEqual([expect.objectContaining({ task: 'api', state: 'queued', position: 1, kind: 'land' })]);
    expect(s.merge.processor.running).toBe(false);
    expect(s.run).toBeNull();
    expect(s.recent_events.length).toBeGreaterThan(3);
    expect(s.recent_events.at(-1)).toMatchObject({ type: 'claims.claimed' });
    expect(s.recent_events.find((e) => e.type === 'merge.queued')).toMatchObject({ task: 'api' });
    expect(s.resources.cpus).toBeGreaterThan(0);
    expect((await status(r.lanes, { events: 2 })).recent_events).toHaveLength(2);
  });

  it('is read-only: no state file, index or ref changes, and every git call runs with GIT_OPTIONAL_LOCKS=0', async () => {
    const common = path.join(r.dir, '.git');
    // An agent's commit in progress in a lane: status must neither need nor touch its lock.
    const admin = path.join(common, 'worktrees', 'config');
    fs.writeFileSync(path.join(admin, 'index.lock'), '');
    // An expired claim: listClaims would reclaim it (a write); status just leaves it out.
    await r.lanes.store.update(CLAIMS_DOC, (d) => {
      d.claims.push({
        owner: 'gone',
        pattern: 'src/old.ts',
        mode: 'exclusive',
        claimed_at: '2020-01-01T00:00:00Z',
        expires_at: '2020-01-01T00:30:00Z',
        ttl_seconds: 1800,
        host: hostName(),
      });
    });
    const before = snapshot(common);
    const spy = gitSpy();
    let s;
    let calls;
    try {
      s = await status(r.lanes);
      calls = spy.calls();
    } finally {
      spy.restore();
    }
    try {
      expect(snapshot(common)).toEqual(before);
      expect(s.claims.map((c) => c.owner)).not.toContain('gone');
      expect(s.lanes.find((l) => l.task_id === 'config')!.dirty_count).toBe(1);
      expect(calls.length).toBeGreaterThan(0);
      for (const c of calls) expect(c, c.args).toMatchObject({ locks: '0' });
      for (const c of calls) expect(c.args).toMatch(/^(rev-parse|for-each-ref|worktree list|status|rev-list)\b/);
      // Cheap: a fixed few calls plus two per lane.
      expect(calls.length).toBeLessThanOrEqual(4 + 2 * s.lanes.length);
    } finally {
      fs.rmSync(path.join(admin, 'index.lock'), { force: true });
      await r.lanes.store.update(CLAIMS_DOC, (d) => {
        d.claims = d.claims.filter((c) => c.owner !== 'gone');
      });
    }
  });

  it('reports a lane whose directory is gone, and a missing target, instead of failing', async () => {
    const repo = makeRepo();
    try {
      repo.write('.lanes/config.json', JSON.stringify({ target: 'trunk' }));
      const project = await openProject(repo.dir);
      await storePlan(project.store, [{ id: 'a', title: 'A' }], { parallelism: 2 });
      await startLane(project, { task_id: 'a', owner: 'me' }).catch(() => undefined);
      const s = await status(project);
      expect(s.target).toBe('trunk');
      expect(s.target_sha).toBeUndefined();
      expect(s.plan!.tasks).toBe(1);
      expect(s.problems).toEqual([]);
      expect(renderStatus(s)).toMatch(/target trunk \(no commits\)/);
    } finally {
      repo.cleanup();
    }
  });

  it('marks a lane whose worktree directory vanished as missing', async () => {
    const repo = makeRepo();
    try {
      const project = await openProject(repo.dir);
      await storePlan(
        project.store,
        [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
        { parallelism: 2 },
      );
      const a = await startLane(project, { task_id: 'a', owner: 'me' });
      await startLane(project, { task_id: 'b', owner: 'me' });
      fs.rmSync(a.path, { recursive: true, force: true });
      const s = await status(project);
      expect(s.lanes.find((l) => l.task_id === 'a')).toMatchObject({ missing: true, dirty_count: 0 });
      expect(s.lanes.find((l) => l.task_id === 'b')).toMatchObject({ missing: false });
      expect(renderStatus(s)).toMatch(/a\s+ready\s+in progress\s+missing/);
    } finally {
      repo.cleanup();
    }
  });

  it('summarises the current lanes run from the runs doc', async () => {
    const t = (id: string, state: string, attempts: number, reason?: string) => ({
      id,
      state,
      attempts: Array.from({ length: attempts }, (_, i) => ({ n: i + 1, started_at: new Date(Date.now() - 5000).toISOString() })),
      ...(reason ? { reason } : {}),
    });
    await r.lanes.store.update(RUNS_DOC, (d: { current: string | null; runs: unknown[] }) => {
      d.current = 'r2';
      d.runs = [
        {
          id: 'r1',
          status: 'finished',
          created_at: '2026-01-01T00:00:00Z',
          updated_at: '2026-01-01T01:00:00Z',
          parallelism: 2,
          segments: [],
          tasks: {},
        },
        {
          id: 'r2',
          status: 'running',
          created_at: new Date(Date.now() - 60_000).toISOString(),
          updated_at: new Date().toISOString(),
          parallelism: 4,
          agent: { name: 'scripted', argv: [] },
          segments: [{ pid: 1, host: 'h', started_at: new Date(Date.now() - 60_000).toISOString() }],
          tasks: {
            api: t('api', 'queued', 1),
            config: t('config', 'retry', 2),
            ui: t('ui', 'blocked', 3, 'agent exited 1 three times'),
            docs: t('docs', 'pending', 0),
          },
        },
      ];
    });
    try {
      const raw = await status(r.lanes);
      const s = StatusOut.parse(raw);
      expect(s.run).toMatchObject({
        id: 'r2',
        state: 'running',
        parallelism: 4,
        agent: 'scripted',
        tasks: { queued: 1, retry: 1, blocked: 1, pending: 1 },
      });
      expect(s.run!.finished_at).toBeUndefined();
      expect(s.run!.items.find((i) => i.task === 'config')).toMatchObject({ state: 'retry', attempts: 2 });
      const text = renderStatus(raw);
      expect(text).toMatch(/Run r2: running since/);
      expect(text).toMatch(/working: config \(retry, attempt 2/);
      expect(text).toMatch(/blocked ui: agent exited 1 three times/);
    } finally {
      await r.lanes.store.update(RUNS_DOC, (d: Partial<RunsDoc>) => {
        delete d.current;
        delete d.runs;
      });
    }
  });

  it('renders one screen of text: every section, colour only when asked, clipped to a width', async () => {
    const s = await status(r.lanes);
    const text = renderStatus(s);
    for (const re of [
      /^Lanes status for /,
      /^Plan: 6 tasks \[/m,
      /^  wave 1  1\/2  \+schema  >config@agent-config$/m,
      /^Lanes: 2$/m,
      /^  TASK +LANE +TASK STATE +DIRTY +AHEAD\/BEHIND +AGE +ACTIVE +OWNER$/m,
      /^  api +ready +in progress +clean +1\/0 /m,
      /^  config +ready +in progress +1 \(1 new\) +0\/0 /m,
      /^Claims: 3 \(3 owners\)$/m,
      /^Merge queue: 1 waiting, no processor running/m,
      /^  1\. api  queued/m,
      /^Resources: /m,
      /^Recent events:$/m,
    ]) {
      expect(text).toMatch(re);
    }
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/\x1b\[/);
    const colored = renderStatus(s, { color: true, width: 60 });
    // eslint-disable-next-line no-control-regex
    expect(colored).toMatch(/\x1b\[32m\+schema\x1b\[0m/);
    // eslint-disable-next-line no-control-regex
    for (const line of colored.split('\n')) expect(line.replace(/\x1b\[[0-9;]*m/g, '').length).toBeLessThanOrEqual(60);
  });

  it('renders a lane that needs a fix first-class: its own state, the reason escaped, in magenta', async () => {
    const s = await status(r.lanes);
    const lane = s.lanes.find((l) => l.task_id === 'config')!;
    lane.needs_fix = { kind: 'error', reason: 'integration failed \x1b]0;pwned\x07 badly' };
    const text = renderStatus(s);
    expect(text).toMatch(/^Lanes: 2, 1 needs a fix$/m);
    expect(text).toMatch(/^ {2}config +ready +needs fix +1 \(1 new\) /m);
    expect(text).toContain('    needs fix: integration failed \\x1b]0;pwned\\x07 badly');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\x07\x1b]/);
    expect(renderStatus(s, { color: true })).toContain('\x1b[35m    needs fix: integration failed');
  });

  it('is what the status MCP tool returns, validated against its strict output schema', async () => {
    const c = await connect(r.dir);
    try {
      const res = await c.call('status', { events: 3, recent_merges: 2 });
      expect(res.isError).toBeFalsy();
      expect(res.data.plan.tasks).toBe(6);
      expect(res.data.lanes.map((l: { task_id: string }) => l.task_id)).toEqual(['api', 'config']);
      expect(res.data.recent_events).toHaveLength(3);
      expect(res.text).toMatch(/^Merge queue: 1 waiting/m);
      // eslint-disable-next-line no-control-regex
      expect(res.text).not.toMatch(/\x1b\[/);
      const bad = await c.call('status', { events: 1000 });
      expect(bad.isError).toBe(true);
    } finally {
      await c.close();
    }
  });
});

describe('status cost', () => {
  it('stays cheap with 10 lanes (measured)', async () => {
    const repo = makeRepo({
      files: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`src/f${i}.ts`, `export const x${i} = ${i};\n`])),
    });
    try {
      const project = await openProject(repo.dir);
      const ids = Array.from({ length: 10 }, (_, i) => `t${i}`);
      await storePlan(
        project.store,
        ids.map((id) => ({ id, title: id, files: [`src/${id}/**`] })),
        { parallelism: 10 },
      );
      for (const id of ids) await startLane(project, { task_id: id, owner: `agent-${id}` });
      for (const id of ids.slice(0, 5)) fs.writeFileSync(path.join(repo.dir, '.claude/worktrees', id, 'src/f1.ts'), 'changed\n');
      const fresh = await openProject(repo.dir);
      await status(fresh); // warm up (module loading, resources cache)
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const s = await status(fresh);
        times.push(performance.now() - t0);
        expect(s.lanes).toHaveLength(10);
        expect(s.lanes.filter((l) => l.dirty_count === 1)).toHaveLength(5);
      }
      times.sort((a, b) => a - b);
      const median = times[2]!;
      // Cold: a new `lanes status` process (no ahead/behind cache), as a person or script runs it.
      const cold: number[] = [];
      const wall: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const res = await cli(repo.dir, ['status', '--json']);
        wall.push(performance.now() - t0);
        expect(res.code).toBe(0);
        cold.push(JSON.parse(res.stdout).took_ms);
      }
      cold.sort((a, b) => a - b);
      wall.sort((a, b) => a - b);
      process.stderr.write(
        `status with 10 lanes: polling (warm) median ${median.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)}); ` +
          `new process: report ${cold[1]} ms, whole command ${wall[1]!.toFixed(0)} ms (median of 3)\n`,
      );
      expect(median).toBeLessThan(2000);
      expect(cold[1]).toBeLessThan(3000);
    } finally {
      repo.cleanup();
    }
  });
});
