/**
 * The gate checkout: one persistent private worktree per target (detached HEAD), reset between
 * candidates and set up with the target's `setup` commands, so gates run the way the project's own
 * tests run. Three things matter:
 *
 * - where: by default under a private directory in the system temp dir, so no path segment starts
 *   with "." (test suites and libraries such as `send` refuse such paths, and a checkout inside
 *   `.git/` has one); `merge.integration_dir` moves it;
 * - what survives a reset: everything untracked goes (`git clean -ffdx`), except what setup made
 *   (node_modules and the like), recorded after each setup run and excluded with `-e`;
 * - when setup runs again: a command with `when_changed` is skipped while the blobs of those files
 *   at the tested commit hash to the key recorded for it. The key is cleared before the command
 *   runs and written only after it succeeded, so a crash mid-setup never leaves a checkout that is
 *   believed set up.
 *
 * Every checkout is recorded in the `integration` state document (intent before `worktree add`);
 * only a recorded directory inside its recorded root that git knows as our worktree is removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { defineDoc } from '../../state/define.js';
import { indexListing, untrackedEntries } from '../../git/files.js';
import { commonDirOf, type Repo } from '../../git/repo.js';
import { forceRemoveWorktree } from '../../git/worktree.js';
import { runCommand } from '../../system/command.js';
import { failpoint } from '../../util/failpoint.js';
import { isInside } from '../../util/paths.js';
import type { SetupConfig } from '../config/schema.js';
import type { Project } from '../project/project.js';
import { withGitLock } from '../lanes/gitlock.js';
import { defaultIntegrationBase, dotSegment, ensureBase, integrationBase, sweepOrphans } from './checkout-paths.js';
import { addIntegrationWorktree } from '../../git/merge.js';
import type { GateLog } from './logs.js';

export { defaultIntegrationBase, dotSegment, integrationBase };

export interface CheckoutRecord {
  target: string;
  dir: string;
  /** The directory it was made in; removal is refused outside it. */
  root: string;
  /** false from just before `worktree add` until it finished. */
  ready: boolean;
  /** Untracked paths setup made, kept across resets (repository-relative, "/" for directories). */
  keep: string[];
  /** Per setup command name: the key of what it last ran against successfully. */
  setup: Record<string, string>;
}

interface IntegrationDoc {
  checkouts: CheckoutRecord[];
}

const emptyDoc = (): IntegrationDoc => ({ checkouts: [] });

function docOf(d: IntegrationDoc): IntegrationDoc {
  if (!Array.isArray(d.checkouts)) d.checkouts = [];
  return d;
}

export const INTEGRATION_DOC = defineDoc<IntegrationDoc>({ name: 'integration', empty: emptyDoc, normalize: docOf });

function checkoutName(target: string): string {
  const plain =
    target
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'target';
  return `${plain}-${crypto.createHash('sha256').update(target).digest('hex').slice(0, 8)}`;
}

/** True when `dir` is a worktree of this repository (its .git points into our common dir). */
async function isOurWorktree(repo: Repo, dir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(dir, '.git'))) return false;
  const common = await commonDirOf(dir);
  if (common === undefined) return false;
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  };
  return real(common) === real(repo.commonDir);
}

/**
 * Removes a recorded checkout: only inside its recorded root, and only if what is there is our
 * worktree (or nothing). Call under the 'git' lock. It holds nothing but our own build output, so
 * it goes with --force.
 */
