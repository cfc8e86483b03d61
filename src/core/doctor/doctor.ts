/**
 * `lanes doctor` / the check_resources tool: can Lanes run here, and how many lanes at once?
 * Every environment problem becomes a failed check with a fix, never an exception, so one call
 * shows everything that is wrong instead of the first thing.
 */
import { errorMessage, isLanesError } from '../../errors.js';
import { resolveRepo, type Repo } from '../../git/repo.js';
import { MIN_GIT, atLeast, gitVersion, showVersion, type GitVersion } from '../../git/version.js';
import { readResources, type ReadResourcesOptions, type Resources } from '../../system/resources.js';
import { parseConfig } from '../config/load.js';
import { type LanesConfig } from '../config/schema.js';
import { estimateLaneDiskMb, recommendParallelism, type ParallelismAdvice } from '../plan/parallelism.js';
import { guard, type DoctorCheck } from './check.js';
import { cleanCheck, dotSegmentCheck, loadConfigChecked, stateDirCheck, targetCheck, worktreesDirCheck } from './repo-checks.js';
import { resourceChecks } from './resource-checks.js';

export interface DoctorReport {
  /** No check failed at level 'error'. */
  ok: boolean;
  checks: DoctorCheck[];
  resources: Resources;
  parallelism: ParallelismAdvice;
}

/**
 * Whether git is new enough: `git merge-tree --write-tree`, which conflict checks and landing rely
 * on, arrived in 2.38 (vendor versions such as "2.39.3 (Apple Git-146)" are parsed by gitVersion).
 */
export function gitVersionCheck(v: GitVersion): DoctorCheck {
  const need = `${MIN_GIT[0]}.${MIN_GIT[1]}`;
  if (!v.installed) {
    return {
      name: 'git',
      ok: false,
      level: 'error',
      detail: `git is not installed or could not be run${v.error ? ` (${v.error})` : ''}`,
      fix: `Install git >= ${need}.`,
    };
  }
  if (atLeast(v)) return { name: 'git', ok: true, level: 'info', detail: `git ${showVersion(v)}` };
  return {
    name: 'git',
    ok: false,
    level: 'error',
    detail: `git ${v.major}.${v.minor} is too old: Lanes needs git >= ${need} for git merge-tree --write-tree`,
    fix: `Upgrade git to ${need} or newer.`,
  };
}

export async function checkResources(cwd: string, opts: ReadResourcesOptions = {}): Promise<DoctorReport> {
  const resourcesP = readResources(cwd, opts);
  const [gitCheck, repoOrErr] = await Promise.all([
    guard('git', async () => gitVersionCheck(await gitVersion())),
    resolveRepo(cwd).catch((e: unknown) => e),
  ]);
  const checks: DoctorCheck[] = [gitCheck];
  let cfg: LanesConfig | undefined;
  let laneDiskMb: number | undefined;

  if (repoOrErr instanceof Error || !repoOrErr) {
    const e = repoOrErr;
    checks.push({
      name: 'repository',
      ok: false,
      level: 'error',
      detail: isLanesError(e) ? e.message : errorMessage(e),
      fix: isLanesError(e) && e.hint ? e.hint : 'Run Lanes from inside a git repository.',
    });
  } else {
    const repo = repoOrErr as Repo;
    checks.push({ name: 'repository', ok: true, level: 'info', detail: repo.mainRoot });
    checks.push(
      repo.hasCommits
        ? { name: 'commits', ok: true, level: 'info', detail: 'HEAD has a commit' }
        : {
            name: 'commits',
            ok: false,
            level: 'error',
            detail: 'the repository has no commits yet, so there is nothing to branch lanes from',
            fix: 'Make a first commit, e.g. git commit --allow-empty -m "initial commit".',
          },
    );
    let configCheck: DoctorCheck;
    [cfg, configCheck] = await loadConfigChecked(repo);
    checks.push(configCheck);
    const config = cfg;
    const more = await Promise.all([
      repo.hasCommits ? guard('target', () => targetCheck(repo, config.target)) : undefined,
      guard('main worktree', () => cleanCheck(repo)),
      guard('state dir', () => stateDirCheck(repo)),
      guard('worktrees dir', () => worktreesDirCheck(repo, config)),
      guard('dot segments', async () => dotSegmentCheck(repo, config)),
      repo.hasCommits && config.resources.disk_per_lane_mb === 0 ? estimateLaneDiskMb(repo.worktreeRoot).catch(() => undefined) : undefined,
    ]);
    laneDiskMb = more.pop() as number | undefined;
    for (const c of more) if (c) checks.push(c as DoctorCheck);
  }

  cfg ??= parseConfig({}, 'defaults');
  const resources = await resourcesP;
  checks.push(...resourceChecks(resources, cfg, laneDiskMb));
  const parallelism = recommendParallelism(resources, cfg, laneDiskMb === undefined ? {} : { lane_disk_mb: laneDiskMb });
  return { ok: checks.every((c) => c.ok || c.level !== 'error'), checks, resources, parallelism };
}
