/** Stored text is data on the way out: no control character from agents reaches a terminal or a note. */
import { describe, expect, it } from 'vitest';
import type { RunEvent, RunReport } from '../../src/core/run/index.js';
import { renderMarkdown } from '../../src/core/run/report.js';
import { emptyNote } from '../../src/core/sessions/model.js';
import { parseNote } from '../../src/core/sessions/note-parse.js';
import { renderNote } from '../../src/core/sessions/note-render.js';
import { renderDoctor } from '../../src/render/doctor.js';
import { renderPlan } from '../../src/render/plan.js';
import { createRunDisplay } from '../../src/render/run/display.js';
import { lineFor } from '../../src/render/run/lines.js';
import { renderRunReport } from '../../src/render/run/report.js';

const EVIL = 'x\x1b]0;owned\x07\x1b[2J\x00\x9b y';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

function report(): RunReport {
  return {
    run_id: 'r1',
    status: 'finished',
    agent: `scripted${EVIL}`,
    parallelism: 2,
    target: 'main',
    tasks: [
      {
        id: 'api',
        state: 'blocked',
        branch: 'lanes/api',
        attempts: 2,
        duration_ms: 1000,
        merge: `failed: ${EVIL} | pipe`,
        reason: `gate said ${EVIL}`,
      },
    ] as unknown as RunReport['tasks'],
    counts: { landed: 0, blocked: 1, not_run: 0, done_before: 0, total: 1 },
    wall_ms: 1000,
    sum_task_ms: 1000,
    speedup: 1,
    critical_path: ['api'],
    critical_path_ms: 1000,
    lane_work_ms: 1000,
    merge_work_ms: 0,
    lower_bound_ms: 1000,
    makespan_ratio: 1,
    plan: { sequential_hours: 1, parallel_hours: 1, lower_bound_hours: 1, speedup: 1 },
  };
}

describe('renderings escape stored text', () => {
  it('lanes run: event lines, the live block and the report (terminal and Markdown)', () => {
    const at = '2026-12-01T10:00:00.000Z';
    const events = [
      { type: 'agent.activity', at, task: 'api', text: EVIL },
      { type: 'task.blocked', at, task: 'api', reason: EVIL },
      { type: 'run.warning', at, text: EVIL },
      { type: 'merge.progress', at, text: EVIL },
    ] as unknown as RunEvent[];
    for (const e of events) {
      const line = lineFor(e)!;
      expect(line).not.toMatch(CONTROL);
      expect(line).toContain('\\x1b]0;owned\\x07');
    }
    let out = '';
    const live = createRunDisplay('live', { write: (s: string) => (out += s), isTTY: true, columns: 200, rows: 40 });
    for (const e of events) live.onEvent(e);
    live.close();
    // The live block draws its own cursor and colour codes; none of the stored text's survive.
    expect(out).not.toContain('\x1b]0;owned');
    expect(out).not.toContain('\x07');
    expect(out).not.toContain('\x00');
    expect(out).toContain('\\x1b]0;owned\\x07');
    const text = renderRunReport(report());
    expect(text).not.toMatch(CONTROL);
    const md = renderMarkdown(report());
    expect(md).not.toMatch(CONTROL);
    expect(md).toContain('failed: x\\x1b]0;owned\\x07\\x1b[2J\\x00\\x9b y \\| pipe');
  });

  it('plan and doctor', () => {
    const plan = {
      tasks: [],
      waves: [['a']],
      conflicts: [{ a: 'a', b: 'b', files: [`src/${EVIL}`] }],
      critical_path: ['a'],
      critical_path_hours: 1,
      sequential_hours: 1,
      parallel_hours: 1,
      lower_bound_hours: 1,
      speedup: 1,
      parallelism: 1,
      warnings: [EVIL],
      source: EVIL,
    };
    const tasks = { constructor: undefined } as never;
    const p = renderPlan(plan as never, tasks);
    expect(p).not.toMatch(CONTROL);
    expect(p).toContain('wave 1: a\n'); // no "[undefined]" from a prototype lookup
    const d = renderDoctor({
      ok: false,
      checks: [{ name: 'git', ok: false, level: 'error', detail: EVIL, fix: EVIL }],
      parallelism: { parallelism: 1, reason: EVIL },
    });
    expect(d).not.toMatch(CONTROL);
  });

  it('session notes: entries, free text, files, commits and the title; the note still parses', () => {
    const n = emptyNote(
      {
        id: 's-1',
        topic: `topic ${EVIL}`,
        type: 'feature',
        status: 'active',
        task: 'api',
        repo: 'r',
        branch: 'b',
        started: '2026-12-01T10:00:00Z',
        ended: null,
        duration_minutes: null,
        summary: null,
        end_reason: null,
        start_commit: null,
        base: null,
      } as never,
      `objective ${EVIL}\nsecond\tline`,
    );
    n.progress.push({ at: '2026-12-01T10:01:00Z', text: `did ${EVIL}\nmore ${EVIL}` });
    n.files = [{ path: `src/${EVIL}.ts`, added: 1, deleted: 0 }];
    n.commits = [{ short: 'abc1234', subject: `subject ${EVIL}` }];
    n.reflection = EVIL;
    const md = renderNote(n);
    expect(md).not.toMatch(CONTROL);
    expect(md).toContain('second\tline'); // tabs and newlines in multi-line text are kept
    const back = parseNote(md, 'note.md');
    expect(back.progress[0]!.text).toBe('did x\\x1b]0;owned\\x07\\x1b[2J\\x00\\x9b y\nmore x\\x1b]0;owned\\x07\\x1b[2J\\x00\\x9b y');
    expect(renderNote(back)).toBe(md); // escaping is stable across rewrites
  });
});
