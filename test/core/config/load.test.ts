import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_SCHEMA_FILE } from '../../../src/core/config/schema.js';
import { refNameProblem, relPathProblem } from '../../../src/core/config/fields.js';
import {
  configJsonSchema,
  configJsonSchemaText,
  loadConfig,
  loadConfigAtCommit,
  parseConfig,
  resolveTarget,
} from '../../../src/core/config/load.js';
import { locateJsonError } from '../../../src/core/config/json.js';
import { formatPath } from '../../../src/util/issues.js';
import { DEFAULT_DISPOSABLE_IGNORED } from '../../../src/core/config/worktrees.js';
import { LanesError, isLanesError } from '../../../src/errors.js';
import { resolveRepo } from '../../../src/git/repo.js';
import { makeRepo, tempDir } from '../../helpers/repo.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Runs f and returns the LanesError it throws. */
async function lanesError(f: () => unknown): Promise<LanesError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof LanesError) return e;
    throw e;
  }
  throw new Error('expected a LanesError');
}

/** A complete config using every field, as a user would write it. */
const FULL = {
  $schema: '../node_modules/lanes/schemas/config.schema.json',
  target: 'develop',
  gates: [
    { name: 'test', command: ['npm', 'test'], timeout_seconds: 900, env: { CI: '1' } },
    { name: 'lint', command: ['npm', 'run', 'lint'] },
  ],
  setup: [{ name: 'install', command: ['npm', 'ci'] }],
  max_parallel: 4,
  resources: { min_free_memory_mb: 512, min_free_disk_mb: 1024, memory_per_agent_mb: 2048, disk_per_lane_mb: 300, max_load_per_cpu: 2 },
  worktrees: {
    dir: 'tmp/lanes',
    include_file: '.lanesinclude',
    claude_worktree_hooks: false,
    disposable_ignored: ['node_modules', '*.log'],
  },
  claims: { default_ttl_seconds: 600 },
  merge: { strategy: 'squash', batch_size: 4, remove_lane_after_landing: false },
  session: {
    dir: 'notes/sessions',
    start: [{ id: 'log', description: 'open the log', check: { kind: 'log_exists' } }],
    end: [
      { id: 'clean', description: 'commit', check: { kind: 'tree_committed' } },
      { id: 'notes', description: 'notes', check: { kind: 'section_filled', section: 'Notes' } },
      { id: 'tests', description: 'tests pass', check: { kind: 'command', command: ['npm', 'test'], timeout_seconds: 120 } },
    ],
  },
  agent: { command: ['claude', '-p', '{prompt}', '--cwd', '{worktree}'], retries: 1 },
};

describe('config defaults', () => {
  it('a repo without .lanes/config.json gets every default, with the target resolved from git', async () => {
    const r = makeRepo();
    try {
      const cfg = await loadConfig(r.dir);
      expect(cfg).toEqual({
        target: 'main',
        gates: [],
        setup: [],
        max_parallel: 8,
        resources: {
          min_free_memory_mb: 1024,
          min_free_disk_mb: 2048,
          memory_per_agent_mb: 1024,
          disk_per_lane_mb: 0,
          max_load_per_cpu: 1.5,
        },
        worktrees: {
          dir: '.claude/worktrees',
          include_file: '.worktreeinclude',
          claude_worktree_hooks: true,
          disposable_ignored: [...DEFAULT_DISPOSABLE_IGNORED],
        },
        claims: { default_ttl_seconds: 1800 },
        merge: { strategy: 'merge', batch_size: 1, remove_lane_after_landing: true, hold_gate_changes: true },
        session: {
          dir: '.lanes/sessions',
          start: [expect.objectContaining({ check: { kind: 'log_exists' } })],
          end: [
            expect.objectContaining({ check: { kind: 'tree_committed' } }),
            expect.objectContaining({ check: { kind: 'section_filled', section: 'Progress log' } }),
            expect.objectContaining({ check: { kind: 'section_filled', section: 'Next steps' } }),
          ],
        },
        agent: { retries: 3, limit_patterns: [], limit_backoff_seconds: 60, max_starts_per_minute: 0 },
      });
    } finally {
      r.cleanup();
    }
  });

  it('fills defaults inside partly given objects and drops $schema', () => {
    const cfg = parseConfig(
      { $schema: 'x', resources: { memory_per_agent_mb: 2048 }, gates: [{ name: 'test', command: ['npm', 'test'] }] },
      'c.json',
    );
    expect(cfg.resources).toEqual({
      min_free_memory_mb: 1024,
      min_free_disk_mb: 2048,
      memory_per_agent_mb: 2048,
      disk_per_lane_mb: 0,
      max_load_per_cpu: 1.5,
    });
    expect(cfg.gates).toEqual([{ name: 'test', command: ['npm', 'test'], timeout_seconds: 600 }]);
    expect(cfg).not.toHaveProperty('$schema');
    expect(cfg.target).toBe('main');
  });

  it('accepts a config using every field', () => {
    const cfg = parseConfig(FULL, 'c.json');
    expect(cfg.target).toBe('develop');
    expect(cfg.session.end[2]!.check).toEqual({ kind: 'command', command: ['npm', 'test'], timeout_seconds: 120 });
    expect(cfg.agent.command).toEqual(FULL.agent.command);
    expect(cfg.merge.strategy).toBe('squash');
  });

  it('never shares default objects between loads', () => {
    const a = parseConfig({}, 'a');
    a.gates.push({ name: 'x', command: ['x'], timeout_seconds: 1 });
    a.session.end.pop();
    const b = parseConfig({}, 'b');
    expect(b.gates).toEqual([]);
    expect(b.session.end).toHaveLength(3);
  });
});

