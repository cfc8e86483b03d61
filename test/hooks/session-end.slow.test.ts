import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimFiles } from '../../src/core/claims/api.js';
import { CLAIMS_DOC } from '../../src/core/claims/model.js';
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
  let messages = 0;
  beforeAll(async () => {
    r = await laneRepo();
    // A 10 MB transcript as Claude Code writes it: mostly tool output, and per assistant message one
    // line per content block, each repeating that message's usage. The hook reads the usage (each
    // message once) inside its budget.
    transcript = path.join(tempDir(), 'big.jsonl');
    const tool = `${JSON.stringify({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', content: 'x'.repeat(1000) }] } })}\n`;
    const usage = { input_tokens: 1000, output_tokens: 200, cache_read_input_tokens: 5000, cache_creation_input_tokens: 100 };
    const said = (id: string) =>
      `${JSON.stringify({ type: 'assistant', message: { id, model: 'claude-sonnet-4-5', role: 'assistant', content: [{ type: 'text', text: 'ok' }], usage } })}\n`;
    const block = `${tool.repeat(9)}`;
    let body = '';
    let n = 0;
    while (body.length < 10 * 1024 * 1024) body += block + said(`msg_${n}`) + said(`msg_${n++}`);
    messages = n;
    fs.writeFileSync(transcript, body);
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
    // What it cost: every message counted once, priced as an estimate, in the note and its record.
    expect(rec.usage).toMatchObject({
      input_tokens: 1000 * messages,
      output_tokens: 200 * messages,
      cache_read_tokens: 5000 * messages,
      models: ['claude-sonnet-4-5'],
    });
    expect(rec.usage?.cost_usd).toBeGreaterThan(0);
    expect(note).toMatch(/^usage:\n {2}input_tokens: \d+/m);
    // The lane is exactly as clean as before: the note went into its own commit.
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: r.lane.a!, encoding: 'utf8' })).toBe('');
    const claims = (await project.store.read(CLAIMS_DOC)).data.claims;
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
