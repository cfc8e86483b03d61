/**
 * "Last activity" of an agent from one line of its output. Claude Code's stream-json output
 * (`--output-format stream-json --verbose`) is one JSON event per line: a tool call becomes
 * "Edit src/a.ts", text becomes its first line, the final result "done: <subtype>". Any other
 * agent's line is shown as it is (trimmed). Returns undefined for lines not worth showing.
 */
const MAX = 160;

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX ? `${one.slice(0, MAX - 3)}...` : one;
}

function toolSummary(name: string, input: Record<string, unknown> | undefined): string {
  const short = name.replace(/^mcp__plugin_lanes_lanes__/, 'lanes.');
  const arg = input?.file_path ?? input?.path ?? input?.command ?? input?.pattern ?? input?.query ?? input?.task_id;
  return typeof arg === 'string' ? `${short} ${arg}` : short;
}

export function activityOf(line: string): string | undefined {
  const s = line.trim();
  if (!s) return undefined;
  if (s[0] !== '{') return clip(s);
  let ev: Record<string, unknown>;
  try {
    ev = JSON.parse(s) as Record<string, unknown>;
  } catch {
    return clip(s);
  }
  const type = ev.type;
  if (type === 'assistant') {
    const content = (ev.message as { content?: unknown[] } | undefined)?.content ?? [];
    for (const c of [...content].reverse() as Array<Record<string, unknown>>) {
      if (c.type === 'tool_use' && typeof c.name === 'string') return clip(toolSummary(c.name, c.input as Record<string, unknown>));
      if (c.type === 'text' && typeof c.text === 'string' && c.text.trim()) return clip(c.text.trim().split('\n')[0]!);
    }
    return undefined;
  }
  if (type === 'result') return clip(`done: ${String(ev.subtype ?? 'result')}${ev.is_error ? ' (error)' : ''}`);
  if (type === 'system' && ev.subtype === 'init') return 'session started';
  // user (tool results), stream deltas, hook events: too noisy for one line.
  return undefined;
}
