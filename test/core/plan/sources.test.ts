import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../../src/errors.js';
import { buildPlan } from '../../../src/core/plan/plan.js';
import { loadTasksSource } from '../../../src/core/plan/sources.js';
import { tempDir } from '../../helpers/repo.js';

const dir = tempDir('lanes-sources-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function errorOf(p: Promise<unknown>, code = 'INVALID_INPUT'): Promise<LanesError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LanesError);
    expect((e as LanesError).code).toBe(code);
    expect((e as LanesError).hint).toBeTruthy();
    return e as LanesError;
  }
  throw new Error('expected an error');
}

describe('loadTasksSource: JSON and YAML', () => {
  it('reads a top-level list or an object with tasks, in JSON or YAML', async () => {
    const list = [{ id: 'a', title: 'A' }];
    expect(await loadTasksSource(write('list.json', JSON.stringify(list)))).toEqual(list);
    expect(await loadTasksSource(write('obj.json', JSON.stringify({ tasks: list })))).toEqual(list);
    expect(await loadTasksSource(write('t.yaml', 'tasks:\n  - id: a\n    title: A\n'))).toEqual(list);
    expect(await loadTasksSource(write('t.yml', '- id: a\n  title: A\n'))).toEqual(list);
    expect(await loadTasksSource(write('tasks', '[{"id": "a", "title": "A"}]'))).toEqual(list);
    expect(await loadTasksSource(write('bom.json', `\uFEFF${JSON.stringify(list)}`))).toEqual(list);
  });

  it('names the file and line of a YAML syntax error', async () => {
    const file = write('bad.yaml', 'tasks:\n  - id: a\n    title: [unclosed\n  - id: b\n');
    const e = await errorOf(loadTasksSource(file));
    expect(e.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: invalid YAML: `));
    expect(e.details).toMatchObject({ file });
  });

  it('names the file and line of a JSON syntax error', async () => {
    const file = write('bad.json', '[\n  {"id": "a", "title": "A"},\n  {"id": "b" "title": "B"}\n]\n');
    const e = await errorOf(loadTasksSource(file));
    expect(e.message).toContain(`${file}:3:`);
    expect(e.message).toContain('invalid JSON');
    const trailing = await errorOf(loadTasksSource(write('trail.json', '[\n  {"id": "a"},\n]\n')));
    expect(trailing.message).toContain('trail.json:3');
    expect((await errorOf(loadTasksSource(write('cut.json', '[{"id": "a"')))).message).toContain('cut.json:1');
  });

  it('rejects a document that is not a task list', async () => {
    expect((await errorOf(loadTasksSource(write('scalar.yaml', 'just text\n')))).message).toContain('expected a list of tasks');
    expect((await errorOf(loadTasksSource(write('other.json', '{"todo": []}')))).message).toContain('expected a list of tasks');
  });

  it('refuses files over 5 MB, directories and missing files', async () => {
    const big = write('big.json', `[${' '.repeat(5 * 1024 * 1024)}]`);
    expect((await errorOf(loadTasksSource(big))).message).toContain('more than the 5242880 allowed');
    expect((await errorOf(loadTasksSource(dir))).message).toContain('Not a file');
    expect((await errorOf(loadTasksSource(path.join(dir, 'nope.yaml')), 'NOT_FOUND')).message).toContain('not found');
  });

  it('fails fast on a YAML alias bomb', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    await errorOf(loadTasksSource(write('bomb.yaml', `${lines.join('\n')}\ntasks: []\n`)));
  });
});

describe('loadTasksSource: ROADMAP.md', () => {
  const roadmap = `# Roadmap

### PRIORITY 1: Skeleton
Status: Done

### PRIORITY 2: Storage layer ✨
**Status:** Planned
**Estimate:** 3h
Files: \`src/storage/**\`, \`test/storage/**\`

Build the store.

\`\`\`
### PRIORITY 9: not a heading, inside a fence
Status: Done
\`\`\`

### PRIORITY 3: Search
- Status: planned
- Depends on: PRIORITY 2, PRIORITY 1, p2-storage-layer
- Estimate: 90m
- Files:
  - \`src/search/**\`
  - docs/search.md

Index everything.

## Notes
Not part of PRIORITY 3.

### PRIORITY 4: Web client
Status: In progress

### PRIORITY 5: Release
**Status**: Planned
Depends on: PRIORITY 4, PRIORITY 3
`;

  it('turns Planned sections into tasks and drops dependencies that are already done', async () => {
    const tasks = await loadTasksSource(write('ROADMAP.md', roadmap));
    expect(tasks).toEqual([
      {
        id: 'p2-storage-layer',
        title: 'Storage layer ✨',
        estimate: 3,
        files: ['src/storage/**', 'test/storage/**'],
        description: 'Build the store.\n\n```\n### PRIORITY 9: not a heading, inside a fence\nStatus: Done\n```',
      },
      {
        id: 'p3-search',
        title: 'Search',
        estimate: 1.5,
        depends_on: ['p2-storage-layer'],
        files: ['src/search/**', 'docs/search.md'],
        description: 'Index everything.',
      },
      { id: 'p5-release', title: 'Release', depends_on: ['p3-search'] },
    ]);
    const plan = buildPlan(tasks, { parallelism: 2 });
    expect(plan.waves).toEqual([['p2-storage-layer'], ['p3-search'], ['p5-release']]);
  });

  it('keeps ids within 63 characters', async () => {
    const tasks = await loadTasksSource(write('long.md', `### PRIORITY 12: ${'Very long title '.repeat(10)}\nStatus: Planned\n`));
    const id = (tasks[0] as { id: string }).id;
    expect(id.length).toBeLessThanOrEqual(63);
    expect(id).toMatch(/^p12-very-long-title-/);
  });

  it.each([
    ['unknown priority', '### PRIORITY 1: A\nStatus: Planned\nDepends on: PRIORITY 7\n', 'x.md:3: "PRIORITY 7" names no PRIORITY section'],
    ['bad estimate', '### PRIORITY 1: A\nStatus: Planned\nEstimate: soon\n', 'x.md:3: cannot read the estimate "soon"'],
    [
      'duplicate priority',
      '### PRIORITY 1: A\nStatus: Planned\n### PRIORITY 1: B\nStatus: Planned\n',
      'x.md:3: PRIORITY 1 is used twice (also line 1)',
    ],
    ['nothing planned', '### PRIORITY 1: A\nStatus: Done\n### PRIORITY 2: B\n', 'no section is Planned (statuses found: done, no status)'],
    ['no sections', '# Just notes\n', 'no "### PRIORITY N: Title" sections found'],
  ])('reports %s with file and line', async (_name, text, message) => {
    const e = await errorOf(loadTasksSource(write('x.md', text)));
    expect(e.message).toContain(message);
  });

  it('plans examples/ROADMAP.md', async () => {
    const tasks = await loadTasksSource('examples/ROADMAP.md');
    const plan = buildPlan(tasks, { parallelism: 3 });
    expect(plan.tasks.map((t) => t.id)).toEqual([
      'p2-storage-layer',
      'p3-full-text-search',
      'p4-http-api',
      'p6-export-to-markdown-files',
      'p7-documentation-pass',
    ]);
    expect(plan.tasks[3]!.estimate).toBe(1.5);
    expect(plan.tasks[2]!.depends_on).toEqual(['p2-storage-layer']); // PRIORITY 1 is done
    expect(plan.waves).toEqual([
      ['p2-storage-layer'],
      ['p3-full-text-search', 'p4-http-api', 'p6-export-to-markdown-files'],
      ['p7-documentation-pass'],
    ]);
    expect(plan.conflicts.map((c) => [c.a, c.b])).toEqual([['p6-export-to-markdown-files', 'p7-documentation-pass']]);
    expect(plan.critical_path).toEqual(['p2-storage-layer', 'p3-full-text-search', 'p7-documentation-pass']);
    expect(plan.critical_path_hours).toBe(9);
  });

  it('loads examples/tasks.yaml', async () => {
    expect(await loadTasksSource('examples/tasks.yaml')).toHaveLength(8);
  });
});
