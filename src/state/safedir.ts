/**
 * The state directory is private and real (docs/safety.md rule 12): mode 0700, and no symlink
 * anywhere between the git dir and it, so state can neither be read by other users nor redirected
 * to (and written through) some other place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../errors.js';

/** mkdir -p `dir` below `root` (default: its parent), refusing symlinked components; chmod 0700. */
export function ensurePrivateDir(dir: string, root?: string): void {
  const top = path.resolve(root ?? path.dirname(dir));
  const rel = path.relative(top, dir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new LanesError('INVALID_INPUT', `State directory ${dir} is not inside ${top}.`);
  }
  // The part above `root` is the user's business (home directories on symlinks are common).
  fs.mkdirSync(top, { recursive: true, mode: 0o700 });
  let cur = top;
  for (const part of rel.split(path.sep)) {
    cur = path.join(cur, part);
    let st = lstatOrUndefined(cur);
    if (!st) {
      try {
        fs.mkdirSync(cur, { mode: 0o700 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      st = fs.lstatSync(cur); // re-check what is there now, not what we meant to create
    }
    if (st.isSymbolicLink()) {
      throw new LanesError('UNSAFE', `Refusing to use state directory ${dir}: ${cur} is a symbolic link (to ${readLink(cur)}).`, {
        hint: `Lanes keeps its state in a real, private directory so it cannot be redirected elsewhere. Remove the link (rm ${cur}) and Lanes recreates the directory on the next command.`,
        details: { dir, link: cur },
      });
    }
    if (!st.isDirectory()) {
      throw new LanesError('UNSAFE', `Refusing to use state directory ${dir}: ${cur} is not a directory.`, {
        hint: `Move ${cur} out of the way and run the command again.`,
        details: { dir, path: cur },
      });
    }
  }
  const mode = fs.statSync(dir).mode & 0o777;
  if (mode & 0o077) fs.chmodSync(dir, 0o700);
}

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function readLink(p: string): string {
  try {
    return fs.readlinkSync(p);
  } catch {
    return '?';
  }
}
