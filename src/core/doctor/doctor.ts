/**
 * `lanes doctor` / the check_resources tool: can Lanes run here, and how many lanes at once?
 * Every environment problem becomes a failed check with a fix, never an exception, so one call
 * shows everything that is wrong instead of the first thing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage, isLanesError } from '../../errors.js';
import { refSha, statusPorcelain } from '../../git/refs.js';
import { resolveRepo, type Repo } from '../../git/repo.js';
import { MIN_GIT, atLeast, gitVersion, showVersion, type GitVersion } from '../../git/version.js';
import { readResources, type ReadResourcesOptions, type Resources } from '../../system/resources.js';
import { loadConfig, parseConfig, resolveTarget } from '../config/load.js';
import { type LanesConfig } from '../config/schema.js';
import { dotSegment, integrationBase } from '../merge/checkout.js';
import { estimateLaneDiskMb, recommendParallelism, type ParallelismAdvice } from '../plan/parallelism.js';

export interface DoctorCheck {
  name: string;
  ok: boolean;
  /** 'info' for a passing check; otherwise how serious the failure is ('error' blocks Lanes). */
  level: 'error' | 'warn' | 'info';
  detail: string;
  fix?: string;
}

export interface DoctorReport {
  /** No check failed at level 'error'. */
  ok: boolean;
  checks: DoctorCheck[];
  resources: Resources;
  parallelism: ParallelismAdvice;
}

/** git merge-tree --write-tree, which conflict checks and landing rely on, arrived in 2.38. */

/** "git version 2.39.5", "git version 2.39.3 (Apple Git-146)", "git version 2.41.0.windows.1". */
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

/** Runs a check; an unexpected exception becomes a failed check rather than escaping. */
async function guard(name: string, f: () => Promise<DoctorCheck>): Promise<DoctorCheck> {
  try {
    return await f();
  } catch (e) {
    return failedCheck(name, errorMessage(e), e);
  }
}

/** A failed check from an exception; a LanesError's hint, when it has one, is the fix. */
function failedCheck(name: string, detail: string, e: unknown): DoctorCheck {
  const check: DoctorCheck = { name, ok: false, level: 'error', detail };
  if (isLanesError(e) && e.hint !== undefined) check.fix = e.hint;
  return check;
}

async function loadConfigChecked(repo: Repo): Promise<[LanesConfig, DoctorCheck]> {
  try {
    const cfg = await loadConfig(repo.worktreeRoot, { repo });
    return [cfg, { name: 'config', ok: true, level: 'info', detail: `valid (target branch ${cfg.target})` }];
  } catch (e) {
    // Go on with the defaults, so the other checks still say something useful.
    const target = await resolveTarget(repo).catch(() => 'main');
    return [
      parseConfig({}, 'defaults', { defaultTarget: target }),
      failedCheck('config', isLanesError(e) ? e.message : errorMessage(e), e),
    ];
  }
}

async function targetCheck(repo: Repo, target: string): Promise<DoctorCheck> {
  const sha = await refSha(repo.worktreeRoot, `refs/heads/${target}^{commit}`);
  if (sha) return { name: 'target', ok: true, level: 'info', detail: `branch ${target} at ${sha.slice(0, 12)}` };
  return {
    name: 'target',
    ok: false,
    level: 'error',
    detail: `the target branch ${target} does not exist`,
    fix: `Create it (git branch ${target}) or set "target" in .lanes/config.json to the branch lanes should land on.`,
  };
}

/**
 * Tracked changes only: untracked files (including lanes' own worktrees under the main
 * checkout) never block landing, while a dirty tracked file makes Lanes refuse to advance a
 * checked-out target (docs/safety.md rule 5).
 */
async function cleanCheck(repo: Repo): Promise<DoctorCheck> {
  const files = (await statusPorcelain(repo.mainRoot, { trackedOnly: true })).map((e) => e.path);
  if (files.length === 0) return { name: 'main worktree', ok: true, level: 'info', detail: 'clean' };
  const shown = files.slice(0, 10).join(', ') + (files.length > 10 ? `, and ${files.length - 10} more` : '');
  return {
    name: 'main worktree',
    ok: false,
    level: 'warn',
    detail: `${files.length} uncommitted change${files.length === 1 ? '' : 's'} in ${repo.mainRoot}: ${shown}`,
    fix: 'Commit or stash them: Lanes will not advance a checked-out target branch over uncommitted changes.',
  };
}

