/**
 * Which lane a subagent works for. A subagent's working directory is pinned to the session's
 * launch directory (Claude Code 2.1.330: `cd` inside a subagent's Bash does not persist, and
 * EnterWorktree is refused from the repository root), so a lane worker dispatched by /parallel
 * runs with `cwd` = the main checkout and edits its lane by absolute path. Its task is named in the
 * first line of its prompt (`Lanes task: <id>`, written by the /parallel skill), and the hooks read
 * that prompt back from the subagent's transcript: SubagentStop is given the transcript's path
 * (`agent_transcript_path`); other events get the session's `transcript_path`, next to which Claude
 * Code keeps `<session id>/subagents/agent-<agent id>.jsonl`. Only the first 64 KB are read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { str, type HookInput } from './input.js';

export const TASK_MARKER = 'Lanes task:';
const MARKER_RE = /Lanes task:\s*`?([a-z0-9][a-z0-9-]{0,62})(?![a-z0-9-])/;
const ID_RE = /^[A-Za-z0-9_-]{1,128}$/;
const HEAD_BYTES = 64 * 1024;

/** The subagent's transcript file, when the input is from a subagent. */
export function subagentTranscript(input: HookInput): string | undefined {
  const agent = str(input, 'agent_id');
  if (!agent || !ID_RE.test(agent)) return undefined;
  const given = str(input, 'agent_transcript_path');
  if (given) return given;
  const main = str(input, 'transcript_path');
  const session = str(input, 'session_id');
  if (!main || !session || !ID_RE.test(session)) return undefined;
  return path.join(path.dirname(main), session, 'subagents', `agent-${agent}.jsonl`);
}

function readHead(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The text of the first user message of a transcript (JSONL: one record per line). */
export function firstPrompt(head: string): string | undefined {
  for (const line of head.split('\n')) {
    if (!line.trim()) continue;
    let rec: { type?: unknown; message?: { role?: unknown; content?: unknown } };
    try {
      rec = JSON.parse(line);
    } catch {
      return undefined; // cut off at HEAD_BYTES, or not a transcript
    }
    if (rec.type !== 'user' || rec.message?.role !== 'user') continue;
    const c = rec.message.content;
    if (typeof c === 'string') return c;
    if (Array.isArray(c)) {
      return c
        .map((b: unknown) =>
          b && typeof b === 'object' && (b as { type?: unknown }).type === 'text' ? String((b as { text?: unknown }).text ?? '') : '',
        )
        .join('\n');
    }
    return undefined;
  }
  return undefined;
}

/** The task id in a prompt's `Lanes task: <id>` marker. */
export function taskInPrompt(prompt: string): string | undefined {
  return MARKER_RE.exec(prompt)?.[1];
}

/** The task a subagent was dispatched for, or undefined (not a subagent, no marker, unreadable). */
export function subagentTask(input: HookInput): string | undefined {
  const file = subagentTranscript(input);
  if (!file) return undefined;
  const head = readHead(file);
  const prompt = head === undefined ? undefined : firstPrompt(head);
  return prompt === undefined ? undefined : taskInPrompt(prompt);
}
