/**
 * Each hook is its own small bundle (docs/performance.md: importing zod costs about 45 ms, the MCP SDK
 * about 29 ms, on a floor of about 51 ms). This reads the fresh build the way Node loads it: from
 * the hook's entry file through every chunk it imports statically, collecting the source modules
 * esbuild names in its `// <path>` comments. Dynamic imports (the lane-only parts) are followed
 * separately: they are allowed heavier dependencies, the static graph is not. `lazy` is what a
 * hook's first dynamic import loads with it; `dynamics` is everything reachable lazily.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookPath, type HookName } from './helpers.js';

function graph(entry: string): { statics: Set<string>; lazy: Set<string>; dynamics: Set<string>; bytes: number; eager: string[] } {
  const statics = new Set<string>();
  // The files of the static graph and of the first dynamic imports: what a lane run of the hook evaluates.
  const eager: string[] = [];
  // lazy: what the first dynamic imports load with them; dynamics: everything reachable lazily.
  const lazy = new Set<string>();
  const dynamics = new Set<string>();
  let bytes = 0;
  const seen = new Set<string>();
  const pending: string[] = [];
  const visit = (file: string, into: Set<string>[], followDynamic: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    if (into.includes(statics)) bytes += text.length;
    if (into.includes(statics) || into.includes(lazy)) eager.push(file);
    for (const m of text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)) for (const s of into) s.add(m[1]!);
    for (const m of text.matchAll(/^\s*import\s*(?:[\w${},\s*]+from\s*)?["'](\.[^"']+)["'];?$/gm))
      visit(path.resolve(path.dirname(file), m[1]!), into, followDynamic);
    if (followDynamic)
      for (const m of text.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)) pending.push(path.resolve(path.dirname(file), m[1]!));
  };
  visit(entry, [statics], true);
  const first = pending.splice(0);
  for (const d of first) visit(d, [lazy, dynamics], true);
  // Dynamic imports inside the lazy parts load later still (e.g. zod when the config is read).
  while (pending.length) visit(pending.shift()!, [dynamics], true);
  return { statics, lazy, dynamics, bytes, eager };
}

const HEAVY = /^node_modules\/(zod|@modelcontextprotocol)\//;
const NOT_ON_EDIT_PATH =
  /^(node_modules\/(zod|@modelcontextprotocol|execa|proper-lockfile|simple-git|systeminformation|commander|yaml|picomatch)\/|src\/core\/config(\.ts$|\/)|src\/mcp\/)/;

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
    expect(g.dynamics.has('node_modules/proper-lockfile/index.js') || [...g.dynamics].some((m) => m.includes('proper-lockfile'))).toBe(
      true,
    );
  });

  it('loads the lane-only parts (config, git) of SessionStart, Stop and SessionEnd lazily', () => {
    for (const h of ['session-start', 'stop', 'session-end'] as const) {
      const g = graph(hookPath(h));
      // The config module (src/core/config.ts, or config/ once split) pulls in zod.
      const isConfig = (m: string) => /^src\/core\/config(\.ts$|\/)/.test(m);
      expect([...g.statics].some(isConfig), h).toBe(false);
      expect(
        [...g.statics].some((m) => m.startsWith('node_modules/execa/')),
        h,
      ).toBe(false);
      expect([...g.dynamics].some(isConfig), h).toBe(true);
      expect(
        [...g.dynamics].some((m) => m.startsWith('node_modules/zod/')),
        h,
      ).toBe(true);
    }
  });

  it('runs git and protocol commands without execa in SessionStart, Stop and SessionEnd', () => {
    // git and commands go through node:child_process (src/git/exec.ts, src/system/process-group.ts);
    // execa (dozens of modules) is never loaded, not even when a protocol command runs.
    for (const h of ['session-start', 'stop', 'session-end'] as const) {
      const g = graph(hookPath(h));
      expect(
        [...g.lazy].some((m) => m === 'src/git/exec.ts'),
        h,
      ).toBe(true);
      expect(
        [...g.statics, ...g.lazy, ...g.dynamics].filter((m) => m.startsWith('node_modules/execa/')),
        h,
      ).toEqual([]);
    }
  });

  it('loads zod in the lane parts only when the config or the planner is needed', () => {
    // SessionEnd never reads the config or plans; SessionStart and Stop read the config, and load
    // zod then (the config module is imported on first use).
    for (const h of ['session-start', 'stop', 'session-end'] as const) {
      const g = graph(hookPath(h));
      expect(
        [...g.lazy].filter((m) => m.startsWith('node_modules/zod/')),
        h,
      ).toEqual([]);
    }
  });

  it('starts a session in a lane without loading the YAML library: a new note is written and the previous one read without it', () => {
    const g = graph(hookPath('session-start'));
    const isYaml = (m: string) => m.startsWith('node_modules/yaml/');
    expect([...g.statics, ...g.lazy].filter(isYaml)).toEqual([]);
    expect(g.lazy.has('src/core/sessions/start.ts') && g.lazy.has('src/core/sessions/previous.ts')).toBe(true);
    // Loaded only for a front matter that needs quoting, or a protocol item that reads a section.
    expect([...g.dynamics].some(isYaml)).toBe(true);
  });

  it('ends a session and checks a stop without loading the YAML library: plain front matter is read and written by hand', () => {
    for (const h of ['session-end', 'stop'] as const) {
      const g = graph(hookPath(h));
      const isYaml = (m: string) => m.startsWith('node_modules/yaml/');
      expect([...g.statics, ...g.lazy].filter(isYaml), h).toEqual([]);
      expect(g.lazy.has('src/core/sessions/note-read.ts'), h).toBe(true);
      // Loaded only for a front matter that needs quoting.
      expect([...g.dynamics].some(isYaml), h).toBe(true);
    }
  });

  it('loads the shared-state code only for a clone that has it on, and SessionStart no node:child_process until a process starts', () => {
    for (const h of ['pre-tool-use', 'session-start', 'stop', 'session-end'] as const) {
      const g = graph(hookPath(h));
      // src/state/remote/ (git plumbing, hashing, compression) is imported when the marker says so.
      expect(
        [...g.statics, ...g.lazy].filter((m) => m.startsWith('src/state/remote/') && m !== 'src/state/remote/format.ts'),
        h,
      ).toEqual([]);
      expect(
        [...g.dynamics].some((m) => m === 'src/state/remote/store.ts'),
        h,
      ).toBe(true);
    }
    // node:child_process is taken at the first git call or command (src/system/child-process.ts),
    // not at load: a SessionStart in a lane starts no process. Nor hashing or compression.
    const atLoad = graph(hookPath('session-start')).eager.filter((f) =>
      /^var .*= require\("node:(child_process|crypto|zlib)"\);$/m.test(fs.readFileSync(f, 'utf8')),
    );
    expect(atLoad.map((f) => path.basename(f))).toEqual([]);
    // SessionEnd with nothing to finish reads a few files and ends: its one file takes
    // node:child_process only to start the detached finisher.
    expect(fs.readFileSync(hookPath('session-end'), 'utf8')).not.toMatch(/^var .*= require\("node:child_process"\);$/m);
  });

  it('loads no node:assert with the state lock in the lane parts (signal-exit gets its one check without it)', () => {
    for (const h of ['session-start', 'stop', 'session-end'] as const) {
      const g = graph(hookPath(h));
      expect(
        [...g.lazy].some((m) => m.includes('signal-exit')),
        h,
      ).toBe(true);
      const withAssert = g.eager.filter((f) => /require\("(node:)?assert"\)/.test(fs.readFileSync(f, 'utf8')));
      expect(
        withAssert.map((f) => path.basename(f)),
        h,
      ).toEqual([]);
    }
  });
});
