# Starts one Lanes hook: `sh launch.sh <hook>` runs dist/hooks/<hook>.mjs (hooks.json).
#
# NODE_EXTRA_CA_CERTS makes every Node process build its whole TLS root store before it runs a
# line (about 100 ms of CPU on a 2-core machine), and a hook never opens a TLS connection: its
# Node starts without it. The value is handed on as LANES_NODE_EXTRA_CA_CERTS and the hook puts it
# back for the processes it starts (git, a worktree's setup commands), which may need it.
#
# --preserve-symlinks(-main): without them Node realpaths each module file of the bundle.
if [ -n "$NODE_EXTRA_CA_CERTS" ]; then
  LANES_NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS
  export LANES_NODE_EXTRA_CA_CERTS
  unset NODE_EXTRA_CA_CERTS
fi
exec node --preserve-symlinks --preserve-symlinks-main "${0%/*}/../dist/hooks/$1.mjs"
