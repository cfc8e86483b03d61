/** Sample projects for `lanes run` tests: the demo's sample repository plus a small plan. */
import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { parseEdits } from '../../../src/agent/scripted.js';
import { openProject, type Project } from '../../../src/core/project/project.js';
import { storePlan } from '../../../src/core/plan/tasks.js';
import { bundleChild } from '../../helpers/child.js';
import { makeRepo, type TestRepo } from '../../helpers/repo.js';
import { assertInvariants } from '../lanes/invariants.js';

const SAMPLE = path.resolve(import.meta.dirname, '../../../examples/demo/sample-repo.md');

/** The demo's sample repository (examples/demo/sample-repo.md) with no resource floors. */
export function sampleRepo(config: Record<string, unknown> = {}): TestRepo {
  const files: Record<string, string> = {};
  for (const e of parseEdits(fs.readFileSync(SAMPLE, 'utf8'))) files[e.path] = e.content;
  const cfg = JSON.parse(files['.lanes/config.json']!) as Record<string, unknown>;
  files['.lanes/config.json'] = JSON.stringify({ ...cfg, resources: { min_free_memory_mb: 0, min_free_disk_mb: 0 }, ...config });
  return makeRepo({ files });
}

export interface PlanTask {
  id: string;
  depends_on?: string[];
  files?: string[];
  description?: string;
  estimate?: number;
}

export async function withPlan(repo: TestRepo, tasks: PlanTask[]): Promise<Project> {
  const project = await openProject(repo.dir);
  await storePlan(
    project.store,
    tasks.map((t) => ({ title: `task ${t.id}`, ...t })),
    { parallelism: 4 },
  );
  return project;
}

/** A module and its passing test, as the scripted agent's fenced edit blocks. */
export function moduleTask(id: string, extra: Partial<PlanTask> = {}): PlanTask {
  const name = id.replace(/-/g, '_');
  return {
    id,
    files: [`src/${id}.js`, `test/${id}.test.js`],
    description: [
      `Add ${id}.`,
      '',
      `\`\`\`file src/${id}.js`,
      `export const ${name} = '${id}';`,
      '```',
      '',
      `\`\`\`file test/${id}.test.js`,
      "import test from 'node:test';",
      "import assert from 'node:assert/strict';",
      `import { ${name} } from '../src/${id}.js';`,
      `test('${id}', () => assert.equal(${name}, '${id}'));`,
      '```',
    ].join('\n'),
    ...extra,
  };
}

/** A task registering a route in src/ui/router.js: two of them conflict. */
export function routeTask(id: string): PlanTask {
  return {
    id,
    files: ['src/ui/router.js', `test/ui/${id}.test.js`],
    description: [
      `\`\`\`append src/ui/router.js`,
      `routes.set('/${id}', () => '${id}');`,
      '```',
      '',
      `\`\`\`file test/ui/${id}.test.js`,
      "import test from 'node:test';",
      "import assert from 'node:assert/strict';",
      "import { routes } from '../../src/ui/router.js';",
      `test('/${id} is routed', () => assert.equal(routes.get('/${id}')(), '${id}'));`,
      '```',
    ].join('\n'),
  };
}

/** The bundled child that is `lanes run` + `lanes agent scripted`. */
export function cliBundle(): Promise<string> {
  return bundleChild(path.resolve(import.meta.dirname, 'children/cli.ts'));
}

/** Checks the repository invariants and deletes it when the test finishes. */
export function cleanupAfter(repo: TestRepo): void {
  onTestFinished((ctx) => {
    try {
      if (ctx.task.result?.state !== 'fail') assertInvariants(repo.dir);
    } finally {
      repo.cleanup();
    }
  });
}

/** Pids of live processes whose environment carries LANES_RUN_ID=<run> (Linux). */
export function processesOfRun(runId: string): number[] {
  const out: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const env = fs.readFileSync(`/proc/${name}/environ`, 'latin1');
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z' && env.split('\0').includes(`LANES_RUN_ID=${runId}`)) out.push(Number(name));
    } catch {
      // gone, or not ours
    }
  }
  return out;
}

/**
 * An agent script for tests, behaving per task and attempt (LANES_TASK_ID, LANES_ATTEMPT):
 * `behaviour` maps a task to a list of actions per attempt (the last one repeats):
 *   commit  write <task>.txt and commit it
 *   fail    exit 3
 *   noop    exit 0 without doing anything
 *   dirty   write a file, do not commit, exit 0
 *   hang    never exit
 *   elsewhere  commit, then mark the task done with `lanes task set` (the built CLI `cli`), as if
 *              another machine had landed it meanwhile
 * Every start is appended to <log>/<task>.starts.
 */
export function agentScript(dir: string, behaviour: Record<string, string[]>, cli?: string): { script: string; log: string } {
  const log = path.join(dir, 'agent-log');
  fs.mkdirSync(log, { recursive: true });
  const script = path.join(dir, 'agent.mjs');
  fs.writeFileSync(
    script,
    `import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
const task = process.env.LANES_TASK_ID;
const attempt = Number(process.env.LANES_ATTEMPT);
const plan = ${JSON.stringify(behaviour)}[task] ?? ['commit'];
const what = plan[Math.min(attempt, plan.length) - 1];
fs.appendFileSync(${JSON.stringify(log)} + '/' + task + '.starts', attempt + ' ' + what + ' ' + process.cwd() + '\\n');
console.log('attempt ' + attempt + ': ' + what);
if (what === 'fail') process.exit(3);
if (what === 'noop') process.exit(0);
if (what === 'hang') setInterval(() => {}, 1000);
else {
fs.writeFileSync(task + '.txt', task + ' attempt ' + attempt + '\\n');
if (what === 'dirty') process.exit(0);
execFileSync('git', ['add', '-A']);
execFileSync('git', ['commit', '-q', '-m', task + ': work']);
if (what === 'elsewhere') execFileSync(process.execPath, [${JSON.stringify(cli ?? '')}, 'task', 'set', task, 'done', '--force', '--owner', 'run:elsewhere']);
}
`,
  );
  return { script, log };
}
