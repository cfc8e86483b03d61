/**
 * One vocabulary, without breaking the clients of the old one. Tools and arguments were renamed in
 * 0.2 so that the tools, the CLI and core say the same words: a lane is a lane (`start_lane`, not
 * `start_task` / a worktree), a task is `task_id`, a session `session_id`. For one release every
 * old tool name is still registered as an alias and every old argument name is still accepted;
 * both say they are deprecated and what to use instead.
 */
import { z } from 'zod';
import { log } from '../../util/log.js';
import type { ToolDef } from '../tool.js';

/** The release that drops the old names. */
export const REMOVED_IN = '0.3';

/** Old tool name → new tool name. */
export const RENAMED_TOOLS = {
  start_task: 'start_lane',
  list_worktrees: 'list_lanes',
  remove_worktree: 'remove_lane',
  cleanup_worktrees: 'cleanup_lanes',
} as const;

/** Per tool, old argument name → new argument name. */
export const RENAMED_ARGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  add_task: { id: 'task_id' },
  update_task: { id: 'task_id' },
  claim_files: { task: 'task_id' },
  log_session: { id: 'session_id' },
  end_session: { id: 'session_id' },
  get_session: { id: 'session_id' },
};

/** The one-line note for an old argument name. */
export function argNote(tool: string, old: string, now: string): string {
  return `${tool}: the argument "${old}" is deprecated (removed in ${REMOVED_IN}); use "${now}"`;
}

/**
 * `schema` that also accepts the old argument names of `tool` (RENAMED_ARGS), mapped to the new
 * ones before validation, with a note on stderr. The advertised JSON Schema is the new one only
 * (zod describes a preprocess by its target). Giving both names with different values is refused
 * by the strict schema as an unknown key, so nothing is silently dropped.
 */
export function acceptOldArgs<S extends z.ZodObject>(tool: string, schema: S): S {
  const renames = Object.hasOwn(RENAMED_ARGS, tool) ? RENAMED_ARGS[tool]! : {};
  const mapped = z.preprocess((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    let out: Record<string, unknown> | undefined;
    for (const [old, now] of Object.entries(renames)) {
      if (!Object.hasOwn(raw, old)) continue;
      const args = (out ??= { ...(raw as Record<string, unknown>) });
      if (Object.hasOwn(args, now) && args[now] !== args[old]) continue;
      args[now] = args[old];
      delete args[old];
      log.warn(argNote(tool, old, now));
    }
    return out ?? raw;
  }, schema);
  // The server and the SDK only validate and describe the schema; the handler sees its output type.
  return mapped as unknown as S;
}

/** The note an alias adds to every answer. */
export function toolNote(old: string, now: string): string {
  return `${old} is deprecated (removed in ${REMOVED_IN}); use ${now}, which takes the same arguments.`;
}

/**
 * The deprecated alias of `def` under its old name: same arguments and effect, its description
 * starting "Deprecated: use <new>", and a `deprecated` note in every answer.
 */
export function deprecatedAlias(def: ToolDef, old: string): ToolDef {
  const note = toolNote(old, def.name);
  return {
    ...def,
    name: old,
    title: `${def.title} (deprecated name)`,
    description: `Deprecated: use ${def.name} (same arguments; this name goes in ${REMOVED_IN}). ${def.description}`,
    output: def.output.extend({ deprecated: z.string().describe('This tool name is deprecated: what to call instead') }),
    async handle(input, ctx) {
      log.warn(note);
      return { ...(await def.handle(input, ctx)), deprecated: note };
    },
    render: (o) => `${note}\n${def.render(o)}`,
  };
}

/** The aliases of every renamed tool in `defs`. */
export function aliasesOf(defs: readonly ToolDef[]): ToolDef[] {
  return Object.entries(RENAMED_TOOLS).map(([old, now]) => {
    const def = defs.find((d) => d.name === now);
    if (!def) throw new Error(`renamed tool ${now} (was ${old}) is not registered`);
    return deprecatedAlias(def, old);
  });
}
