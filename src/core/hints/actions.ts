/**
 * Hints say what to do next, and the same hint reaches a person at the CLI and a model through
 * the MCP tools. So core never spells an action out: it names it with `act('process_merge_queue')`,
 * which leaves a marker in the text, and each entry point resolves the markers when it renders an
 * error or a result: the CLI (and the dashboard, read by people) says its command,
 * "`lanes merge run`"; the tools and the hooks (read by models) say the tool, "process_merge_queue".
 * A human-only action (forcing a removal) reads "run `lanes remove --force api`" at the CLI and
 * "ask a human to run `lanes remove --force api`" to a model. A marker that escapes resolution
 * still reads as the tool name: ⟦process_merge_queue⟧.
 */

export type Audience = 'cli' | 'tools';

interface ActionDef {
  /** The tool; absent for an action only a human may take. */
  tool?: string;
  /** What the tool takes, shown when no arguments are given: `{ topic, type }`. */
  shape?: string;
  /** The CLI command; `{arg}` is filled from the arguments, else shown as `<arg>`. */
  cli: string;
  /** Fixed tool arguments that make the tool do this action (`takeover: true`). */
  fixed?: string;
}

const ACTIONS = {
  plan_work: { tool: 'plan_work', cli: 'lanes plan <tasks file>' },
  get_plan: { tool: 'get_plan', cli: 'lanes plan' },
  next_tasks: { tool: 'next_tasks', cli: 'lanes next' },
  add_task: { tool: 'add_task', cli: 'lanes task add <id> <title>' },
  update_task: { tool: 'update_task', cli: 'lanes task set {task_id} <status>' },
  take_task: { tool: 'update_task', cli: 'lanes take {task_id}', fixed: 'takeover: true' },
  start_lane: { tool: 'start_lane', cli: 'lanes start {task_id}' },
  list_lanes: { tool: 'list_lanes', cli: 'lanes list' },
  remove_lane: { tool: 'remove_lane', cli: 'lanes remove {task_id}' },
  cleanup_lanes: { tool: 'cleanup_lanes', cli: 'lanes cleanup' },
  queue_merge: { tool: 'queue_merge', cli: 'lanes merge queue {task_id}' },
  process_merge_queue: { tool: 'process_merge_queue', cli: 'lanes merge run' },
  merge_status: { tool: 'merge_status', cli: 'lanes merge status' },
  list_claims: { tool: 'list_claims', cli: 'lanes claims' },
  release_files: { tool: 'release_files', cli: 'lanes release {owner}' },
  start_session: { tool: 'start_session', shape: '{ topic, type }', cli: 'lanes session start <topic>' },
  log_session: { tool: 'log_session', cli: 'lanes session log <kind> <text>' },
  end_session: { tool: 'end_session', cli: 'lanes session end <status> <summary>' },
  list_sessions: { tool: 'list_sessions', cli: 'lanes session list' },
  get_session: { tool: 'get_session', cli: 'lanes session show {session_id}' },
  force_remove: { cli: 'lanes remove --force {task_id}' },
  revert_landing: { cli: 'lanes merge revert {task_id}' },
} satisfies Record<string, ActionDef>;

/**
 * Action names from before the renaming in 0.2. Markers already stored in state (a task's note,
 * a queue entry's error) may carry them, so they resolve to the new action for good.
 */
const RENAMED = {
  start_task: 'start_lane',
  list_worktrees: 'list_lanes',
  remove_worktree: 'remove_lane',
  cleanup_worktrees: 'cleanup_lanes',
} as const;

export type ActionName = keyof typeof ACTIONS;
/** An action by its old name (still accepted; prefer the new one). */
export type OldActionName = keyof typeof RENAMED;

/** How the CLI's usage names an argument the tools call otherwise (`lanes start <task>`). */
const CLI_PLACEHOLDER: Record<string, string> = { task_id: 'task', session_id: 'id' };

const OPEN = '\u27e6';
const CLOSE = '\u27e7';
const MARKER = /\u27e6([a-z_]+)((?: [a-z_]+=[^\s\u27e7]*)*)\u27e7/g;

/** A marker naming `name` (with its arguments), for a hint or message. */
export function act(name: ActionName | OldActionName, args: Record<string, string> = {}): string {
  const a = Object.entries(args)
    .map(([k, v]) => ` ${k}=${encodeURIComponent(v)}`)
    .join('');
  return `${OPEN}${name}${a}${CLOSE}`;
}

/**
 * Every action a tool takes, with the argument names its markers may carry (the CLI placeholders
 * and the fixed arguments). A hint passes them to the tool as they are, so each must be an
 * argument of that tool.
 */
export function toolActions(): Array<{ action: ActionName; tool: string; args: string[] }> {
  return Object.entries(ACTIONS).flatMap(([action, d]) => {
    const def = d as ActionDef;
    if (!def.tool) return [];
    const args = [...def.cli.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!);
    if (def.fixed) args.push(...def.fixed.split(',').map((kv) => kv.split(':')[0]!.trim()));
    return [{ action: action as ActionName, tool: def.tool, args }];
  });
}

/** The text with every action marker said the way `audience` acts. */
export function speak(text: string, audience: Audience): string {
  if (!text.includes(OPEN)) return text;
  return text.replace(MARKER, (whole, name: string, rest: string) => {
    const key = Object.hasOwn(RENAMED, name) ? RENAMED[name as OldActionName] : name;
    const def = Object.hasOwn(ACTIONS, key) ? (ACTIONS[key as ActionName] as ActionDef) : undefined;
    if (!def) return whole;
    const args = new Map<string, string>();
    for (const kv of rest.trim().split(' ').filter(Boolean)) {
      const i = kv.indexOf('=');
      args.set(kv.slice(0, i), decodeURIComponent(kv.slice(i + 1)));
    }
    const cli = def.cli.replace(
      /\{([a-z_]+)\}/g,
      (_, k: string) => args.get(k) ?? `<${Object.hasOwn(CLI_PLACEHOLDER, k) ? CLI_PLACEHOLDER[k] : k}>`,
    );
    if (!def.tool) return audience === 'cli' ? `run \`${cli}\`` : `ask a human to run \`${cli}\``;
    if (audience === 'cli') return `\`${cli}\``;
    const parts = [...args].map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    if (def.fixed) parts.push(def.fixed);
    if (parts.length) return `${def.tool} { ${parts.join(', ')} }`;
    return def.shape ? `${def.tool} ${def.shape}` : def.tool;
  });
}

/** `speak` over every string in a JSON-shaped value (a result or a report), as a copy. */
export function speakAll<T>(value: T, audience: Audience): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return speak(v, audience);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
