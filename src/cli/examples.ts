/**
 * Examples shown at the end of each command's --help, keyed by the command's path. The program
 * attaches them by walking its own command tree (see program.ts), and a test checks that every
 * command has some, so a new command without examples fails loudly instead of drifting.
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': ['lanes init', 'lanes plan tasks.yaml', 'lanes run', 'lanes -C ../repo status', 'cd "$(lanes path api)"'],
  init: ['lanes init            # asks before writing .lanes/config.json', 'lanes init --yes      # write the guessed config'],
  plan: [
    'lanes plan tasks.yaml',
    'lanes plan ROADMAP.md',
    "lanes plan            # the stored plan with each task's state",
    'lanes plan --json',
  ],
  next: ['lanes next', 'lanes next -n 3 --json'],
  task: ['lanes task show api', 'lanes task set api done', 'lanes task add api-docs "API docs" --depends-on api'],
  'task set': ['lanes task set api in_progress --owner me', 'lanes task set api blocked --note "waiting on the schema"'],
  'task add': ['lanes task add api-docs "API docs" --depends-on api --files docs/api.md --estimate 2'],
  'task show': ['lanes task show api', 'lanes task show api --json'],
  status: ['lanes status', 'lanes status --watch', 'lanes status --json | jq .lanes'],
  doctor: ['lanes doctor', 'lanes doctor --json'],
  start: ['lanes start api', 'lanes start api --base release-1.2', 'cd "$(lanes path api)"'],
  take: ['lanes take api', 'lanes take api --force   # from a live owner: a human decision'],
  list: ['lanes list', 'lanes ls --json'],
  path: ['cd "$(lanes path api)"', 'code "$(lanes path api)"'],
  remove: [
    'lanes remove api --dry-run',
    'lanes remove api',
    'lanes remove api --force   # keeps everything under refs/lanes/backup/api/<time>',
  ],
  cleanup: ['lanes cleanup --dry-run', 'lanes cleanup'],
  claim: ['lanes claim task:api "src/api/**" --reason "rewriting the router"', 'lanes claim me docs/api.md --shared --ttl 600'],
  release: ['lanes release task:api', 'lanes release task:api "src/api/**"'],
  remote: ['lanes remote enable', 'lanes remote status', 'lanes remote sync'],
  'remote enable': [
    'lanes remote enable            # "remote" in .lanes/config.json, else origin',
    'lanes remote enable upstream',
    'lanes remote enable ssh://git@host/team/repo.git',
  ],
  'remote disable': ['lanes remote disable'],
  'remote status': ['lanes remote status', 'lanes remote status --json'],
  'remote sync': ['lanes remote sync', 'lanes remote sync --json'],
  claims: ['lanes claims', 'lanes claims --path src/api/router.ts'],
  port: ['lanes port task:api', 'lanes port task:api --release'],
  merge: ['lanes merge queue api', 'lanes merge run', 'lanes merge status'],
  'merge queue': ['lanes merge queue api', 'lanes merge queue api --strategy squash'],
  'merge run': ['lanes merge run --dry-run', 'lanes merge run', 'lanes merge run --max-batches 1 --json'],
  'merge status': ['lanes merge status', 'lanes merge status --task api --json'],
  'merge cancel': ['lanes merge cancel api'],
  'merge revert': ['lanes merge revert api'],
  'merge approve': ['lanes merge approve api'],
  'merge log': ['lanes merge log api', 'lanes merge log --list', 'lanes merge log api --id <id>'],
  session: ['lanes session start "router rewrite" --task api', 'lanes session list -q router'],
  'session start': ['lanes session start "router rewrite" --type refactor --task api'],
  'session log': ['lanes session log decision "keep the old routes behind a flag"'],
  'session end': ['lanes session end completed "router rewritten, tests green"'],
  'session list': ['lanes session list', 'lanes session list --task api --status active'],
  'session show': ['lanes session show <id>'],
  'session check': ['lanes session check start', 'lanes session check end --json'],
  run: ['lanes run tasks.yaml', 'lanes run --agent codex --max-parallel 4', 'lanes run --json'],
  dashboard: ['lanes dashboard', 'lanes dashboard --port 8080 --open'],
  mcp: ['lanes mcp', 'lanes mcp --repo /path/to/repo'],
  demo: ['lanes demo', 'lanes demo --agent claude --dir /tmp/lanes-demo'],
  agent: ['lanes agent scripted --task api'],
  'agent scripted': ['lanes agent scripted --task api --unit-ms 200'],
  completion: [
    'lanes completion bash > ~/.local/share/bash-completion/completions/lanes',
    'lanes completion zsh > "${fpath[1]}/_lanes"',
    'lanes completion fish > ~/.config/fish/completions/lanes.fish',
  ],
  help: ['lanes help merge run'],
};

/** The help text for a command's examples, or undefined when it has none. */
export function examplesText(path: string): string | undefined {
  const list = Object.hasOwn(EXAMPLES, path) ? EXAMPLES[path] : undefined;
  return list?.length ? `\nExamples:\n${list.map((l) => `  $ ${l}`).join('\n')}\n` : undefined;
}