async function stateDirCheck(repo: Repo): Promise<DoctorCheck> {
  const name = 'state dir';
  let st: fs.Stats;
  try {
    st = await fs.promises.lstat(repo.stateDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { name, ok: true, level: 'info', detail: `${repo.stateDir} (created on first use)` };
    throw e;
  }
  if (st.isSymbolicLink()) {
    return {
      name,
      ok: false,
      level: 'error',
      detail: `${repo.stateDir} is a symlink; Lanes refuses to keep its state through one`,
      fix: `Remove the symlink (rm ${repo.stateDir}); Lanes recreates the directory.`,
    };
  }
  if (!st.isDirectory()) {
    return { name, ok: false, level: 'error', detail: `${repo.stateDir} is not a directory`, fix: `Move ${repo.stateDir} out of the way.` };
  }
  return { name, ok: true, level: 'info', detail: repo.stateDir };
}

/** The lexical rule is in the schema; this adds the symlink half (docs/safety.md rule 15). */
/**
 * Test suites and libraries that refuse paths with a segment starting with "." (express's tests,
 * the `send` package) fail in a lane or gate checkout under one: warn, saying what to set.
 */
function dotSegmentCheck(repo: Repo, cfg: LanesConfig): DoctorCheck {
  const name = 'dot segments';
  const problems: string[] = [];
  const fixes: string[] = [];
  const lanesAt = path.join(repo.mainRoot, cfg.worktrees.dir);
  const lanesDot = dotSegment(lanesAt);
  if (lanesDot) {
    problems.push(`lanes are made under ${lanesAt} ("${lanesDot}")`);
    fixes.push(
      dotSegment(repo.mainRoot)
        ? `move the repository out of ${repo.mainRoot} (it is itself under "${dotSegment(repo.mainRoot)}")`
        : 'set "worktrees": { "dir": "worktrees" } (or another name without a leading ".") in .lanes/config.json',
    );
  }
  let gatesAt: string;
  try {
    gatesAt = integrationBase(repo, cfg.merge.integration_dir);
  } catch (e) {
    return { name, ok: false, level: 'warn', detail: `cannot tell where gate checkouts go: ${(e as Error).message}` };
  }
  const gatesDot = dotSegment(gatesAt);
  if (gatesDot) {
    problems.push(`gate checkouts are made under ${gatesAt} ("${gatesDot}")`);
    fixes.push(
      'set "merge": { "integration_dir": "../<repo>-lanes" } (or another absolute path without a segment starting with ".") in .lanes/config.json',
    );
  }
  if (!problems.length) return { name, ok: true, level: 'info', detail: `lanes under ${lanesAt}, gate checkouts under ${gatesAt}` };
  return {
    name,
    ok: false,
    level: 'warn',
    detail: `${problems.join('; ')}: test suites that refuse paths with a segment starting with "." (express, send) fail there`,
    fix: fixes.join('; '),
  };
}

async function worktreesDirCheck(repo: Repo, cfg: LanesConfig): Promise<DoctorCheck> {
  const name = 'worktrees dir';
  const root = fs.realpathSync(repo.mainRoot);
  const want = path.join(root, cfg.worktrees.dir);
  // The nearest existing entry (lstat: a dangling symlink exists too) must resolve inside.
  let existing = want;
  while (!fs.lstatSync(existing, { throwIfNoEntry: false }) && existing !== root) existing = path.dirname(existing);
  let real: string;
  try {
    real = await fs.promises.realpath(existing);
  } catch {
    return {
      name,
      ok: false,
      level: 'error',
      detail: `${path.relative(root, existing)} is a dangling symlink`,
      fix: 'Replace it with a real directory inside the repository.',
    };
  }
  if (real === root || real.startsWith(root + path.sep)) return { name, ok: true, level: 'info', detail: want };
  return {
    name,
    ok: false,
    level: 'error',
    detail: `${path.relative(root, existing) || existing} resolves to ${real}, outside the repository`,
    fix: `Replace the symlink with a real directory, or set "worktrees.dir" in .lanes/config.json to a path inside the repository.`,
  };
}

function resourceChecks(res: Resources, cfg: LanesConfig, laneDiskMb: number | undefined): DoctorCheck[] {
  const r = cfg.resources;
  const out: DoctorCheck[] = [];
  const cpuDetail = `${res.cpus} CPU${res.cpus === 1 ? '' : 's'}, load ${res.load1} (${res.load_per_cpu} per CPU)`;
  out.push(
    res.load_per_cpu > r.max_load_per_cpu
      ? {
          name: 'cpu',
          ok: false,
          level: 'warn',
          detail: `${cpuDetail}, above the ${r.max_load_per_cpu} per CPU limit`,
          fix: 'Wait for other work to finish, or raise resources.max_load_per_cpu in .lanes/config.json.',
        }
      : { name: 'cpu', ok: true, level: 'info', detail: cpuDetail },
  );
  const need = r.min_free_memory_mb + r.memory_per_agent_mb;
  const memDetail = `${res.mem_available_mb} MB available of ${res.mem_total_mb} MB`;
  out.push(
    res.mem_available_mb < need
      ? {
          name: 'memory',
          ok: false,
          level: 'warn',
          detail: `${memDetail}: less than one agent (${r.memory_per_agent_mb} MB) above the ${r.min_free_memory_mb} MB floor`,
          fix: 'Close other programs, or lower resources.min_free_memory_mb / memory_per_agent_mb in .lanes/config.json.',
        }
      : { name: 'memory', ok: true, level: 'info', detail: memDetail },
  );
  const lane = r.disk_per_lane_mb || laneDiskMb;
  const diskDetail = `${res.disk_free_mb} MB free of ${res.disk_total_mb} MB at ${res.disk_path}${lane ? `; a lane needs about ${lane} MB` : ''}`;
  if (res.sources.disk === 'unavailable') {
    out.push({ name: 'disk', ok: false, level: 'warn', detail: `could not measure free disk space at ${res.disk_path}` });
  } else if (res.disk_free_mb < r.min_free_disk_mb) {
    out.push({
      name: 'disk',
      ok: false,
      level: 'error',
      detail: `${diskDetail}: below the ${r.min_free_disk_mb} MB floor`,
      fix: 'Free disk space, or lower resources.min_free_disk_mb in .lanes/config.json.',
    });
  } else if (lane && res.disk_free_mb < r.min_free_disk_mb + lane) {
    out.push({
      name: 'disk',
      ok: false,
      level: 'warn',
      detail: `${diskDetail}: not enough for one more lane above the ${r.min_free_disk_mb} MB floor`,
      fix: 'Free disk space.',
    });
  } else {
    out.push({ name: 'disk', ok: true, level: 'info', detail: diskDetail });
  }
  return out;
}
