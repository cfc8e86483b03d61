import { afterEach, describe, expect, it } from 'vitest';
import { checkProtocol, formatChecklist, logSession, startSession } from '../../../src/core/sessions/index.js';
import { expectRepoHealthy, makeLane, type LaneFixture } from './helpers.js';

const KEY = { key: 'k', explicit: true };
const SECRET = ['ghp_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('');
const node = (code: string) => ['node', '-e', code];

const CONFIG = {
  session: {
    start: [
      { id: 'log', description: 'Open the log.', check: { kind: 'log_exists' } },
      { id: 'builds', description: 'It builds.', check: { kind: 'command', command: node('process.exit(0)') } },
    ],
    end: [
      { id: 'log', description: 'Open the log.', check: { kind: 'log_exists' } },
      { id: 'clean', description: 'Commit everything.', check: { kind: 'tree_committed' } },
      { id: 'decided', description: 'Record a decision.', check: { kind: 'section_filled', section: 'Decisions' } },
      { id: 'missing', description: 'Fill a section that does not exist.', check: { kind: 'section_filled', section: 'Nope' } },
      {
        id: 'tests',
        description: 'Tests pass.',
        check: { kind: 'command', command: node(`console.log("token ${SECRET}"); process.exit(3)`) },
      },
      {
        id: 'slow',
        description: 'Finishes in time.',
        check: { kind: 'command', command: node('setTimeout(() => {}, 30000)'), timeout_seconds: 1 },
      },
    ],
  },
};

describe('checkProtocol', () => {
  let f: LaneFixture;
  afterEach(() => {
    expectRepoHealthy(f.repo.dir);
    f.cleanup();
  });

  it('checks each kind: log_exists, tree_committed, section_filled, command', async () => {
    f = await makeLane('api', { config: CONFIG });
    const before = await checkProtocol(f.inLane, f.lane, 'start');
    expect(before.ok).toBe(false);
    expect(before.items.find((i) => i.id === 'log')).toMatchObject({ ok: false, detail: /start_session/ });
    expect(before.items.find((i) => i.id === 'builds')?.ok).toBe(true);

    const s = await startSession(f.inLane, { topic: 'Proto', type: 'feature' }, KEY);
    const start = await checkProtocol(f.inLane, f.lane, 'start');
    expect(start).toMatchObject({ ok: true, phase: 'start', session_id: s.session.id });
    expect(formatChecklist(start)).toBe('- [x] Open the log.\n- [x] It builds.');

    // The session's own (uncommitted) note does not make the tree dirty.
    let end = await checkProtocol(f.inLane, f.lane, 'end');
    const item = (id: string) => end.items.find((i) => i.id === id)!;
    expect(item('clean').ok).toBe(true);
    expect(item('decided')).toMatchObject({ ok: false, detail: /"Decisions" is empty/ });
    expect(item('missing')).toMatchObject({ ok: false, detail: /no "Nope" section/ });
    expect(item('tests').ok).toBe(false);
    expect(item('tests').detail).toMatch(/exit 3/);
    expect(item('tests').detail).not.toContain(SECRET);
    expect(item('tests').detail).toContain('[REDACTED');
    expect(item('slow')).toMatchObject({ ok: false, detail: /timed out after 1 s/ });

    f.laneWrite('src/wip.ts', 'wip\n');
    await logSession(f.inLane, { kind: 'decision', text: 'Keep it simple' }, KEY);
    end = await checkProtocol(f.inLane, f.lane, 'end', s.session.id);
    expect(item('clean')).toMatchObject({ ok: false, detail: /1 uncommitted: src\/wip\.ts \(untracked\)/ });
    expect(item('decided').ok).toBe(true);
    expect(end.ok).toBe(false);
    expect(formatChecklist(end)).toContain('- [ ] Commit everything. — 1 uncommitted');
    // Checked from a subdirectory of the lane: same worktree.
    const sub = await checkProtocol(f.inLane, `${f.lane}/src`, 'end', s.session.id);
    expect(sub.items.find((i) => i.id === 'clean')?.ok).toBe(false);
  }, 30_000);

  it('uses the default protocol when the config sets none', async () => {
    f = await makeLane('api');
    await startSession(f.inLane, { topic: 'Defaults', type: 'feature' }, KEY);
    const end = await checkProtocol(f.inLane, f.lane, 'end');
    expect(end.items.map((i) => [i.id, i.ok])).toEqual([
      ['tree-committed', true],
      ['progress-log', false],
      ['next-steps', false],
    ]);
    await logSession(f.inLane, { kind: 'progress', text: 'p' }, KEY);
    await logSession(f.inLane, { kind: 'next_step', text: 'n' }, KEY);
    expect((await checkProtocol(f.inLane, f.lane, 'end')).ok).toBe(true);
  });
});
