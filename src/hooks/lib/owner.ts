/**
 * The claims owner an MCP caller in Claude Code session `sid` gets by default (mcpOwner): the
 * session's leases are the ones recorded under it, or with `session: sid`.
 */
import { mcpOwner } from '../../core/lanes/model.js';

export function sessionOwner(sid: string): string {
  return mcpOwner({ CLAUDE_SESSION_ID: sid, CLAUDE_CODE_SESSION_ID: sid } as NodeJS.ProcessEnv);
}