describe('config errors', () => {
  it('names every bad field by its JSON path at once', async () => {
    const e = await lanesError(() =>
      parseConfig(
        {
          target: 'feature..x',
          max_paralel: 3,
          max_parallel: 0,
          gates: [{ name: 'Test', command: ['npm', 'test'], timeout_seconds: -1 }],
          resources: { min_free_memory_mb: 'lots' },
          worktrees: { dir: '../outside' },
          merge: { strategy: 'octopus' },
          session: { end: [{ id: 'x', description: 'd', check: { kind: 'section_filled' } }] },
          setup: [{ name: 'env', command: ['x'], env: { 'BAD-NAME': 'v' } }],
          agent: { command: ['claude', '{task}'] },
        },
        '/r/.lanes/config.json',
      ),
    );
    expect(e.code).toBe('CONFIG');
    for (const field of [
      'target: not a valid branch name',
      'max_paralel: unknown field (did you mean "max_parallel"?)',
      'max_parallel must be at least 1, got 0',
      'gates[0].name: name must be a slug',
      'gates[0].timeout_seconds must be more than 0, got -1',
      'resources.min_free_memory_mb must be a number, got "lots"',
      'worktrees.dir: must stay inside the repository',
      'merge.strategy must be "merge" | "squash" | "rebase", got "octopus"',
      'session.end[0].check.section is required',
      'setup[0].env["BAD-NAME"]: invalid name',
      'agent.command[1]: unknown placeholder {task}',
    ]) {
      expect(e.message).toContain(field);
    }
    expect(e.message).toContain('/r/.lanes/config.json is invalid (11 problems)');
    expect(e.hint).toContain(CONFIG_SCHEMA_FILE);
    expect(e.hint).toContain('/r/.lanes/config.json');
    expect((e.details?.problems as string[]).length).toBe(11);
  });

  it('rejects a gate given as a shell string, with the argv hint', async () => {
    const e = await lanesError(() => parseConfig({ gates: [{ name: 'test', command: 'npm run test' }] }, 'c.json'));
    expect(e.message).toContain('gates[0].command: expected an argv array, never a shell string: ["npm", "test"]');
    expect(e.message).toContain('["npm","run","test"]'); // the user's own command, converted
    // Something a plain split would get wrong is not converted.
    const e2 = await lanesError(() => parseConfig({ setup: [{ name: 's', command: 'make && make test' }] }, 'c.json'));
    expect(e2.message).toContain('setup[0].command: expected an argv array, never a shell string');
    expect(e2.message).not.toContain('here:');
    const e3 = await lanesError(() => parseConfig({ gates: [{ name: 'test', command: [] }] }, 'c.json'));
    expect(e3.message).toContain('gates[0].command: must name a program');
  });

  it('rejects unknown fields everywhere, a duplicate gate name, and a non-object file', async () => {
    const e = await lanesError(() =>
      parseConfig(
        { merge: { stratgy: 'squash' }, session: { start: [{ id: 'a', description: 'd', check: { kind: 'command', comand: ['x'] } }] } },
        'c.json',
      ),
    );
    expect(e.message).toContain('merge.stratgy: unknown field (did you mean "strategy"?)');
    expect(e.message).toContain('session.start[0].check.comand: unknown field (did you mean "command"?)');
    const dup = await lanesError(() =>
      parseConfig(
        {
          gates: [
            { name: 'a', command: ['x'] },
            { name: 'a', command: ['y'] },
          ],
        },
        'c.json',
      ),
    );
    expect(dup.message).toContain('gates[1].name: duplicate gate name "a"');
    const arr = await lanesError(() => parseConfig([], 'c.json'));
    expect(arr.message).toContain('(root): the file must contain a JSON object');
  });

  it('reports invalid JSON with the file, line and column', async () => {
    const r = makeRepo();
    try {
      r.write('.lanes/config.json', '{\n  "max_parallel": 4,\n  "gates": [],\n}\n');
      const e = await lanesError(() => loadConfig(r.dir));
      expect(e.code).toBe('CONFIG');
      expect(e.message).toBe(`${path.join(r.dir, '.lanes/config.json')} is not valid JSON at line 4, column 1: trailing comma before "}".`);
      expect(e.hint).toContain('no trailing commas');
      r.write('.lanes/config.json', '{ "a": 1 }\n\n  x');
      expect((await lanesError(() => loadConfig(r.dir))).message).toContain('line 3, column 3');
    } finally {
      r.cleanup();
    }
  });

  it('locates JSON syntax errors of every kind', () => {
    expect(locateJsonError('{"a":}')).toEqual({ line: 1, column: 6, problem: 'unexpected "}"' });
    expect(locateJsonError('{"a" 1}')).toMatchObject({ column: 6, problem: 'expected ":" after the property name' });
    expect(locateJsonError('{"a": 1')).toMatchObject({ column: 8, problem: 'expected "," or "}" after a property value' });
    expect(locateJsonError('{\n "a": "x\ny"}')).toMatchObject({ line: 2, column: 9 }); // the raw newline
    expect(locateJsonError('{\n  // note\n}')).toMatchObject({ line: 2, column: 3, problem: 'comments are not allowed in JSON' });
    expect(locateJsonError("{'a': 1}")).toMatchObject({ column: 2 });
    expect(locateJsonError('[1, 2,]')).toMatchObject({ column: 7, problem: 'trailing comma before "]"' });
    expect(locateJsonError('{"a": 01}')).toMatchObject({ column: 8 });
    expect(locateJsonError('')).toMatchObject({ line: 1, column: 1, problem: 'unexpected end of file' });
    expect(locateJsonError('{"a": [1, {"b": null}], "c": "\\u00e9"}')).toBeUndefined();
  });

  it('accepts a BOM, treats a missing file as defaults, and refuses a huge file or a directory', async () => {
    const r = makeRepo();
    try {
      r.write('.lanes/config.json', '\uFEFF{"max_parallel": 3}');
      expect((await loadConfig(r.dir)).max_parallel).toBe(3);
      r.write('.lanes/config.json', `{"$schema": "${'x'.repeat(1024 * 1024)}"}`);
      expect((await lanesError(() => loadConfig(r.dir))).message).toMatch(/refuses config files over 1048576 bytes/);
      fs.rmSync(path.join(r.dir, '.lanes/config.json'));
      fs.mkdirSync(path.join(r.dir, '.lanes/config.json'));
      expect((await lanesError(() => loadConfig(r.dir))).message).toMatch(/is not a regular file/);
    } finally {
      r.cleanup();
    }
  });
});

