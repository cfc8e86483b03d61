/**
 * The CLI says the tools' words: `lanes cleanup` is cleanup_lanes (its old name `gc` still works),
 * and hints the CLI prints name its commands, never a tool.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { registerLanes } from '../../src/cli/commands/lanes.js';
import { act, speak } from '../../src/core/hints/actions.js';
import { cli, lanesRepo } from '../core/lanes/helpers.js';

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
