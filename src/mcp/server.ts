/**
 * The MCP server factory. Nothing runs on import; `createServer()` returns `{ server, cleanup }`,
 * and the entry point (src/cli/commands/mcp.ts) only picks the transport.
 */
import { McpServer } from '@modelcontextprotocol/server';
import { LanesError, errorMessage } from '../errors.js';
import { resolveRepo, type Repo } from '../git/repo.js';
import { safeBlock } from '../render/escape.js';
import { log } from '../util/log.js';
import { VERSION } from '../version.js';
import { advertisedInput, annotationsFor, parseToolInput, type ToolContext, type ToolDef } from './tool.js';
import { tools } from './tools/index.js';

export const INSTRUCTIONS = `Lanes coordinates several coding agents on one git repository.
Typical chain: plan_work (tasks with depends_on and file scopes -> waves, conflicts, speedup) ->
next_tasks (what can start now) -> start_task (a worktree "lane" per task, claims its files) ->
work inside the lane, committing -> queue_merge -> process_merge_queue (gates run, target advances
atomically). status shows everything at a glance. Tools that fail return isError with the fix.`;

export interface ServerOptions {
  cwd?: string;
}

export function createServer(opts: ServerOptions = {}): { server: McpServer; cleanup: () => Promise<void> } {
  const cwd = opts.cwd ?? process.env.CLAUDE_PROJECT_DIR ?? process.cwd();
  let repoPromise: Promise<Repo> | undefined;
  const ctx: ToolContext = {
    cwd,
    repo: () => {
      // A failure is not cached: the user may `git init` and retry.
      repoPromise ??= resolveRepo(cwd).catch((e) => {
        repoPromise = undefined;
        throw e;
      });
      return repoPromise;
    },
  };
  const server = new McpServer(
    { name: 'lanes', version: VERSION },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  for (const def of tools) registerTool(server, def as ToolDef, ctx);
  return { server, cleanup: async () => server.close() };
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
        // The text quotes stored data (topics, notes, gate output) and is shown on a terminal.
        return { content: [{ type: 'text' as const, text: safeBlock(def.render(out as never)) }], structuredContent: out as Record<string, unknown> };
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
  const text = e instanceof LanesError ? `${code}: ${errorMessage(e)}` : `INTERNAL: ${errorMessage(e)} (this is a Lanes bug; the details are on the server's stderr)`;
  return { isError: true, content: [{ type: 'text' as const, text }] };
}
