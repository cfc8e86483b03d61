import type { Command } from 'commander';
import { openProject } from '../../core/project/project.js';
import { planWork } from '../../core/plan/planning.js';
import { readPlan, requirePlan, updateTask, addTask, TASK_STATUSES, type TaskStatus } from '../../core/plan/tasks.js';
import { readyTasks } from '../../core/plan/ready.js';
import { LanesError } from '../../errors.js';
import { cliOwner } from '../../core/lanes/model.js';
import { renderPlan, renderPlanWork } from '../../render/plan.js';
import { taskView } from '../../core/plan/task-view.js';
import { colorEnabled } from '../../render/color.js';
import { renderTaskView } from '../../render/task-view.js';
import { action, emit } from '../run.js';

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description('plan a tasks file (JSON, YAML or ROADMAP.md): waves, conflicts, critical path, speedup; stores the plan')
    .argument('[file]', 'tasks file; without it, show the stored plan')
    .option('--replace', 'allow dropping tasks that are in progress')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string | undefined, opts: { replace?: boolean; json?: boolean }) => {
        const project = await openProject(process.cwd());
        if (!file) {
          const { plan, tasks } = await readPlan(project.store);
          const p = requirePlan(plan);
          emit(opts.json, { plan: p, tasks }, () => renderPlan(p, tasks));
          return;
        }
        const r = await planWork(project, { source: file, ...(opts.replace ? { replace: true } : {}) }, process.cwd());
        emit(opts.json, r, () => renderPlanWork(r));
      }),
    );

  program
    .command('next')
    .description('tasks ready to start now (dependencies done, no conflict with work in progress)')
    .option('-n, --limit <n>', 'most tasks to list', (v) => Number.parseInt(v, 10))
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { limit?: number; json?: boolean }) => {
        const project = await openProject(process.cwd());
        const { plan, tasks } = await readPlan(project.store);
        const p = requirePlan(plan);
        const running = p.tasks.filter((t) => tasks[t.id]?.status === 'in_progress').length;
        const ready = readyTasks(p, tasks, opts.limit ?? Math.max(0, p.parallelism - running));
        emit(opts.json, { ready: ready.map((r) => ({ ...r.task, priority_hours: r.priority_hours })) }, () =>
          ready.length ? ready.map((r) => `${r.task.id}\t${r.task.title}`).join('\n') : 'Nothing ready now.',
        );
      }),
    );

  const task = program.command('task').description('show a task, add one or change its status');
  task
    .command('show')
    .description(
      'one task from every side: state, owner and lease, lane (path, branch, ahead/behind), claims, queue entry, last gate log, session notes',
    )
    .argument('<task>', 'task id')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: { json?: boolean }) => {
        const v = await taskView(await openProject(process.cwd()), id);
        emit(opts.json, v, () => renderTaskView(v, colorEnabled()));
      }),
    );
  task
    .command('set')
    .description('set a task status: planned | in_progress | done | blocked | failed')
    .argument('<id>')
    .argument('<status>')
    .option('--owner <owner>', 'who you are / who works on it (default: $LANES_OWNER, else cli:<user>@<host>)')
    .option('--note <note>', 'why')
    .option('--force', 'change it even though another live owner holds it (a human decision)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, st: string, opts: { owner?: string; note?: string; force?: boolean; json?: boolean }) => {
        if (!(TASK_STATUSES as readonly string[]).includes(st)) {
          throw new LanesError('INVALID_INPUT', `Unknown status "${st}".`, { hint: `Use one of: ${TASK_STATUSES.join(', ')}.` });
        }
        const project = await openProject(process.cwd());
        const actor = opts.owner ?? cliOwner();
        const t = await updateTask(project.store, {
          id,
          status: st as TaskStatus,
          ...(st === 'in_progress' || opts.owner ? { owner: actor } : {}),
          ...(opts.note ? { note: opts.note } : {}),
          actor,
          actor_ttl_seconds: (await project.config()).claims.default_ttl_seconds,
          ...(opts.force ? { force: true } : {}),
        });
        emit(opts.json, t, () => `${t.id} is now ${t.status}${t.owner ? ` (owner ${t.owner})` : ''}`);
      }),
    );
  task
    .command('add')
    .description('add a task to the stored plan')
    .argument('<id>')
    .argument('<title>')
    .option('--depends-on <ids...>', 'tasks that must land first')
    .option('--files <globs...>', 'file scope')
    .option('--estimate <hours>', 'hours', Number.parseFloat)
    .option('--alone', 'run this task alone (parallel_ok: false)')
    .option('--json', 'print JSON')
    .action(
      action(
        async (
          id: string,
          title: string,
          o: { dependsOn?: string[]; files?: string[]; estimate?: number; alone?: boolean; json?: boolean },
        ) => {
          const project = await openProject(process.cwd());
          const { task: t, plan } = await addTask(project.store, {
            id,
            title,
            ...(o.dependsOn ? { depends_on: o.dependsOn } : {}),
            ...(o.files ? { files: o.files } : {}),
            ...(o.estimate !== undefined ? { estimate: o.estimate } : {}),
            ...(o.alone ? { parallel_ok: false } : {}),
          });
          emit(o.json, t, () => `Added ${t.id} (wave ${plan.waves.findIndex((w) => w.includes(t.id)) + 1})`);
        },
      ),
    );
}
