/**
 * The repository-level 'git' lock (docs/safety.md rule 4) around every change to shared git
 * metadata: worktree add/remove/lock/unlock, branch create/delete, info/exclude. Re-entrant within
 * one async context, so recovery (which holds it) can call the same helpers as a normal command.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Repo } from '../../git/repo.js';
import { holdsLock, withLock, writeFileAtomic } from '../../state/index.js';

export function withGitLock<R>(repo: Repo, purpose: string, fn: () => Promise<R>): Promise<R> {
  if (holdsLock(repo.stateDir, 'git')) return fn();
  return withLock(repo.stateDir, 'git', () => fn(), { purpose });
}

/**
 * Adds `/<dir>/` to `<common dir>/info/exclude` once, so lanes never show up as untracked files of
 * the main checkout (and `git add -A` there never adds a lane as an embedded repository).
 * Call under the 'git' lock.
 */
export function ensureExcluded(repo: Repo, relDir: string): void {
  const line = `/${relDir
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/')}/`;
  addExcludes(repo, [line], 'Lanes worktrees (one per task)');
}

/**
 * Adds anchored patterns for what the setup commands made in a lane that git would otherwise
 * show as new files (a `.venv/` the project does not ignore, say): an agent's `git add -A` must
 * not commit a virtualenv, and the Stop hook must not count it as uncommitted work. Paths with
 * glob characters are left alone (reported by the caller). Call under the 'git' lock.
 */
export function excludeSetupOutputs(repo: Repo, untracked: readonly string[]): string[] {
  const lines = untracked.filter((p) => !/[*?[\]\\!#]|^\s|\s$/.test(p)).map((p) => `/${p}`);
  addExcludes(repo, lines, 'Lanes: made by the setup commands (.lanes/config.json "setup")');
  return lines;
}

function addExcludes(repo: Repo, lines: readonly string[], comment: string): void {
  const file = path.join(repo.commonDir, 'info', 'exclude');
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  const have = new Set(text.split('\n').map((l) => l.trim()));
  const add = lines.filter((l) => !have.has(l));
  if (add.length === 0) return;
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  writeFileAtomic(file, `${text}${sep}# ${comment}\n${add.join('\n')}\n`, 0o644);
}