export async function removeCheckoutDir(repo: Repo, rec: Pick<CheckoutRecord, 'dir' | 'root'> & { ready?: boolean }): Promise<void> {
  const dir = path.resolve(rec.dir);
  if (!isInside(path.resolve(rec.root), dir) || dir === path.resolve(rec.root)) {
    throw new LanesError('INTERNAL', `Refusing to remove ${dir}: not a gate checkout under ${rec.root}.`);
  }
  // A `worktree add` killed before it wrote `.git` leaves a directory only our record explains.
  const halfMade = rec.ready === false && fs.existsSync(dir) && !fs.existsSync(path.join(dir, '.git'));
  if (halfMade) fs.rmSync(dir, { recursive: true, force: true });
  if (fs.existsSync(dir) && !(await isOurWorktree(repo, dir))) {
    throw new LanesError('UNSAFE', `${dir} exists but is not a gate checkout of this repository; Lanes leaves it alone.`, {
      hint: 'Move it away, or set merge.integration_dir in .lanes/config.json to another directory.',
    });
  }
  await forceRemoveWorktree(repo.mainRoot, dir);
  if (fs.existsSync(dir) && (await isOurWorktree(repo, dir))) fs.rmSync(dir, { recursive: true, force: true });
  // The admin entry of a directory that vanished without `worktree remove` (a wiped temp dir).
  const admin = path.join(repo.commonDir, 'worktrees');
  for (const name of fs.existsSync(admin) ? fs.readdirSync(admin) : []) {
    try {
      if (path.resolve(fs.readFileSync(path.join(admin, name, 'gitdir'), 'utf8').trim()) === path.join(dir, '.git')) {
        fs.rmSync(path.join(admin, name), { recursive: true, force: true });
      }
    } catch {
      // not an admin dir
    }
  }
}

async function updateRecord(
  project: Project,
  target: string,
  fn: (r: CheckoutRecord | undefined, doc: IntegrationDoc) => void,
): Promise<void> {
  await project.store.transact(async (tx) => {
    const doc = tx.get(INTEGRATION_DOC);
    fn(
      doc.checkouts.find((c) => c.target === target),
      doc,
    );
  });
}

export async function readCheckouts(project: Project): Promise<CheckoutRecord[]> {
  return (await project.store.read(INTEGRATION_DOC)).data.checkouts;
}

/**
 * The target's gate checkout, made (or re-made, when it moved, vanished or was half made) at
 * `at`. Returns its record.
 */
export async function ensureCheckout(
  project: Project,
  target: string,
  at: string,
  configuredDir: string | undefined,
): Promise<CheckoutRecord> {
  const { repo } = project;
  const root = integrationBase(repo, configuredDir);
  const dir = path.join(root, checkoutName(target));
  const rec = (await readCheckouts(project)).find((c) => c.target === target);
  if (rec && rec.ready && rec.dir === dir && (await isOurWorktree(repo, dir))) return rec;
  await withGitLock(repo, 'merge queue: gate checkout', async () => {
    if (rec) await removeCheckoutDir(repo, rec);
    // Intent first: a crash during `worktree add` leaves a record that is not ready, removed next time.
    await updateRecord(project, target, (_r, doc) => {
      doc.checkouts = doc.checkouts.filter((c) => c.target !== target);
      doc.checkouts.push({ target, dir, root, ready: false, keep: [], setup: {} });
    });
    ensureBase(root, configuredDir === undefined);
    if (configuredDir === undefined) sweepOrphans(path.dirname(root));
    if (fs.existsSync(dir)) await removeCheckoutDir(repo, { dir, root });
    await addIntegrationWorktree(repo, dir, at);
  });
  await updateRecord(project, target, (r) => {
    if (r) r.ready = true;
  });
  return { target, dir, root, ready: true, keep: [], setup: {} };
}

/** Removes every recorded checkout that is not ready (a crash mid-creation). Under the queue lock. */
export async function removeUnreadyCheckouts(project: Project): Promise<void> {
  const bad = (await readCheckouts(project)).filter((c) => !c.ready);
  if (!bad.length) return;
  await withGitLock(project.repo, 'merge queue: remove half-made gate checkouts', async () => {
    for (const c of bad) await removeCheckoutDir(project.repo, c);
  });
  await updateRecord(project, '', (_r, doc) => {
    doc.checkouts = doc.checkouts.filter((c) => c.ready);
  });
}

/** The key of a setup command at the checked-out commit: its definition and its files' blobs. */
async function setupKey(dir: string, cmd: SetupConfig): Promise<string | undefined> {
  if (!cmd.when_changed) return undefined;
  const specs = cmd.when_changed.map((p) => `:(top,glob)${p}`);
  const files = await indexListing(dir, specs);
  const h = crypto.createHash('sha256');
  h.update(JSON.stringify([cmd.command, cmd.env ?? {}, cmd.when_changed]));
  h.update('\0');
  h.update(files);
  return h.digest('hex');
}