describe('field rules', () => {
  it('checks branch names like git check-ref-format --branch', () => {
    for (const ok of ['main', 'master', 'release/1.2', 'feature-x', 'a.b', 'user@host']) expect(refNameProblem(ok)).toBeUndefined();
    for (const bad of [
      '',
      '-x',
      'a..b',
      'a b',
      'a~1',
      'a^',
      'a:b',
      'a?',
      'a*',
      'a[b',
      'a\\b',
      'a.lock',
      'x/a.lock/b',
      '.hidden',
      'a/.b',
      'a/',
      '/a',
      'a//b',
      'a.',
      'a@{1}',
      '@',
      'HEAD',
      'refs/heads/main',
      'a\u0001b',
      'a\u007fb',
    ]) {
      expect(refNameProblem(bad), bad).toBeDefined();
    }
  });

  it('keeps repo-relative paths inside the repository', () => {
    for (const ok of ['.claude/worktrees', 'a', './a/b', 'a/b/']) expect(relPathProblem(ok, 'directory')).toBeUndefined();
    for (const bad of ['', '/abs', 'C:/x', '..', 'a/../../b', 'a/..', '.', './', '.git/lanes', 'a\\b', 'a\nb']) {
      expect(relPathProblem(bad, 'directory'), bad).toBeDefined();
    }
  });

  it('formats JSON paths', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['gates', 0, 'command'])).toBe('gates[0].command');
    expect(formatPath(['setup', 1, 'env', 'A-B'])).toBe('setup[1].env["A-B"]');
  });
});

