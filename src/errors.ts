/**
 * The handful of typed errors every layer throws. Each entry point converts them in exactly one
 * place: the MCP layer into `isError` results, the CLI into exit codes, hooks into hook JSON.
 * `hint` says what to do next; it is shown to the user or the model after the message.
 */
export type ErrorCode =
  | 'INVALID_INPUT' // bad arguments, bad ids, bad files: fix the input
  | 'NOT_FOUND' // unknown task, lane, plan...
  | 'CONFLICT' // held by someone else, already started, would conflict
  | 'BUSY' // a lock or processor is held; retry later
  | 'UNSAFE' // refused because it could lose work or escape the repo
  | 'NOT_A_REPO' // not inside a git repository / repository unusable
  | 'CONFIG' // .lanes/config.json is invalid
  | 'STATE_CORRUPT' // a state file could not be parsed (quarantined)
  | 'STALE_WRITE' // fencing: our view of state is older than what is on disk
  | 'GIT' // a git command failed unexpectedly
  | 'UNSUPPORTED' // the environment lacks something (git too old...)
  | 'OFFLINE' // the git remote holding shared state could not be reached; local work goes on
  | 'REMOTE_REJECTED' // the git remote refused a change by policy (a hook, branch protection)
  | 'INTERNAL';

export class LanesError extends Error {
  override readonly name = 'LanesError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  /** Message plus hint, the way every entry point shows it. */
  describe(): string {
    return this.hint ? `${this.message}\n${this.hint}` : this.message;
  }
}

export function isLanesError(e: unknown, code?: ErrorCode): e is LanesError {
  return e instanceof LanesError && (code === undefined || e.code === code);
}

export function errorMessage(e: unknown): string {
  if (e instanceof LanesError) return e.describe();
  if (e instanceof Error) return e.message;
  return String(e);
}
