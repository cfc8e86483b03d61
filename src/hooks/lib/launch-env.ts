/**
 * hooks/launch.sh starts a hook's Node without NODE_EXTRA_CA_CERTS (with it, Node builds its whole
 * TLS root store before running a line, and a hook opens no TLS connection) and hands the value on
 * as LANES_NODE_EXTRA_CA_CERTS. Called first by every hook: the processes the hook starts (git, a
 * worktree's setup commands such as `npm ci` behind a proxy) get the variable back as it was.
 */
export const MOVED_CA_VAR = 'LANES_NODE_EXTRA_CA_CERTS';

export function restoreLaunchEnv(env: NodeJS.ProcessEnv = process.env): void {
  const moved = env[MOVED_CA_VAR];
  if (moved === undefined) return;
  delete env[MOVED_CA_VAR];
  // Set by the user meanwhile (the hook's own environment): theirs wins.
  env.NODE_EXTRA_CA_CERTS ??= moved;
}
