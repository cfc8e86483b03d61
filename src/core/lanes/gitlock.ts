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
  const file = path.join(repo.commonDir, 'info', 'exclude');
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  if (text.split('\n').some((l) => l.trim() === line)) return;
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  writeFileAtomic(file, `${text}${sep}# Lanes worktrees (one per task)\n${line}\n`, 0o644);
}
