/**
 * The MCP server factory. Nothing runs on import; `createServer()` returns `{ server, cleanup }`,
 * and the entry point (src/cli/commands/mcp.ts) only picks the transport.
 */
import { McpServer } from '@modelcontextprotocol/server';
import { speak, speakAll } from '../core/hints/actions.js';
import { LanesError, errorMessage } from '../errors.js';
import type { Repo } from '../git/repo.js';
import { safeBlock } from '../util/escape.js';
import { log } from '../util/log.js';
import { selectRepo } from './repo-select.js';
import { VERSION } from '../version.js';
import { advertisedInput, annotationsFor, parseToolInput, withoutUndefined, type ToolContext, type ToolDef } from './tool.js';
import { tools } from './tools/index.js';

export const INSTRUCTIONS = `Lanes coordinates several coding agents on one git repository.
Typical chain: plan_work (tasks with depends_on and file scopes -> waves, conflicts, speedup) ->
next_tasks (what can start now) -> start_lane (a worktree "lane" per task, claims its files) ->
work inside the lane, committing -> queue_merge -> process_merge_queue (gates run, target advances
atomically). status shows everything at a glance. Tools that fail return isError with the fix.`;

export interface ServerOptions {
  /** The server's own directory (default: CLAUDE_PROJECT_DIR, else the process's cwd). */
  cwd?: string;
  /** The repository to work on, whatever the client's roots say (`lanes mcp --repo`). */
  repo?: string;
}

export interface LanesMcpServer {
  server: McpServer;
  cleanup: () => Promise<void>;
  /** The repositories tools used this session: where the session's leases are. */
  reposUsed: () => Repo[];
}

export function createServer(opts: ServerOptions = {}): LanesMcpServer {
  const cwd = opts.cwd ?? process.env.CLAUDE_PROJECT_DIR ?? process.cwd();
  const selection = selectRepo({ cwd, ...(opts.repo !== undefined ? { repo: opts.repo } : {}) });
  const ctx: ToolContext = {
    get cwd() {
      return selection.cwd;
    },
    repo: () => selection.repo(),
  };
  const server = new McpServer({ name: 'lanes', version: VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  for (const def of tools) registerTool(server, def as ToolDef, ctx);
  // Clients that start the server outside the project say where it is through roots.
  const low = server.server;
  const refresh = () => {
    if (low.getClientCapabilities()?.roots) void selection.refreshRoots(() => low.listRoots());
  };
  low.oninitialized = refresh;
  low.setNotificationHandler('notifications/roots/list_changed', refresh);
  return { server, cleanup: async () => server.close(), reposUsed: () => selection.used() };
}

function registerTool(server: McpServer, def: ToolDef, ctx: ToolContext): void {
  server.registerTool(
    def.name,
    {
      title: def.title,
      description: def.description,
      inputSchema: advertisedInput(def.input),
      outputSchema: def.output,
      annotations: annotationsFor(def),
    },
    async (args: unknown) => {
      try {
        const out = await def.handle(parseToolInput(def, args) as never, ctx);
        // Hints in results and errors name tools (core names actions, see core/hints/actions.ts); the text
        // quotes stored data (topics, notes, gate output) and is shown on a terminal.
        const said = withoutUndefined(speakAll(out, 'tools'));
        return {
          content: [{ type: 'text' as const, text: safeBlock(speak(def.render(said as never), 'tools')) }],
          structuredContent: said as Record<string, unknown>,
        };
      } catch (e) {
        return errorResult(def.name, e);
      }
    },
  );
}

/** The one place tool errors become results: expected failures say what to do next. */
export function errorResult(tool: string, e: unknown) {
  if (!(e instanceof LanesError) || e.code === 'INTERNAL') log.error(`${tool} failed`, e instanceof Error ? e.stack : e);
  const code = e instanceof LanesError ? e.code : 'INTERNAL';
  const text =
    e instanceof LanesError
      ? `${code}: ${errorMessage(e)}`
      : `INTERNAL: ${errorMessage(e)} (this is a Lanes bug; the details are on the server's stderr)`;
  return { isError: true, content: [{ type: 'text' as const, text: speak(text, 'tools') }] };
}
