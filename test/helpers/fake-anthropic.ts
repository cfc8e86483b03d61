/**
 * A scripted stand-in for the Anthropic Messages API, so the real `claude` binary can run whole
 * sessions offline (docs/claude-code.md). Point the client at it with
 * `ANTHROPIC_BASE_URL=<url>` and any ANTHROPIC_API_KEY.
 *
 * The client sends `POST /v1/messages?beta=true` with `stream: true`; each answer is a server-sent
 * event stream: message_start, then per block content_block_start / _delta / _stop, then
 * message_delta (stop_reason `tool_use` or `end_turn`) and message_stop. After a tool_use turn the
 * next request carries the tool_result.
 *
 * Requests are routed statelessly, so concurrent subagents work: a request belongs to the first
 * `conversations` entry whose `match` occurs in its first user message (a subagent's first user
 * message is its prompt), else to `main`. Its step is the number of assistant messages already in
 * the request. A step is data, or a function of the request (to use what an earlier tool returned).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolCall {
  name: string;
  input: Record<string, unknown>;
}

export interface Step {
  text?: string;
  tools?: ToolCall[];
}

export interface MessagesRequest {
  model?: string;
  stream?: boolean;
  system?: unknown;
  tools?: Array<{ name: string }>;
  messages: Array<{ role: string; content: unknown }>;
}

export type StepFn = (req: MessagesRequest) => Step;

export interface Conversation {
  /** Text that occurs in the conversation's first user message (e.g. "Lanes task: a"). */
  match: string;
  steps: Array<Step | StepFn>;
}

export interface FakeOptions {
  main: Array<Step | StepFn>;
  conversations?: Conversation[];
}

export interface Recorded {
  route: string;
  turn: number;
  request: MessagesRequest;
  step?: Step;
}

export interface FakeAnthropic {
  url: string;
  requests: Recorded[];
  /** Requests that ran past the end of their script, and other surprises. */
  problems: string[];
  close(): Promise<void>;
}

/** Text of a message's content (a string, or the text of its blocks and tool results). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((b: any) => {
      if (!b || typeof b !== 'object') return '';
      if (b.type === 'text') return String(b.text ?? '');
      if (b.type === 'tool_result') return contentText(b.content);
      return '';
    })
    .join('\n');
}

/** The tool results in the request's last user message. */
export function toolResults(req: MessagesRequest): Array<{ id: string; text: string; isError: boolean }> {
  const last = [...req.messages].reverse().find((m) => m.role === 'user');
  if (!last || !Array.isArray(last.content)) return [];
  return (last.content as any[])
    .filter((b) => b?.type === 'tool_result')
    .map((b) => ({ id: String(b.tool_use_id), text: contentText(b.content), isError: b.is_error === true }));
}

/** Text of the request's last user message (a hook's feedback arrives this way). */
export function lastUserText(req: MessagesRequest): string {
  const last = [...req.messages].reverse().find((m) => m.role === 'user');
  return last ? contentText(last.content) : '';
}

function firstUserText(req: MessagesRequest): string {
  const first = req.messages.find((m) => m.role === 'user');
  return first ? JSON.stringify(first.content) : '';
}

function sse(res: http.ServerResponse, model: string, id: string, step: Step): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const ev = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  ev('message_start', {
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 1 },
    },
  });
  let index = 0;
  if (step.text) {
    ev('content_block_start', { index, content_block: { type: 'text', text: '' } });
    ev('content_block_delta', { index, delta: { type: 'text_delta', text: step.text } });
    ev('content_block_stop', { index });
    index++;
  }
  for (const t of step.tools ?? []) {
    ev('content_block_start', { index, content_block: { type: 'tool_use', id: `toolu_${id}_${index}`, name: t.name, input: {} } });
    ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(t.input) } });
    ev('content_block_stop', { index });
    index++;
  }
  ev('message_delta', {
    delta: { stop_reason: step.tools?.length ? 'tool_use' : 'end_turn', stop_sequence: null },
    usage: { output_tokens: 5 },
  });
  ev('message_stop', {});
  res.end();
}

export async function startFakeAnthropic(opts: FakeOptions): Promise<FakeAnthropic> {
  const requests: Recorded[] = [];
  const problems: string[] = [];
  let n = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: MessagesRequest;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        body = { messages: [] };
      }
      const url = req.url ?? '';
      if (req.method !== 'POST' || !url.startsWith('/v1/messages') || url.includes('count_tokens')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ input_tokens: 10 }));
        return;
      }
      if (!Array.isArray(body.messages)) body.messages = [];
      const first = firstUserText(body);
      const conv = opts.conversations?.find((c) => first.includes(c.match));
      const steps = conv ? conv.steps : opts.main;
      const route = conv ? conv.match : 'main';
      const turn = body.messages.filter((m) => m.role === 'assistant').length;
      const entry = steps[turn];
      let step: Step;
      if (entry === undefined) {
        problems.push(`${route}: no scripted step ${turn} (last user message: ${lastUserText(body).slice(0, 300)})`);
        step = { text: '(end of script)' };
      } else {
        try {
          step = typeof entry === 'function' ? entry(body) : entry;
        } catch (e) {
          problems.push(`${route} step ${turn} threw: ${(e as Error).message}`);
          step = { text: '(script error)' };
        }
      }
      requests.push({ route, turn, request: body, step });
      const id = `msg_${++n}`;
      if (body.stream === false) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id,
            type: 'message',
            role: 'assistant',
            model: body.model,
            content: [{ type: 'text', text: step.text ?? 'ok' }],
            stop_reason: 'end_turn',
            usage: { input_tokens: 10, output_tokens: 5 },
          }),
        );
        return;
      }
      sse(res, body.model ?? 'claude-test', id, step);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    problems,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
