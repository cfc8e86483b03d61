/**
 * hooks/launch.sh starts the plugin's hooks and its MCP server without NODE_EXTRA_CA_CERTS (with
 * it, Node builds its whole TLS root store before running a line, and neither opens a TLS
 * connection) and hands the value on as LANES_NODE_EXTRA_CA_CERTS; `lanes run` starts its scripted
 * agent the same way (caMovedAside). Called first by every hook, the `lanes` entry and
 * `lanes agent scripted`: the processes they start (git, a worktree's setup commands such as `npm ci`
 * behind a proxy, gates, agents) get the variable back as it was.
 */
export const MOVED_CA_VAR = 'LANES_NODE_EXTRA_CA_CERTS';

/**
 * What a Node child that opens no TLS connection is started with (`lanes run`'s scripted agent):
 * the variable emptied and its value moved aside, for the child's `restoreLaunchEnv` to put back.
 * Nothing when the variable is not set.
 */
export function caMovedAside(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const ca = env.NODE_EXTRA_CA_CERTS;
  return ca ? { NODE_EXTRA_CA_CERTS: '', [MOVED_CA_VAR]: ca } : {};
}

export function restoreLaunchEnv(env: NodeJS.ProcessEnv = process.env): void {
  const moved = env[MOVED_CA_VAR];
  if (moved === undefined) return;
  delete env[MOVED_CA_VAR];
  // Set by the user meanwhile (the hook's own environment): theirs wins. Empty is unset, as Node
  // reads it (the scripted agent is started with it empty).
  if (!env.NODE_EXTRA_CA_CERTS) env.NODE_EXTRA_CA_CERTS = moved;
}