export type SetupOutcome =
  | { ok: true; ran: string[]; skipped: string[] }
  | {
      ok: false;
      ran: string[];
      skipped: string[];
      failed: { gate: string; why: string; output: string; exit_code: number | null; timed_out: boolean; unrunnable?: boolean };
    };

/**
 * Runs the target's setup in the checkout (already reset to the candidate), skipping commands
 * whose `when_changed` files are unchanged since they last succeeded here.
 */
export async function setupCheckout(
  project: Project,
  rec: CheckoutRecord,
  setup: readonly SetupConfig[],
  ctx: { env: Record<string, string>; log: GateLog; onSpawn?: (pgid: number) => void | Promise<void> },
): Promise<SetupOutcome> {
  const ran: string[] = [];
  const skipped: string[] = [];
  for (const cmd of setup) {
    const key = await setupKey(rec.dir, cmd);
    if (key !== undefined && Object.hasOwn(rec.setup, cmd.name) && rec.setup[cmd.name] === key) {
      ctx.log.note(`==> setup ${cmd.name}: skipped (${cmd.when_changed!.join(', ')} unchanged)`);
      skipped.push(cmd.name);
      continue;
    }
    if (Object.hasOwn(rec.setup, cmd.name)) {
      delete rec.setup[cmd.name];
      await updateRecord(project, rec.target, (r) => {
        if (r) delete r.setup[cmd.name];
      });
    }
    ctx.log.note(`==> setup ${cmd.name}: ${cmd.command.join(' ')}`);
    const r = await runCommand(cmd.command, {
      cwd: rec.dir,
      env: { ...ctx.env, ...cmd.env },
      timeoutMs: cmd.timeout_seconds * 1000,
      maxOutputBytes: 256 * 1024,
      onOutput: (b) => ctx.log.write(b),
      onSpawn: async (pgid) => {
        await ctx.onSpawn?.(pgid);
        await failpoint('merge.during-setup');
      },
    });
    ran.push(cmd.name);
    const ok = !r.timedOut && r.exitCode === 0 && !r.error;
    ctx.log.note(`<== setup ${cmd.name}: ${ok ? 'ok' : 'failed'} (exit ${r.exitCode ?? r.signal ?? r.error}, ${r.durationMs} ms)`);
    if (!ok) {
      const why = r.timedOut
        ? `timed out after ${cmd.timeout_seconds} s (its process group was killed)`
        : r.error
          ? `could not start (${r.error})`
          : r.signal
            ? `was killed by ${r.signal}`
            : `exited with code ${r.exitCode}`;
      return {
        ok: false,
        ran,
        skipped,
        failed: {
          gate: `setup ${cmd.name}`,
          why,
          output: r.output,
          exit_code: r.exitCode,
          timed_out: r.timedOut,
          ...(r.error ? { unrunnable: true } : {}),
        },
      };
    }
    // What setup leaves untracked is kept across resets from now on.
    const made = await untrackedEntries(rec.dir);
    rec.keep = [...new Set([...rec.keep, ...made])].sort();
    if (key !== undefined) rec.setup[cmd.name] = key;
    await updateRecord(project, rec.target, (x) => {
      if (!x) return;
      x.keep = rec.keep;
      if (key !== undefined) x.setup[cmd.name] = key;
    });
  }
  return { ok: true, ran, skipped };
}

/** Removes every gate checkout of this repository (each is re-made on the next gate run). */
export async function removeGateCheckouts(project: Project): Promise<string[]> {
  const all = await readCheckouts(project);
  if (!all.length) return [];
  await withGitLock(project.repo, 'merge queue: remove gate checkouts', async () => {
    for (const c of all) await removeCheckoutDir(project.repo, c);
  });
  await updateRecord(project, '', (_r, doc) => {
    doc.checkouts = doc.checkouts.filter((c) => !all.some((a) => a.target === c.target));
  });
  return all.map((c) => c.dir);
}
