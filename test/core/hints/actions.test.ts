/**
 * One mechanism for hints that name an action: core writes act('name'), the CLI says its command,
 * the tools and hooks say the tool. And no hint in core or render names a tool by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { act, speak, speakAll, toolActions } from '../../../src/core/hints/actions.js';
import { tools } from '../../../src/mcp/tools/index.js';

describe('act / speak', () => {
  it('says a CLI command to the CLI and the tool to the tools, with arguments', () => {
    const hint = `Run ${act('process_merge_queue')} to land it; or ${act('queue_merge', { task_id: 'api' })} first.`;
    expect(speak(hint, 'cli')).toBe('Run `lanes merge run` to land it; or `lanes merge queue api` first.');
    expect(speak(hint, 'tools')).toBe('Run process_merge_queue to land it; or queue_merge { task_id: "api" } first.');
    expect(speak(act('queue_merge'), 'cli')).toBe('`lanes merge queue <task>`');
    expect(speak(act('start_session'), 'tools')).toBe('start_session { topic, type }');
  });

  it('has a human-only action read as an instruction at the CLI and as "ask a human" to a model', () => {
    const hint = `Land it first, or ${act('force_remove', { task_id: 'a b' })}.`;
    expect(speak(hint, 'cli')).toBe('Land it first, or run `lanes remove --force a b`.');
    expect(speak(hint, 'tools')).toBe('Land it first, or ask a human to run `lanes remove --force a b`.');
    expect(speak(act('revert_landing', { task_id: 'api' }), 'tools')).toBe('ask a human to run `lanes merge revert api`');
  });

  it('leaves other text alone and resolves every string of a result', () => {
    expect(speak('plain ⟦not_an_action⟧ text', 'cli')).toBe('plain ⟦not_an_action⟧ text');
    expect(speakAll({ a: [act('merge_status'), 1, null], b: { c: act('list_worktrees') } }, 'cli')).toEqual({
      a: ['`lanes merge status`', 1, null],
      b: { c: '`lanes list`' },
    });
  });

  it('resolves the action names from before 0.2 (markers already stored in state) to the new tools and commands', () => {
    expect(speak(act('start_task', { task_id: 'api' }), 'tools')).toBe('start_lane { task_id: "api" }');
    expect(speak('See \u27e6list_worktrees\u27e7.', 'tools')).toBe('See list_lanes.');
    expect(speak(act('cleanup_worktrees'), 'cli')).toBe('`lanes cleanup`');
    expect(speak(act('remove_worktree', { task_id: 'api' }), 'cli')).toBe('`lanes remove api`');
    expect(speak(act('get_session'), 'cli')).toBe('`lanes session show <id>`');
  });

  it('passes a tool only arguments it takes: the hints and the tools use the same names', async () => {
    const { tools: listed } = await import('../../../src/mcp/tools/index.js');
    for (const { action, tool, args } of toolActions()) {
      const def = listed.find((t) => t.name === tool);
      expect(def, `${action} -> ${tool}`).toBeDefined();
      const props = Object.keys((z.toJSONSchema(def!.input as z.ZodType, { io: 'input' }) as { properties?: object }).properties ?? {});
      for (const a of args) expect(props, `${action}: ${tool} takes ${a}`).toContain(a);
    }
  });

  it('names every tool it maps to, and nothing in core or render names a tool in a hint by hand', () => {
    const names = new Set(tools.map((t) => t.name));
    const root = path.join(import.meta.dirname, '..', '..', '..', 'src');
    const src = fs.readFileSync(path.join(root, 'core', 'hints', 'actions.ts'), 'utf8');
    for (const m of src.matchAll(/tool: '([a-z_]+)'/g)) expect(names.has(m[1]!), m[1]).toBe(true);
    const toolWord = new RegExp(`\\b(${[...names].filter((n) => n.includes('_')).join('|')})\\b|ask a human`);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith(`${path.sep}actions.ts`) && !p.includes(`${path.sep}run${path.sep}`)) {
          fs.readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (!/hint:|hint \?\?|lines\.push\(/.test(line)) return;
              const bare = line.replace(/\$\{act\([^)]*\)\}/g, '');
              if (toolWord.test(bare)) offenders.push(`${path.relative(root, p)}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(path.join(root, 'core'));
    walk(path.join(root, 'render'));
    expect(offenders).toEqual([]);
  });
});