describe('loadConfigAtCommit', () => {
  it('reads the committed version, never the working copy', async () => {
    const r = makeRepo();
    try {
      r.write('.lanes/config.json', JSON.stringify({ gates: [{ name: 'test', command: ['npm', 'test'] }] }));
      r.commitAll('config');
      // An agent edits the working copy to switch its gate off; the committed gates still count.
      r.write('.lanes/config.json', JSON.stringify({ gates: [] }));
      const atMain = await loadConfigAtCommit(r.dir, 'main');
      expect(atMain.gates.map((g) => g.name)).toEqual(['test']);
      expect(atMain.target).toBe('main');
      expect((await loadConfig(r.dir)).gates).toEqual([]);
      // From a subdirectory too (ls-tree paths are repository-relative).
      fs.mkdirSync(path.join(r.dir, 'sub'));
      expect((await loadConfigAtCommit(path.join(r.dir, 'sub'), 'main')).gates).toHaveLength(1);
      // A commit without the file means defaults; a broken committed file names the commit.
      expect((await loadConfigAtCommit(r.dir, 'main~1')).gates).toEqual([]);
      r.write('.lanes/config.json', '{"gates": "npm test"}');
      r.commitAll('break it');
      const e = await lanesError(() => loadConfigAtCommit(r.dir, 'main'));
      expect(e.message).toContain('main:.lanes/config.json is invalid');
      expect(e.message).toContain('gates: expected a list of commands, never a shell string');
    } finally {
      r.cleanup();
    }
  });

  it('says clearly when the commit does not exist, and refuses option-like names', async () => {
    const r = makeRepo();
    try {
      await expect(loadConfigAtCommit(r.dir, 'no-such-branch')).rejects.toSatisfy((e) => isLanesError(e, 'NOT_FOUND'));
      await expect(loadConfigAtCommit(r.dir, '--output=/tmp/x')).rejects.toSatisfy((e) => isLanesError(e, 'INVALID_INPUT'));
    } finally {
      r.cleanup();
    }
  });
});

