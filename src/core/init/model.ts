/** What `lanes init` guesses: the commands it proposes and what it recognised. */
export interface GuessedCommand {
  name: string;
  command: string[];
  /** Setup only: the files whose change means the command must run again (the gate checkout skips it otherwise). */
  when_changed?: string[];
}

export interface InitGuess {
  /** What goes into .lanes/config.json (besides $schema). */
  gates: GuessedCommand[];
  setup: GuessedCommand[];
  /** Ecosystems recognised, e.g. ["npm", "go"], in the order found. */
  detected: string[];
  /** Gitignored env files a lane needs (for .worktreeinclude), e.g. [".env", ".env.local"]. */
  envFiles: string[];
}
