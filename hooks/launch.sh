# Starts the plugin's Node programs: `sh launch.sh <bundle> [args...]` runs
# dist/<bundle>.mjs: `hooks/stop` (hooks.json), `lanes mcp` (.mcp.json).
#
# NODE_EXTRA_CA_CERTS makes every Node process build its whole TLS root store before it runs a
# line (about 100 ms of CPU on a 2-core machine), and neither a hook nor the MCP server opens a
# TLS connection: their Node starts without it. The value is handed on as
# LANES_NODE_EXTRA_CA_CERTS and put back for the processes they start (git, a worktree's setup
# commands, gates, agents), which may need it.
#
# --preserve-symlinks(-main): without them Node realpaths each module file of the bundle.
if [ -n "$NODE_EXTRA_CA_CERTS" ]; then
  LANES_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
  export LANES_NODE_EXTRA_CA_CERTS
  unset NODE_EXTRA_CA_CERTS
fi
bundle=$1
shift
exec node --preserve-symlinks --preserve-symlinks-main "${0%/*}/../dist/$bundle.mjs" "$@"
