/**
 * Each hook is its own small bundle (PERFORMANCE.md: importing zod costs about 45 ms, the MCP SDK
 * about 29 ms, on a floor of about 51 ms). This reads the fresh build the way Node loads it: from
 * the hook's entry file through every chunk it imports statically, collecting the source modules
 * esbuild names in its `// <path>` comments. Dynamic imports (the lane-only parts) are followed
 * separately: they are allowed heavier dependencies, the static graph is not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookPath, type HookName } from './helpers.js';

function graph(entry: string): { statics: Set<string>; dynamics: Set<string>; bytes: number } {
  const statics = new Set<string>();
  const dynamics = new Set<string>();
  let bytes = 0;
  const seen = new Set<string>();
  const visit = (file: string, into: Set<string>, followDynamic: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    if (into === statics) bytes += text.length;
    for (const m of text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)) into.add(m[1]!);
    for (const m of text.matchAll(/^\s*import\s*(?:[\w${},\s*]+from\s*)?["'](\.[^"']+)["'];?$/gm)) visit(path.resolve(path.dirname(file), m[1]!), into, followDynamic);
    if (followDynamic) for (const m of text.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)) visitDynamic.push(path.resolve(path.dirname(file), m[1]!));
  };
  const visitDynamic: string[] = [];
  visit(entry, statics, true);
  for (const d of visitDynamic) visit(d, dynamics, false);
  return { statics, dynamics, bytes };
}

const HEAVY = /^node_modules\/(zod|@modelcontextprotocol)\//;
const NOT_ON_EDIT_PATH = /^(node_modules\/(zod|@modelcontextprotocol|execa|proper-lockfile|simple-git|systeminformation|commander|yaml|picomatch)\/|src\/core\/config(\.ts$|\/)|src\/mcp\/)/;

describe('hook bundles', () => {
  const hooks: HookName[] = ['pre-tool-use', 'session-start', 'stop', 'session-end', 'worktree-create', 'worktree-remove'];

  it.each(hooks)('%s loads neither zod nor the MCP SDK up front', (h) => {
    const g = graph(hookPath(h));
    expect(g.statics.size).toBeGreaterThan(0);
    if (h === 'worktree-create' || h === 'worktree-remove') {
      // These run once per worktree and need the config; still never the MCP SDK.
      expect([...g.statics].filter((m) => m.startsWith('node_modules/@modelcontextprotocol/'))).toEqual([]);
      return;
    }
    expect([...g.statics].filter((m) => HEAVY.test(m))).toEqual([]);
  });

  it('keeps the PreToolUse path free of zod, the SDK, execa and the lock library, and small', () => {
    const g = graph(hookPath('pre-tool-use'));
    expect([...g.statics].filter((m) => NOT_ON_EDIT_PATH.test(m))).toEqual([]);
    expect(g.statics.has('src/core/claims/match.ts')).toBe(true);
    expect(g.bytes).toBeLessThan(80 * 1024);
    // The heartbeat (state lock) is loaded only when a lease needs renewing.
    expect(g.dynamics.has('node_modules/proper-lockfile/index.js') || [...g.dynamics].some((m) => m.includes('proper-lockfile'))).toBe(true);
  });

  it('loads the lane-only parts (config, git) of SessionStart, Stop and SessionEnd lazily', () => {
    for (const h of ['session-start', 'stop', 'session-end'] as const) {
      const g = graph(hookPath(h));
      // The config module (src/core/config.ts, or config/ once split) pulls in zod.
      const isConfig = (m: string) => /^src\/core\/config(\.ts$|\/)/.test(m);
      expect([...g.statics].some(isConfig), h).toBe(false);
      expect([...g.statics].some((m) => m.startsWith('node_modules/execa/')), h).toBe(false);
      expect([...g.dynamics].some(isConfig), h).toBe(true);
      expect([...g.dynamics].some((m) => m.startsWith('node_modules/zod/')), h).toBe(true);
    }
  });

  it('runs git without execa in the lane parts of SessionStart, Stop and SessionEnd', () => {
    // git goes through node:child_process; execa (dozens of modules) is loaded only when a
    // protocol command actually runs.
    for (const h of ['session-start', 'stop', 'session-end'] as const) {
      const g = graph(hookPath(h));
      expect([...g.dynamics].some((m) => m === 'src/git/exec.ts'), h).toBe(true);
      expect([...g.dynamics].filter((m) => m.startsWith('node_modules/execa/')), h).toEqual([]);
    }
  });
});