describe('resolveTarget', () => {
  it('uses the branch checked out in the main worktree: main, master, or anything else', async () => {
    const r = makeRepo();
    try {
      expect(await resolveTarget(await resolveRepo(r.dir))).toBe('main');
      r.git('checkout', '-q', '-b', 'trunk');
      expect(await resolveTarget(await resolveRepo(r.dir))).toBe('trunk');
      // From a linked worktree on another branch, it is still the main worktree's branch.
      const wt = `${r.dir}-wt`;
      r.git('worktree', 'add', '-q', '-b', 'lane-a', wt);
      expect(await resolveTarget(await resolveRepo(wt))).toBe('trunk');
      expect((await loadConfig(wt)).target).toBe('trunk');
      r.git('worktree', 'remove', wt);
      // Detached: main if it exists.
      r.git('checkout', '-q', '--detach');
      expect(await resolveTarget(await resolveRepo(r.dir))).toBe('main');
    } finally {
      r.cleanup();
    }
  });

  it('falls back to master when detached and there is no main, whatever init.defaultBranch says', async () => {
    const r = makeRepo();
    try {
      r.git('config', 'init.defaultBranch', 'trunk');
      r.git('branch', '-m', 'main', 'master');
      expect(await resolveTarget(await resolveRepo(r.dir))).toBe('master');
      r.git('checkout', '-q', '--detach');
      expect(await resolveTarget(await resolveRepo(r.dir))).toBe('master');
      // The config's own target wins over all of this.
      r.write('.lanes/config.json', '{"target": "release"}');
      expect((await loadConfig(r.dir)).target).toBe('release');
    } finally {
      r.cleanup();
    }
  });

  it('a directory that is not a repository is an error only when the target has to be resolved', async () => {
    const d = tempDir();
    try {
      await expect(loadConfig(d)).rejects.toSatisfy((e) => isLanesError(e, 'NOT_A_REPO'));
      fs.mkdirSync(path.join(d, '.lanes'));
      fs.writeFileSync(path.join(d, '.lanes/config.json'), '{"target": "main"}');
      expect((await loadConfig(d)).target).toBe('main');
    } finally {
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
});

describe('JSON schema', () => {
  it('the committed schema is what the generator makes now (run scripts/gen-schema.ts)', () => {
    const committed = fs.readFileSync(path.join(ROOT, CONFIG_SCHEMA_FILE), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
  });

  it('describes fields for editors and forbids unknown ones', () => {
    const s = configJsonSchema() as { properties: Record<string, { description?: string }>; additionalProperties: boolean };
    expect(s.additionalProperties).toBe(false);
    for (const [k, v] of Object.entries(s.properties)) expect(v.description, k).toBeTruthy();
  });

  it('accepts a full example config and rejects a gate given as a string', () => {
    const schema = configJsonSchema();
    expect(validate(schema, FULL)).toEqual([]);
    expect(validate(schema, {})).toEqual([]);
    expect(validate(schema, { gates: [{ name: 'test', command: 'npm test' }] })).toContain('/gates/0/command: expected array');
    expect(validate(schema, { max_paralel: 2 })).toContain('/max_paralel: not allowed');
    expect(validate(schema, { session: { end: [{ id: 'x', description: 'd', check: { kind: 'nope' } }] } }).length).toBeGreaterThan(0);
  });
});

/**
 * Just enough JSON Schema (the keywords z.toJSONSchema emits for this config) to check the
 * generated schema independently of zod. Returns the problems found.
 */
function validate(schema: unknown, value: unknown, at = ''): string[] {
  const s = schema as Record<string, any>;
  const errs: string[] = [];
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  const known = new Set([
    '$schema',
    'type',
    'properties',
    'required',
    'additionalProperties',
    'propertyNames',
    'items',
    'minItems',
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'const',
    'enum',
    'pattern',
    'minLength',
    'oneOf',
    'default',
    'title',
    'description',
  ]);
  for (const k of Object.keys(s)) if (!known.has(k)) throw new Error(`validator does not know keyword ${k} (at ${at || '/'})`);
  if (s.oneOf) {
    const matching = (s.oneOf as unknown[]).filter((o) => validate(o, value, at).length === 0).length;
    if (matching !== 1) errs.push(`${at}: matches ${matching} of oneOf`);
  }
  if (s.type) {
    const t = typeOf(value);
    const ok = s.type === t || (s.type === 'integer' && t === 'number' && Number.isInteger(value));
    if (!ok) return [...errs, `${at}: expected ${s.type}`];
  }
  if (s.const !== undefined && value !== s.const) errs.push(`${at}: expected ${JSON.stringify(s.const)}`);
  if (s.enum && !(s.enum as unknown[]).includes(value)) errs.push(`${at}: not one of ${s.enum}`);
  if (typeof value === 'string') {
    if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) errs.push(`${at}: does not match ${s.pattern}`);
    if (s.minLength !== undefined && value.length < s.minLength) errs.push(`${at}: too short`);
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) errs.push(`${at}: below minimum`);
    if (s.maximum !== undefined && value > s.maximum) errs.push(`${at}: above maximum`);
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) errs.push(`${at}: not above exclusiveMinimum`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) errs.push(`${at}: too few items`);
    if (s.items) value.forEach((v, i) => errs.push(...validate(s.items, v, `${at}/${i}`)));
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in obj)) errs.push(`${at}/${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      if (s.propertyNames) errs.push(...validate(s.propertyNames, k, `${at}/${k} (name)`));
      if (s.properties?.[k]) errs.push(...validate(s.properties[k], v, `${at}/${k}`));
      else if (s.additionalProperties === false) errs.push(`${at}/${k}: not allowed`);
      else if (s.additionalProperties) errs.push(...validate(s.additionalProperties, v, `${at}/${k}`));
    }
  }
  return errs;
}

describe('config: gate checkout fields', () => {
  it('setup commands take when_changed (paths or globs inside the repository); gates do not', () => {
    const cfg = parseConfig(
      { setup: [{ name: 'deps', command: ['npm', 'ci'], when_changed: ['package-lock.json', 'requirements/*.txt'] }] },
      'x',
    );
    expect(cfg.setup[0]!.when_changed).toEqual(['package-lock.json', 'requirements/*.txt']);
    expect(cfg.merge).toMatchObject({ hold_gate_changes: true });
    expect(cfg.merge.integration_dir).toBeUndefined();
    const bad = (json: unknown) => {
      try {
        parseConfig(json, 'x');
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(bad({ setup: [{ name: 'deps', command: ['npm', 'ci'], when_changed: ['../lock'] }] })).toMatch(
      /setup\[0\]\.when_changed\[0\].*inside the repository/,
    );
    expect(bad({ setup: [{ name: 'deps', command: ['npm', 'ci'], when_changed: [] }] })).toMatch(/when_changed/);
    expect(bad({ gates: [{ name: 't', command: ['npm', 'test'], when_changed: ['x'] }] })).toMatch(/gates\[0\].*when_changed/);
    expect(parseConfig({ merge: { integration_dir: '../repo-lanes', hold_gate_changes: false } }, 'x').merge).toMatchObject({
      integration_dir: '../repo-lanes',
      hold_gate_changes: false,
    });
  });
});
