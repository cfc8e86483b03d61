/**
 * hooks/launch.sh starts the plugin's hooks and its MCP server without NODE_EXTRA_CA_CERTS (with
 * it, Node builds its whole TLS root store before running a line, and neither opens a TLS
 * connection) and hands the value on as LANES_NODE_EXTRA_CA_CERTS. Called first by every hook and
 * by the `lanes` entry: the processes they start (git, a worktree's setup commands such as `npm ci`
 * behind a proxy, gates, agents) get the variable back as it was.
 */
export const MOVED_CA_VAR = 'LANES_NODE_EXTRA_CA_CERTS';

export function restoreLaunchEnv(env: NodeJS.ProcessEnv = process.env): void {
  const moved = env[MOVED_CA_VAR];
  if (moved === undefined) return;
  delete env[MOVED_CA_VAR];
  // Set by the user meanwhile (the hook's own environment): theirs wins. Empty is unset, as Node
  // reads it (the scripted agent is started with it empty).
  if (!env.NODE_EXTRA_CA_CERTS) env.NODE_EXTRA_CA_CERTS = moved;
}
