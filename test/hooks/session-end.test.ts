import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFiles } from '../../src/core/claims/api.js';
import { CLAIMS_DOC, emptyClaims, type ClaimsDoc } from '../../src/core/claims/model.js';
import { openProject } from '../../src/core/project/project.js';
import { logSession } from '../../src/core/sessions/read.js';
import { readSessions, sessionKey } from '../../src/core/sessions/records.js';
import { readPlan } from '../../src/core/plan/tasks.js';
import { makeRepo, tempDir } from '../helpers/repo.js';
import { laneRepo, runHook, type LaneRepo } from './helpers.js';

const BUDGET_MS = 1500;

describe('SessionEnd hook', () => {
  let r: LaneRepo;
  let transcript: string;
  beforeAll(async () => {
    r = await laneRepo();
    // A 10 MB transcript: the hook must not read it.
    transcript = path.join(tempDir(), 'big.jsonl');
    const line = `${JSON.stringify({ type: 'assistant', message: { role: 'assistant', content: 'x'.repeat(1000) } })}\n`;
    fs.writeFileSync(transcript, line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)));
  });
  afterAll(() => r.cleanup());

  const end = (cwd: string, session: string, reason = 'prompt_input_exit') => ({
    session_id: session,
    transcript_path: transcript,
    cwd,
    hook_event_name: 'SessionEnd',
    reason,
  });

  it('finishes nothing, harmlessly, on malformed input, outside git or without Lanes state', async () => {
    const bad = await runHook('session-end', '', { raw: true });
    expect(bad).toMatchObject({ code: 0, stdout: '' });
    expect(bad.stderr).toMatch(/empty input/);
    expect(await runHook('session-end', end(tempDir(), 's'))).toMatchObject({ code: 0, stdout: '' });
    const plain = makeRepo();
    const h = await runHook('session-end', end(plain.dir, 's'));
    expect(h).toMatchObject({ code: 0, stdout: '' });
    expect(h.stderr).toMatch(/no Lanes state/);
    plain.cleanup();
  });

  it('is cheap for a session with nothing to finish', async () => {
    const h = await runHook('session-end', end(r.repo.dir, 'no-such-session'));
    expect(h).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('completes the note, commits it in the lane, releases leases and records the outcome, within 1.5 s', async () => {
    const sid = 'sess-end-1';
    expect((await runHook('session-start', { ...end(r.lane.a!, sid), hook_event_name: 'SessionStart', source: 'startup' })).code).toBe(0);
    const project = await openProject(r.lane.a!);
    await logSession(project, { kind: 'progress', text: 'Worked on A. token=ghp_0123456789abcdefghijklmnopqrstuvwxyz01' }, sessionKey(sid));
    fs.writeFileSync(path.join(r.lane.a!, 'src/a/done.ts'), 'export const done = true;\n');
    execFileSync('git', ['add', '-A'], { cwd: r.lane.a! });
    execFileSync('git', ['commit', '-q', '-m', 'a: done'], { cwd: r.lane.a! });
    await claimFiles(project.store, { owner: `session:${sid}`, paths: ['docs/a.md'], ttl_seconds: 600 });
    await claimFiles(project.store, { owner: 'someone-else', paths: ['docs/b.md'], ttl_seconds: 600, session: sid });

    const h = await runHook('session-end', end(r.lane.a!, sid));
    expect(h.code).toBe(0);
    expect(h.stdout).toBe('');
    expect(h.ms).toBeLessThan(BUDGET_MS);
    const rec = Object.values(await readSessions(project.store)).find((s) => s.key === sid)!;
    expect(rec).toMatchObject({ status: 'partial', end_reason: 'prompt_input_exit' });
    expect(rec.note_commit).toMatch(/^[0-9a-f]{40}$/);
    const note = fs.readFileSync(path.join(r.lane.a!, rec.path), 'utf8');
    expect(note).toContain('status: partial');
    expect(note).toContain('src/a/done.ts');
    expect(note).not.toContain('ghp_0123456789abcdefghijklmnopqrstuvwxyz01');
    // The lane is exactly as clean as before: the note went into its own commit.
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: r.lane.a!, encoding: 'utf8' })).toBe('');
    const claims = (await project.store.read<ClaimsDoc>(CLAIMS_DOC, emptyClaims)).data.claims;
    expect(claims.filter((c) => c.owner === `session:${sid}` || c.session === sid)).toEqual([]);
    expect(claims.some((c) => c.owner === 'task:a')).toBe(true);
    const { tasks } = await readPlan(project.store);
    expect(tasks.a?.note).toContain(`session ${rec.id} ended (partial; prompt_input_exit)`);
    expect(tasks.a?.status).toBe('in_progress');
    // A second SessionEnd (or the detached finisher) finds nothing left to do.
    const again = await runHook('session-end', end(r.lane.a!, sid));
    expect(again).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('finishes the work from the detached finisher mode too', async () => {
    const sid = 'sess-end-2';
    expect((await runHook('session-start', { ...end(r.lane.b!, sid), hook_event_name: 'SessionStart', source: 'startup' })).code).toBe(0);
    const { execa } = await import('execa');
    const { inject } = await import('vitest');
    const run = await execa('node', [path.join(inject('bundleDir'), 'hooks', 'session-end.mjs'), '--finish'], {
      env: { LANES_HOOK_INPUT: JSON.stringify({ session_id: sid, cwd: r.lane.b, reason: 'logout' }) },
      stdin: 'ignore',
      reject: false,
    });
    expect(run.exitCode).toBe(0);
    const rec = Object.values(await readSessions(r.lanes.store)).find((s) => s.key === sid)!;
    expect(rec).toMatchObject({ status: 'abandoned', end_reason: 'logout' });
  });
});
