/** History queries: merge bases, commit counts and one-line logs. Read-only (docs/safety.md rule 7). */
import { git } from './exec.js';

/** The merge base of `a` and `b`, or undefined when they share no history (or one does not exist). */
export async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  const r = await git(cwd, ['merge-base', '--end-of-options', a, b], { readOnly: true, okCodes: [1, 128] });
  return r.exitCode === 0 ? r.stdout.trim() || undefined : undefined;
}

/**
 * How many commits `git rev-list --count <revs>` counts (e.g. [`a..b`] or [tip, `^ref`]); 0 when
 * git prints nothing countable. `revs` are shas and refs the caller built, never user text.
 */
export async function countCommits(cwd: string, revs: string[]): Promise<number> {
  const r = await git(cwd, ['rev-list', '--count', ...revs], { readOnly: true });
  return Number.parseInt(r.stdout.trim(), 10) || 0;
}

/**
 * Short sha and subject of the commits in `range` (e.g. [`a..HEAD`] or ['HEAD']), newest first, at
 * most `max`. Undefined when git cannot read the range (an unborn branch, a missing commit).
 */
export async function shortLog(cwd: string, range: string[], max: number): Promise<Array<{ short: string; subject: string }> | undefined> {
  const r = await git(cwd, ['log', '--no-color', '--format=%h%x00%s', `--max-count=${max}`, ...range, '--'], {
    readOnly: true,
    okCodes: [128],
  });
  if (r.exitCode !== 0) return undefined;
  const out: Array<{ short: string; subject: string }> = [];
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const [short = '', subject = ''] = line.split('\0');
    out.push({ short, subject });
  }
  return out;
}
