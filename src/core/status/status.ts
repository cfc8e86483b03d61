/**
 * The picture at a glance: plan progress by wave, lanes, claims, the merge queue, the
 * current run, resources and recent events, in one report shared by `lanes status`, the `status`
 * MCP tool and `lanes dashboard`.
 *
 * Strictly read-only and cheap, because it is polled while agents work (docs/safety.md rule 7):
 * state docs are read without the state lock, every git call runs with GIT_OPTIONAL_LOCKS=0, and
 * nothing here writes: no orphan recovery (listLanes runs it, and it may take the 'git' lock), no
 * claim reclaiming (listClaims rewrites the doc when a lease expired; here expired leases are just
 * left out). Lanes cost one `git status` each plus an ahead/behind count per new (tip, target)
 * pair; tips and commit times of all lanes come from one for-each-ref. A section that cannot be
 * read becomes a `problems` line, never a failed report: a dashboard must keep showing the rest.
 *
 * Each section has its own module (plan, lanes, claims, queue, run, events); this one puts them
 * together.
 */
import { remoteBrief, ownerMachines, type RemoteBrief } from '../remote/status.js';
import { NOTICES_DOC } from '../merge/notices.js';
import { errorMessage } from '../../errors.js';
import { refSha } from '../../git/refs.js';
import { readResources, type Resources } from '../../system/resources.js';
import type { Project } from '../project/project.js';
import { emptyQueue, MERGE_DOC } from '../merge/model.js';
import type { NeedsFix } from '../merge/needs-fix.js';
import { readPlan } from '../plan/tasks.js';
import { readClaims, type ClaimStatus } from './claims.js';
import { briefEvent, type EventBrief } from './events.js';
import { laneTips, lanesToFix, readLanes, withTaskState, type LaneStatus } from './lanes.js';
import { summarizePlan, type PlanSummary } from './plan.js';
import { emptyMergeSummary, readMerge, type MergeSummary } from './queue.js';
import { readRunSummary, type RunSummary } from './run.js';

export interface StatusReport {
  repo: string;
  generated_at: string;
  /** How long this report took to build. */
  took_ms: number;
  target: string;
  target_sha?: string;
  plan: PlanSummary | null;
  lanes: LaneStatus[];
  claims: ClaimStatus[];
  merge: MergeSummary;
  run: RunSummary | null;
  resources: Resources;
  recent_events: EventBrief[];
  /** Shared state on a remote: which one, how old this clone's view is, the remote's target. */
  remote?: RemoteBrief;
  /** Sections that could not be read, and why. */
  problems: string[];
}

export interface StatusOptions {
  /** How many recent events (default 10). */
  events?: number;
  /** How many finished merge entries (default 5). */
  recentMerges?: number;
}

export async function status(project: Project, opts: StatusOptions = {}): Promise<StatusReport> {
  const t0 = performance.now();
  const problems: string[] = [];
  const guard = <T>(what: string, p: Promise<T>, fallback: T): Promise<T> =>
    p.catch((e: unknown) => {
      problems.push(`${what}: ${errorMessage(e).split('\n')[0]}`);
      return fallback;
    });
  const root = project.repo.mainRoot;
  const cfg = await project.config();
  const target = guard('target', refSha(root, `refs/heads/${cfg.target}`), undefined);
  const tips = laneTips(root);
  const [{ plan, tasks }, unordered, claims, merge, run, resources, events, targetSha, queueDoc] = await Promise.all([
    guard('plan', readPlan(project.store), { plan: null, tasks: {} }),
    guard('lanes', readLanes(project, cfg.worktrees.dir, target, tips), []),
    guard('claims', readClaims(project), []),
    guard('merge queue', readMerge(project, opts.recentMerges ?? 5), emptyMergeSummary()),
    guard('run', readRunSummary(project), null),
    readResources(root),
    guard('events', project.store.readEvents({ limit: opts.events ?? 10 }), []),
    target,
    guard(
      'lanes to fix',
      project.store.read(MERGE_DOC).then((d) => d.data),
      emptyQueue(),
    ),
  ]);
  const remote = project.store.shared ? await guard('remote', remoteBrief(project, cfg.target), undefined) : undefined;
  const machines = project.store.shared ? await guard('owners', ownerMachines(project), new Map<string, string>()) : undefined;
  const fixes = await guard(
    'lanes to fix',
    lanesToFix(root, cfg.target, queueDoc, tasks, tips, (await project.store.read(NOTICES_DOC)).data),
    new Map<string, NeedsFix>(),
  );
  return {
    repo: root,
    generated_at: new Date().toISOString(),
    took_ms: Math.round(performance.now() - t0),
    target: cfg.target,
    ...(targetSha ? { target_sha: targetSha } : {}),
    plan: plan && summarizePlan(plan, tasks, machines),
    lanes: withTaskState(unordered, tasks, fixes),
    claims,
    merge,
    run,
    resources,
    recent_events: events.map(briefEvent),
    ...(remote ? { remote } : {}),
    problems,
  };
}
