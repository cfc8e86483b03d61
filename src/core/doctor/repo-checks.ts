/**
 * The checks of one repository: its config, its target branch, the main checkout, where state,
 * lanes and gate checkouts go.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage, isLanesError } from '../../errors.js';
import { refSha, statusPorcelain } from '../../git/refs.js';
import type { Repo } from '../../git/repo.js';
import { loadConfig, parseConfig, resolveTarget } from '../config/load.js';
import type { LanesConfig } from '../config/schema.js';
import { dotSegment, integrationBase } from '../merge/checkout.js';
import { failedCheck, type DoctorCheck } from './check.js';

export async function loadConfigChecked(repo: Repo): Promise<[LanesConfig, DoctorCheck]> {
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

export async function targetCheck(repo: Repo, target: string): Promise<DoctorCheck> {
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
export async function cleanCheck(repo: Repo): Promise<DoctorCheck> {
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

export async function stateDirCheck(repo: Repo): Promise<DoctorCheck> {
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

/**
 * Test suites and libraries that refuse paths with a segment starting with "." (express's tests,
 * the `send` package) fail in a lane or gate checkout under one: warn, saying what to set.
 */
export function dotSegmentCheck(repo: Repo, cfg: LanesConfig): DoctorCheck {
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

/** The lexical rule is in the schema; this adds the symlink half (docs/safety.md rule 15). */
export async function worktreesDirCheck(repo: Repo, cfg: LanesConfig): Promise<DoctorCheck> {
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
