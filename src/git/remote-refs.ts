/**
 * Single refs of the remote outside the shared documents: a configured remote's URL, one branch or
 * work ref fetched into a local mirror ref, and the mirror refs themselves.
 */
import { LanesError } from '../errors.js';
import { safeText } from '../util/escape.js';
import { git } from './exec.js';
import { isSha } from './refs.js';
import { assertRef, assertRemote, netGit, offlineError, OFFLINE_RE, type RemoteOptions } from './remote.js';

/** The URL of a configured remote, or undefined when `name` is not one. */
export async function remoteUrl(cwd: string, name: string): Promise<string | undefined> {
  assertRemote(name);
  if (!/^[A-Za-z0-9._-]+$/.test(name)) return undefined;
  const r = await git(cwd, ['config', '--get', `remote.${name}.url`], { okCodes: [1], readOnly: true });
  return r.exitCode === 0 ? r.stdout.trim() || undefined : undefined;
}

/**
 * Fetch one branch (or any ref) of the remote into a local ref `into`, forced: `into` is a mirror of
 * the remote's value, never a branch anyone works on. Returns the commit, undefined when the remote
 * has no such ref.
 */
export async function fetchRefInto(
  cwd: string,
  remote: string,
  ref: string,
  into: string,
  opts: RemoteOptions = {},
): Promise<string | undefined> {
  assertRemote(remote);
  assertRef(ref);
  if (!into.startsWith('refs/lanes-remote/')) throw new LanesError('INTERNAL', `fetch target ${into} is not a mirror ref`);
  const r = await netGit(
    cwd,
    remote,
    `fetch ${ref}`,
    ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, `+${ref}:${into}`],
    opts,
  );
  if (r.exitCode !== 0) {
    if (/couldn't find remote ref|no such ref/i.test(r.stderr)) return undefined;
    if (OFFLINE_RE.test(r.stderr) || r.exitCode === 128) throw offlineError(remote, `fetch ${ref}`, r.stderr);
    throw new LanesError('GIT', `git fetch ${remote} ${ref} failed: ${safeText(r.stderr.trim())}`);
  }
  const out = await git(cwd, ['rev-parse', '--verify', '--quiet', `${into}^{commit}`], { okCodes: [1], readOnly: true });
  return out.exitCode === 0 ? out.stdout.trim() : undefined;
}

/** Point a local mirror ref (refs/lanes-remote/...) at `sha`: what this clone last saw or pushed. */
export async function setMirrorRef(cwd: string, ref: string, sha: string): Promise<void> {
  if (!ref.startsWith('refs/lanes-remote/') || !isSha(sha)) throw new LanesError('INTERNAL', `bad mirror update ${ref} ${sha}`);
  await git(cwd, ['update-ref', ref, sha], { okCodes: [1, 128] });
}
