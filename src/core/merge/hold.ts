/**
 * Gates a lane cannot quietly remove. A lane may change `.lanes/config.json` like any file, and
 * once that lands the target's gates are what the lane wrote: the next red lane would land with
 * "nothing was checked". So a landing whose config weakens the target's checks is held for a
 * human (`lanes merge approve`, CLI only): a gate removed or its command or environment changed, a
 * timeout shortened, a setup command removed or changed, the hold itself switched off, or a config
 * that no longer parses. Adding or strengthening gates goes through.
 */
import { errorMessage, LanesError } from '../../errors.js';
import { assertSlug } from '../../util/slug.js';
import type { LanesConfig } from '../config/schema.js';
import type { Project } from '../project/project.js';
import { queueIn } from './after.js';
import { activeEntry, nowIso, type MergeEntry } from './model.js';
import { entryView, type EntryView } from './status.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How `next` weakens the checks of `cur` (the target's config), in words; [] when it does not. */
export function gateWeakenings(cur: LanesConfig, next: LanesConfig): string[] {
  const out: string[] = [];
  for (const g of cur.gates) {
    const n = next.gates.find((x) => x.name === g.name);
    if (!n) out.push(`removes gate "${g.name}"`);
    else {
      if (!same(n.command, g.command))
        out.push(`changes the command of gate "${g.name}" (${JSON.stringify(g.command)} → ${JSON.stringify(n.command)})`);
      if (!same(n.env ?? {}, g.env ?? {})) out.push(`changes the environment of gate "${g.name}"`);
      if (n.timeout_seconds < g.timeout_seconds)
        out.push(`shortens the timeout of gate "${g.name}" (${g.timeout_seconds} s → ${n.timeout_seconds} s)`);
    }
  }
  for (const s of cur.setup) {
    const n = next.setup.find((x) => x.name === s.name);
    if (!n) out.push(`removes setup command "${s.name}"`);
    else if (!same(n.command, s.command) || !same(n.env ?? {}, s.env ?? {})) out.push(`changes setup command "${s.name}"`);
  }
  if (cur.merge.hold_gate_changes && !next.merge.hold_gate_changes) out.push('turns off merge.hold_gate_changes');
  return out;
}

/**
 * Why landing `commit` on a target whose config is `cur` must wait for a human, or undefined.
 * `load` reads the config committed at the candidate; a config that does not parse would stop the
 * queue after landing, so it is held too.
 */
export async function holdReason(cur: LanesConfig, load: () => Promise<LanesConfig>): Promise<string | undefined> {
  if (!cur.merge.hold_gate_changes) return undefined;
  let next: LanesConfig;
  try {
    next = await load();
  } catch (e) {
    return `its .lanes/config.json does not load (${errorMessage(e).split('\n')[0]}); landing it would stop the merge queue`;
  }
  const w = gateWeakenings(cur, next);
  return w.length ? `it weakens the gates of ${cur.target}: it ${w.join('; ')}` : undefined;
}

/**
 * A human's decision: the held entry of `task` goes back to the queue in its place, approved for
 * exactly the commit it was queued with (a new queueing needs a new approval).
 */
export async function approveMerge(project: Project, taskId: string, by: string): Promise<{ entry: EntryView }> {
  const task = assertSlug(taskId);
  const e = await project.store.transact(async (tx) => {
    const doc = queueIn(tx);
    const cur = activeEntry(doc, task);
    if (!cur || cur.state !== 'held') {
      throw new LanesError('NOT_FOUND', `Task ${task} has no held merge entry${cur ? ` (its entry ${cur.id} is ${cur.state})` : ''}.`, {
        hint: 'Only an entry held for changing the gates needs approval; `lanes merge status` shows the queue.',
      });
    }
    cur.state = 'queued';
    cur.approved = { by, at: nowIso(), tip: cur.tip };
    cur.last_error = `approved by ${by}: ${cur.held_reason ?? 'gate change'}`;
    return { ...cur } as MergeEntry;
  });
  await project.store.appendEvent('merge.approved', { task, entry: e.id, by });
  return { entry: entryView(e) };
}
