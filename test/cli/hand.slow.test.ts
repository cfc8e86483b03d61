/**
 * The CLI's feel: -C, `lanes path`, colour only where it belongs, JSON errors, one-line unknown
 * commands, examples in every --help, and shell completion that really completes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/core/project/project.js';
import { startLane } from '../../src/core/lanes/start.js';
import { storePlan } from '../../src/core/plan/tasks.js';
import { EXAMPLES } from '../../src/cli/examples.js';
import { colorEnabled } from '../../src/render/color.js';
import { lanes } from '../helpers/cli.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/repo.js';

const PLAIN = { NO_COLOR: '', FORCE_COLOR: '' };
// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[[0-9;]*m/;

describe('the CLI in the hand', () => {
  let r: TestRepo;
  let elsewhere: string;
  beforeAll(async () => {
    r = makeRepo({ files: { 'README.md': '# demo\n', '.lanes/config.json': JSON.stringify({ gates: [] }) } });
    const p = await openProject(r.dir);
    await storePlan(
      p.store,
      [
        { id: 'api', title: 'API' },
        { id: 'web', title: 'Web' },
      ],
      { parallelism: 2 },
    );
    await startLane(p, { task_id: 'api', owner: 'agent-api' });
    elsewhere = tempDir('lanes-elsewhere-');
  }, 60_000);
  afterAll(() => {
    r?.cleanup();
    if (elsewhere) fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it('-C runs a command as if started in that directory, relative to the one before', async () => {
    const s = await lanes(elsewhere, ['-C', r.dir, 'status', '--json']);
    expect(s.code).toBe(0);
    expect(fs.realpathSync((JSON.parse(s.stdout) as { repo: string }).repo)).toBe(fs.realpathSync(r.dir));
    const rel = await lanes(path.dirname(r.dir), ['-C', '.', '-C', path.basename(r.dir), 'path', 'api']);
    expect(rel.code).toBe(0);
    expect(rel.stdout.trim()).toBe(fs.realpathSync(path.join(r.dir, '.claude', 'worktrees', 'api')));
    const bad = await lanes(elsewhere, ['-C', 'no-such-dir', 'status']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no such directory');
  });

  it('lanes path prints the lane for cd, and fails with a hint when there is none', async () => {
    const ok = await lanes(r.dir, ['path', 'api']);
    expect(ok.code).toBe(0);
    // execa strips the final newline; the bare path is all there is.
    expect(ok.stdout).toBe(fs.realpathSync(path.join(r.dir, '.claude', 'worktrees', 'api')));
    const none = await lanes(r.dir, ['path', 'web']);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Task web has no lane.');
    expect(none.stderr).toContain('`lanes start web`');
    const json = await lanes(r.dir, ['path', 'web', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'NOT_FOUND', message: 'Task web has no lane.' } });
  });

  it('--json errors are JSON on stdout with the same exit code', async () => {
    const text = await lanes(r.dir, ['task', 'set', 'nope', 'done']);
    const json = await lanes(r.dir, ['task', 'set', 'nope', 'done', '--json']);
    expect(text.code).toBeGreaterThan(1);
    expect(json.code).toBe(text.code);
    expect(json.stderr).toBe('');
    const e = (JSON.parse(json.stdout) as { error: { code: string; message: string; hint: string | null } }).error;
    expect(e.code).toBe('NOT_FOUND');
    expect(text.stderr).toContain(e.message);
    expect(e).toHaveProperty('hint');
  });

  it('an unknown command is one line with a suggestion, not the whole help', async () => {
    const u = await lanes(r.dir, ['stauts']);
    expect(u.code).toBe(2);
    expect(u.stdout).toBe('');
    expect(u.stderr).toBe("lanes: unknown command 'stauts'. Did you mean 'status'?");
    const j = await lanes(r.dir, ['stauts', '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toEqual({
      error: { code: 'INVALID_INPUT', message: "unknown command 'stauts'. Did you mean 'status'?", hint: null },
    });
    const missing = await lanes(r.dir, ['start']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toContain('Usage:');
    expect(missing.stderr).toContain("lanes: missing required argument 'task'");
  });

  it('every command has examples in its --help', async () => {
    // The completion script is generated from the program's command tree: one case per command.
    const script = (await lanes(r.dir, ['completion', 'bash'])).stdout;
    const paths = [...script.matchAll(/^ {4}'([^']*)'\) words=/gm)].map((m) => m[1]!);
    expect(paths).toContain('merge run');
    expect(paths.filter((p) => !Object.hasOwn(EXAMPLES, p) || !EXAMPLES[p]!.length)).toEqual([]);
    const h = await lanes(r.dir, ['merge', 'run', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Examples:\n  $ lanes merge run');
  });

  it('colour on a terminal or when forced, none in a pipe or under NO_COLOR', async () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    for (const cmd of [['status'], ['list']]) {
      const piped = await lanes(r.dir, cmd, { env: PLAIN });
      expect(piped.code).toBe(0);
      expect(piped.stdout).not.toMatch(SGR);
      const forced = await lanes(r.dir, cmd, { env: { ...PLAIN, FORCE_COLOR: '1' } });
      expect(forced.stdout).toMatch(SGR);
      const off = await lanes(r.dir, cmd, { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
      expect(off.stdout).not.toMatch(SGR);
    }
    // The state colours are the dashboard's: in progress is blue (the dashboard's #3b82f6).
    const forced = await lanes(r.dir, ['status'], { env: { ...PLAIN, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\x1b[34m>api');
  });

  it('lanes completion bash completes commands, subcommands and options', async () => {
    const script = await lanes(r.dir, ['completion', 'bash']);
    expect(script.code).toBe(0);
    const file = path.join(elsewhere, 'lanes.bash');
    fs.writeFileSync(file, script.stdout);
    const complete = async (line: string) => {
      const words = line.split(' ');
      const prog = `source ${JSON.stringify(file)}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _lanes; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const out = await execa('bash', ['--norc', '--noprofile', '-c', prog]);
      return out.stdout.split('\n').filter(Boolean).sort();
    };
    expect(await complete('lanes sta')).toEqual(['start', 'status']);
    expect(await complete('lanes merge r')).toEqual(['revert', 'run']);
    expect(await complete('lanes -C /tmp merge ru')).toEqual(['run']);
    expect(await complete('lanes merge run --dr')).toEqual(['--dry-run']);
    expect(await complete('lanes completion')).toEqual(['completion']);
    expect(await complete('lanes task sh')).toEqual(['show']);
    for (const shell of ['zsh', 'fish']) {
      const s = await lanes(r.dir, ['completion', shell]);
      expect(s.code).toBe(0);
      expect(s.stdout).toContain('merge');
    }
    const bad = await lanes(r.dir, ['completion', 'tcsh']);
    expect(bad.code).toBe(2);
  });
});

describe('lanes task show', () => {
  let r: TestRepo;
  beforeAll(async () => {
    r = makeRepo({ files: { 'README.md': '# demo\n', '.lanes/config.json': JSON.stringify({ gates: [] }) } });
    const p = await openProject(r.dir);
    await storePlan(
      p.store,
      [
        { id: 'api', title: 'API', files: ['api.ts'] },
        { id: 'web', title: 'Web', depends_on: ['api'] },
      ],
      { parallelism: 2 },
    );
    await startLane(p, { task_id: 'api', owner: 'agent-api' });
    const lane = path.join(r.dir, '.claude', 'worktrees', 'api');
    fs.writeFileSync(path.join(lane, 'api.ts'), 'export {};\n');
    r.git('-C', lane, 'add', '-A');
    r.git('-C', lane, 'commit', '-q', '-m', 'api');
    expect((await lanes(r.dir, ['merge', 'queue', 'api'])).code).toBe(0);
  }, 60_000);
  afterAll(() => r?.cleanup());

  it('shows state, owner, lane, claims and queue entry, as text and JSON', async () => {
    const t = await lanes(r.dir, ['task', 'show', 'api'], { env: PLAIN });
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^api {2}in progress {2}API/);
    expect(t.stdout).toContain('owner    agent-api');
    expect(t.stdout).toContain(`lane     ${fs.realpathSync(path.join(r.dir, '.claude', 'worktrees', 'api'))}`);
    expect(t.stdout).toContain('branch   lanes/api, +1/-0 vs target, clean');
    expect(t.stdout).toContain('claims   api.ts (exclusive, task:api)');
    expect(t.stdout).toMatch(/queue {4}queued #1 \(entry m\d+, 0 attempts\)/);
    const j = await lanes(r.dir, ['task', 'show', 'api', '--json']);
    const v = JSON.parse(j.stdout) as {
      status: string;
      owner: { name: string; live: boolean };
      lane: { ahead: number };
      claims: unknown[];
      merge: { state: string };
    };
    expect(v).toMatchObject({ status: 'in_progress', owner: { name: 'agent-api' }, lane: { ahead: 1 }, merge: { state: 'queued' } });
    expect(v.claims).toHaveLength(1);
    const web = await lanes(r.dir, ['task', 'show', 'web']);
    expect(web.stdout).toContain('lane     none');
    expect(web.stdout).toContain('needs    api');
    const none = await lanes(r.dir, ['task', 'show', 'nope', '--json']);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
