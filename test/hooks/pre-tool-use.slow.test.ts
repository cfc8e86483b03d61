import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS_DOC } from '../../src/core/claims/model.js';
import { claimFiles } from '../../src/core/claims/api.js';
import { makeRepo, tempDir } from '../helpers/repo.js';
import { laneRepo, runHook, subagentTranscript, type LaneRepo } from './helpers.js';

const write = (cwd: string, file: string, extra: Record<string, unknown> = {}) => ({
  session_id: 'sess-1',
  transcript_path: '/nonexistent/t.jsonl',
  cwd,
  hook_event_name: 'PreToolUse',
  tool_name: 'Write',
  tool_input: { file_path: file, content: 'x' },
  ...extra,
});

describe('PreToolUse hook', () => {
  let r: LaneRepo;
  beforeAll(async () => {
    r = await laneRepo();
  });
  afterAll(() => r.cleanup());

  it('allows silently when stdin is malformed, saying why on stderr', async () => {
    for (const raw of ['', 'not json', '[1,2]', '{"cwd":']) {
      const h = await runHook('pre-tool-use', raw, { raw: true });
      expect(h.code).toBe(0);
      expect(h.stdout).toBe('');
      expect(h.stderr).toMatch(/lanes: PreToolUse: .*(empty|not JSON|not an object)/);
    }
  });

  it('does nothing harmful outside git and in a repository without Lanes state', async () => {
    const dir = tempDir();
    const outside = await runHook('pre-tool-use', write(dir, path.join(dir, 'x.txt')));
    expect(outside).toMatchObject({ code: 0, stdout: '' });
    expect(outside.stderr).toMatch(/not inside a git repository/);
    const plain = makeRepo();
    const h = await runHook('pre-tool-use', write(plain.dir, path.join(plain.dir, 'README.md')));
    expect(h).toMatchObject({ code: 0, stdout: '' });
    expect(h.stderr).toMatch(/no Lanes state/);
    expect(fs.existsSync(path.join(plain.dir, '.git', 'lanes'))).toBe(false);
    const gone = await runHook('pre-tool-use', write(path.join(dir, 'missing'), path.join(dir, 'x')));
    expect(gone).toMatchObject({ code: 0, stdout: '' });
    plain.cleanup();
  });

  it('ignores tools that are not edits', async () => {
    const h = await runHook('pre-tool-use', { ...write(r.lane.a!, '/etc/passwd'), tool_name: 'Read' });
    expect(h).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it("allows an edit of the lane's own files silently", async () => {
    for (const f of ['src/a/a.ts', 'src/a/new/deep.ts', 'README.md', 'notes/new.md']) {
      const h = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.a!, f)));
      expect(h, f).toMatchObject({ code: 0, stdout: '', stderr: '' });
    }
    const rel = await runHook('pre-tool-use', write(r.lane.a!, 'src/a/relative.ts'));
    expect(rel).toMatchObject({ code: 0, stdout: '' });
  });

  it('blocks a path another lane holds exclusively, naming the holder and what to do', async () => {
    const h = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.a!, 'src/b/b.ts')));
    expect(h.code).toBe(2);
    expect(h.stdout).toBe('');
    expect(h.stderr).toContain('src/b/b.ts is held exclusively by task b');
    expect(h.stderr).toContain('lanes/b');
    expect(h.stderr).toContain('log_session');
    // MultiEdit and NotebookEdit are checked the same way.
    const multi = await runHook('pre-tool-use', {
      ...write(r.lane.a!, ''),
      tool_name: 'MultiEdit',
      tool_input: { file_path: path.join(r.lane.a!, 'src/b/x.ts'), edits: [] },
    });
    expect(multi.code).toBe(2);
    const nb = await runHook('pre-tool-use', {
      ...write(r.lane.a!, ''),
      tool_name: 'NotebookEdit',
      tool_input: { notebook_path: path.join(r.lane.a!, 'src/b/n.ipynb') },
    });
    expect(nb.code).toBe(2);
  });

  it('blocks an edit outside the lane inside the repository, and allows one outside the repository', async () => {
    const main = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.repo.dir, 'README.md')));
    expect(main.code).toBe(2);
    expect(main.stderr).toContain('main checkout');
    expect(main.stderr).toContain(path.join(r.lane.a!, 'README.md'));
    const other = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.b!, 'README.md')));
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('the lane of task b');
    const gitdir = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.repo.dir, '.git', 'config')));
    expect(gitdir.code).toBe(2);
    const tmp = await runHook('pre-tool-use', write(r.lane.a!, path.join(tempDir(), 'scratch.txt')));
    expect(tmp).toMatchObject({ code: 0, stdout: '' });
  });

  it('cannot be escaped through a symlink inside the lane', async () => {
    const link = path.join(r.lane.a!, 'escape');
    fs.symlinkSync(r.repo.dir, link);
    try {
      const h = await runHook('pre-tool-use', write(r.lane.a!, path.join(link, 'README.md')));
      expect(h.code).toBe(2);
    } finally {
      fs.unlinkSync(link);
    }
  });

  it("checks edits made from outside any lane against the target lane's claims", async () => {
    const own = await runHook('pre-tool-use', write(r.repo.dir, path.join(r.lane.b!, 'src/b/b.ts')));
    expect(own).toMatchObject({ code: 0, stdout: '' });
    const foreign = await runHook('pre-tool-use', write(r.repo.dir, path.join(r.lane.a!, 'src/b/b.ts')));
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('held exclusively by task b');
    const mainFile = await runHook('pre-tool-use', write(r.repo.dir, path.join(r.repo.dir, 'src/b/b.ts')));
    expect(mainFile).toMatchObject({ code: 0, stdout: '' });
  });

  it('holds a subagent to the lane named in its prompt', async () => {
    const dir = tempDir();
    const t = subagentTranscript(dir, 'sess-1', 'a123', 'Lanes task: a\nLane: somewhere\nDo A.');
    const base = { ...t, agent_id: 'a123', agent_type: 'lanes:lane-worker' };
    const inLane = await runHook('pre-tool-use', write(r.repo.dir, path.join(r.lane.a!, 'src/a/x.ts'), base));
    expect(inLane).toMatchObject({ code: 0, stdout: '' });
    const inMain = await runHook('pre-tool-use', write(r.repo.dir, path.join(r.repo.dir, 'src/a/x.ts'), base));
    expect(inMain.code).toBe(2);
    expect(inMain.stderr).toContain('You work on task a');
    // A subagent without the marker is treated like any caller outside a lane.
    const u = subagentTranscript(dir, 'sess-1', 'b456', 'Just look around.');
    const free = await runHook('pre-tool-use', write(r.repo.dir, path.join(r.repo.dir, 'src/a/x.ts'), { ...u, agent_id: 'b456' }));
    expect(free).toMatchObject({ code: 0, stdout: '' });
  });

  it('lets shared, expired and dead-process claims pass', async () => {
    const doc = (await r.lanes.store.read(CLAIMS_DOC)).data;
    const now = Date.now();
    const extra = [
      {
        owner: 'x:shared',
        pattern: 'src/a/shared.ts',
        mode: 'shared' as const,
        claimed_at: new Date(now).toISOString(),
        expires_at: new Date(now + 3600e3).toISOString(),
        ttl_seconds: 3600,
        host: 'h',
      },
      {
        owner: 'x:old',
        pattern: 'src/a/old.ts',
        mode: 'exclusive' as const,
        claimed_at: new Date(now - 7200e3).toISOString(),
        expires_at: new Date(now - 3600e3).toISOString(),
        ttl_seconds: 3600,
        host: 'h',
      },
      {
        owner: 'x:dead',
        pattern: 'src/a/dead.ts',
        mode: 'exclusive' as const,
        claimed_at: new Date(now).toISOString(),
        expires_at: new Date(now + 3600e3).toISOString(),
        ttl_seconds: 3600,
        host: (await import('node:os')).hostname(),
        pid: 2 ** 22 + 12345,
      },
    ];
    await r.lanes.store.update(CLAIMS_DOC, (d) => {
      d.claims.push(...extra);
    });
    try {
      for (const f of ['src/a/shared.ts', 'src/a/old.ts', 'src/a/dead.ts']) {
        const h = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.a!, f)));
        expect(h, f).toMatchObject({ code: 0, stdout: '' });
      }
      // A live exclusive claim by someone else on a file in lane a's scope does block.
      await claimFiles(r.lanes.store, { owner: 'agent:other', paths: ['docs/x.md'], ttl_seconds: 600 });
      const h = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.a!, 'docs/x.md')));
      expect(h.code).toBe(2);
      expect(h.stderr).toContain('agent:other');
    } finally {
      await r.lanes.store.update(CLAIMS_DOC, (d) => {
        d.claims = doc.claims;
      });
    }
  });

  it("renews the lane's task claims when their lease is getting old", async () => {
    const before = (await r.lanes.store.read(CLAIMS_DOC)).data.claims.find((c) => c.owner === 'task:a')!;
    const stale = new Date(Date.now() + 60_000).toISOString();
    await r.lanes.store.update(CLAIMS_DOC, (d) => {
      for (const c of d.claims) if (c.owner === 'task:a') c.expires_at = stale;
    });
    const h = await runHook('pre-tool-use', write(r.lane.a!, path.join(r.lane.a!, 'src/a/a.ts')));
    expect(h).toMatchObject({ code: 0, stdout: '' });
    const after = (await r.lanes.store.read(CLAIMS_DOC)).data.claims.find((c) => c.owner === 'task:a')!;
    expect(Date.parse(after.expires_at)).toBeGreaterThan(Date.parse(stale) + before.ttl_seconds * 1000 - 120_000);
  });
});
