/**
 * Agent presets: each CLI's argv and exit handling, with a stand-in binary named like the real one
 * first on PATH (it records its argv and exits as told); none of the real CLIs is needed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveAgent } from '../../../src/cli/commands/run.js';
import { openProject } from '../../../src/core/project/project.js';
import { expandArgv, presetAgent, presetOf, PRESET_NAMES, spawnAgent, type PresetName } from '../../../src/core/run/index.js';
import { lanePrompt } from '../../../src/core/run/prompt.js';
import { RunPauses } from '../../../src/core/run/pause.js';
import { parseConfig } from '../../../src/core/config/load.js';
import type { RunRecord } from '../../../src/core/run/model.js';
import { makeRepo, tempDir } from '../../helpers/repo.js';
import { standIns } from './standin.js';

const OTHERS = PRESET_NAMES.filter((p): p is Exclude<PresetName, 'claude'> => p !== 'claude');
const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const EXPECTED: Record<Exclude<PresetName, 'claude'>, (prompt: string) => string[]> = {
  codex: (p) => ['codex', 'exec', '--sandbox', 'workspace-write', '--skip-git-repo-check', p],
  gemini: (p) => ['gemini', '--yolo', '-p', p],
  cursor: (p) => ['cursor-agent', '-p', '--force', '--output-format', 'stream-json', p],
  opencode: (p) => ['opencode', 'run', p],
  aider: (p) => ['aider', '--message', p, '--yes-always', '--no-check-update', '--no-pretty'],
};

const LIMIT_TEXT: Record<Exclude<PresetName, 'claude'>, string> = {
  codex: 'ERROR: exceeded retry limit, last status: 429 Too Many Requests',
  gemini: 'Error when talking to Gemini API: RESOURCE_EXHAUSTED: Quota exceeded for quota metric; Please retry in 30s',
  cursor: "You've hit your usage limit. Resets at 3pm",
  opencode: 'AI_APICallError: RateLimitError: rate limit reached',
  aider: 'litellm.RateLimitError: AnthropicException - {"type":"rate_limit_error"} retry after 20 seconds',
};

describe('agent presets', () => {
  for (const name of OTHERS) {
    it(`${name}: runs ${presetOf(name).bin} with its non-interactive argv; a limit exit is recognised, a plain failure is not`, async () => {
      const s = standIns(path.join(dir, name), [presetOf(name).bin], {
        limited: [`text-limit:${LIMIT_TEXT[name]}`],
        broken: ['fail'],
        ok: ['commit'],
      });
      const repo = makeRepo();
      try {
        const spec = presetAgent(name);
        expect(spec).toMatchObject({ name, preset: name, hooks: false });
        const prompt = lanePrompt({
          task: { id: 'limited', title: 't', description: '', files: ['a.txt'], depends_on: [] },
          lane: repo.dir,
          branch: 'lanes/limited',
          target: 'main',
          attempt: 1,
          hooks: false,
        });
        const argv = expandArgv(spec.argv, { task_id: 'limited', title: 't', description: '', worktree: repo.dir, prompt });
        const outcome = async (task: string) => {
          // The run's own reader for this preset: its limit patterns and the common ones.
          const out = new RunPauses({ id: 'r', tasks: {} } as unknown as RunRecord, parseConfig({}, 'c.json'), name, () => {}).output();
          const proc = spawnAgent(argv, { cwd: repo.dir, env: { ...s.env, LANES_TASK_ID: task }, onLine: (l, st) => out.line(l, st) });
          const exit = await proc.done;
          return { exit, limit: out.limits.limit };
        };
        const limited = await outcome('limited');
        expect(limited.exit.exitCode).toBe(1);
        expect(limited.limit).toBeDefined();
        const broken = await outcome('broken');
        expect(broken.exit.exitCode).toBe(3);
        expect(broken.limit).toBeUndefined();
        const ok = await outcome('ok');
        expect(ok.exit.exitCode).toBe(0);
        // Exactly the preset's argv reached the program, the prompt as one argument.
        const [start] = s.starts('limited');
        expect([start!.name, ...start!.argv]).toEqual(EXPECTED[name](prompt));
        expect(s.starts('ok')[0]!.cwd).toBe(fs.realpathSync(repo.dir));
        expect(repo.git('log', '-1', '--format=%s')).toBe('ok: work');
      } finally {
        repo.cleanup();
      }
    });
  }

  it('gemini: reads "retry in 30s" as the reset', async () => {
    const { LimitWatch } = await import('../../../src/core/run/limits.js');
    const { limitPatternsFor } = await import('../../../src/core/run/presets.js');
    const w = new LimitWatch(limitPatternsFor('gemini'), () => 1_000_000);
    w.line(LIMIT_TEXT.gemini, 'stderr');
    expect(w.limit?.resetAt).toBe(1_030_000);
  });

  it('lanes run --agent <preset> and agent.preset find the CLI on PATH, or say it is missing', async () => {
    const s = standIns(path.join(dir, 'resolve'), ['gemini']);
    const repo = makeRepo({
      files: { '.lanes/config.json': JSON.stringify({ agent: { preset: 'gemini', limit_patterns: ['slow down'] } }) },
    });
    const oldPath = process.env.PATH;
    try {
      const project = await openProject(repo.dir);
      process.env.PATH = s.env.PATH;
      expect(await resolveAgent(project, {}, '/x/lanes.mjs')).toMatchObject({
        name: 'gemini',
        preset: 'gemini',
        argv: ['gemini', '--yolo', '-p', '{prompt}'],
      });
      await expect(resolveAgent(project, { agent: 'aider' }, '/x/lanes.mjs')).rejects.toThrow(
        /The aider CLI \(agent preset aider\) was not found on PATH/,
      );
      // --agent-command keeps the configured preset's limit patterns and prompt.
      expect(await resolveAgent(project, { agentCommand: '["my-gemini", "{prompt}"]' }, '/x/lanes.mjs')).toMatchObject({
        name: 'my-gemini',
        preset: 'gemini',
        hooks: false,
      });
      await expect(resolveAgent(project, { agent: 'nope' }, '/x/lanes.mjs')).rejects.toThrow(/Unknown agent "nope"/);
    } finally {
      process.env.PATH = oldPath;
      repo.cleanup();
    }
  });
});
