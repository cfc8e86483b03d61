/**
 * The CLI says the tools' words: `lanes cleanup` is cleanup_lanes (its old name `gc` still works),
 * and hints the CLI prints name its commands, never a tool.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { registerLanes } from '../../src/cli/commands/lanes.js';
import { act, speak } from '../../src/core/hints/actions.js';
import { lanesRepo } from '../core/lanes/helpers.js';

async function cli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command().name('lanes').exitOverride();
  registerLanes(program);
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  const before = process.cwd();
  process.exitCode = 0;
  try {
    process.chdir(cwd);
    await program.parseAsync(['node', 'lanes', ...args]);
  } finally {
    process.chdir(before);
    vi.restoreAllMocks();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('one vocabulary at the CLI', () => {
  it('lanes cleanup removes finished lanes; lanes gc is the same command', async () => {
    // Checked and removed when the test ends (lanesRepo).
    const r = await lanesRepo({ tasks: [{ id: 'api' }] });
    const program = new Command().name('lanes');
    registerLanes(program);
    const cleanup = program.commands.find((c) => c.name() === 'cleanup');
    expect(cleanup?.aliases()).toContain('gc');

    const a = await cli(r.dir, ['cleanup', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ removed: [], kept: [] });
    const b = await cli(r.dir, ['gc', '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(b.stdout)).toEqual({ ...JSON.parse(a.stdout), recovered: expect.any(Number) });

    expect(speak(act('cleanup_lanes'), 'cli')).toBe('`lanes cleanup`');
    expect(speak(act('cleanup_lanes'), 'tools')).toBe('cleanup_lanes');
  });
});
