/**
 * Where gate checkouts live: by default a private directory under the system temp dir, so no
 * path segment starts with "." (test suites and libraries such as `send` refuse such paths);
 * `merge.integration_dir` moves it. Also the sweep of checkouts whose repository is gone.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import type { Repo } from '../../git/repo.js';

/** The default base: `<tmp>/lanes-<uid>/<repo name>-<hash of the git dir>`, private to this user. */
export function defaultIntegrationBase(repo: Repo): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const hash = crypto.createHash('sha256').update(repo.commonDir).digest('hex').slice(0, 10);
  const name =
    path
      .basename(repo.mainRoot)
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .replace(/^-+/, '')
      .slice(0, 40) || 'repo';
  return path.join(fs.realpathSync(os.tmpdir()), `lanes-${uid}`, `${name}-${hash}`);
}

/** Where the checkouts of this repository live, given the target's merge settings. */
export function integrationBase(repo: Repo, configured: string | undefined): string {
  if (configured === undefined) return defaultIntegrationBase(repo);
  return path.resolve(repo.mainRoot, configured);
}

/** A dot segment ("/.git/", "/.claude/") in an absolute path, or undefined. */
export function dotSegment(p: string): string | undefined {
  return path
    .resolve(p)
    .split(path.sep)
    .find((s) => s.startsWith('.') && s !== '.');
}

/**
 * Makes the base directory (mode 0700). Under the shared temp dir the top directory must be a
 * real directory owned by us: another user could have made it first to read or redirect our
 * checkouts.
 */
export function ensureBase(base: string, isDefault: boolean): void {
  const top = isDefault ? path.dirname(base) : base;
  fs.mkdirSync(top, { recursive: true, mode: 0o700 });
  const st = fs.lstatSync(top);
  const uid = typeof process.getuid === 'function' ? process.getuid() : st.uid;
  if (isDefault && (st.isSymbolicLink() || !st.isDirectory() || st.uid !== uid)) {
    throw new LanesError('UNSAFE', `${top} is not a private directory of this user (a symlink, or owned by someone else).`, {
      hint: `Remove it, or set merge.integration_dir in .lanes/config.json to a directory of your own (with no path segment starting with ".").`,
    });
  }
  if (isDefault && (st.mode & 0o077) !== 0) fs.chmodSync(top, 0o700);
  fs.mkdirSync(base, { recursive: true, mode: 0o700 });
}

/**
 * Under our private temp directory, removes gate checkouts whose repository is gone (deleted or
 * moved, or deleted and cloned again at the same path: the `.git` file points at an admin dir that
 * no longer exists). They are caches of ours
 * and nobody else can reach them; anything that does not look like one is left alone.
 */
export function sweepOrphans(top: string): void {
  let repos: string[];
  try {
    repos = fs.readdirSync(top);
  } catch {
    return;
  }
  for (const r of repos) {
    const repoDir = path.join(top, r);
    let names: string[];
    try {
      names = fs.readdirSync(repoDir);
    } catch {
      continue;
    }
    let left = names.length;
    for (const n of names) {
      const dir = path.join(repoDir, n);
      let gitdir: string;
      try {
        const m = /^gitdir: (.+)$/m.exec(fs.readFileSync(path.join(dir, '.git'), 'utf8'));
        if (!m) continue;
        gitdir = m[1]!.trim();
      } catch {
        continue;
      }
      // Its admin dir is gone: the repository was deleted or moved, or deleted and cloned again at
      // the same path (which then maps to this same base). git itself can no longer use it.
      if (path.isAbsolute(gitdir) && !fs.existsSync(gitdir)) {
        fs.rmSync(dir, { recursive: true, force: true });
        left--;
      }
    }
    if (left === 0) fs.rmSync(repoDir, { recursive: true, force: true });
  }
}
