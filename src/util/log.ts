/**
 * The one logger. stdout belongs to the protocol (MCP JSON-RPC, hook JSON), so every log line goes
 * to stderr. LANES_LOG=debug|info|warn|error|silent picks the level (default: warn).
 */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = keyof typeof LEVELS;

function threshold(): number {
  const v = (process.env.LANES_LOG ?? 'warn').toLowerCase();
  return v in LEVELS ? LEVELS[v as Level] : LEVELS.warn;
}

function write(level: Level, msg: string, extra?: unknown): void {
  if (LEVELS[level] < threshold()) return;
  const tail = extra === undefined ? '' : ` ${typeof extra === 'string' ? extra : safeJson(extra)}`;
  process.stderr.write(`lanes ${level}: ${msg}${tail}\n`);
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

export const log = {
  debug: (msg: string, extra?: unknown) => write('debug', msg, extra),
  info: (msg: string, extra?: unknown) => write('info', msg, extra),
  warn: (msg: string, extra?: unknown) => write('warn', msg, extra),
  error: (msg: string, extra?: unknown) => write('error', msg, extra),
};
