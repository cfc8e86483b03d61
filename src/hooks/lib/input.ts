/**
 * Reading a hook's stdin. Claude Code writes one JSON object and closes the pipe; anything else
 * (empty input, a terminal, half a JSON document, an array) is "malformed", and every hook then
 * does nothing harmful and says why on stderr. A Write of a large file arrives in full
 * inside `tool_input`, hence the generous cap.
 */
import fs from 'node:fs';

export type HookInput = Record<string, unknown>;

export type ReadResult = { ok: true; input: HookInput } | { ok: false; why: string };

export interface ReadOptions {
  /** Give up on input that never ends (someone ran the hook by hand without piping anything). */
  timeoutMs?: number;
  maxBytes?: number;
}

const MAX_BYTES = 64 * 1024 * 1024;

export function readHookInput(opts: ReadOptions = {}): Promise<ReadResult> {
  if (stdinIsTerminal()) return Promise.resolve({ ok: false, why: 'no input: stdin is a terminal, not the JSON Claude Code sends' });
  const max = opts.maxBytes ?? MAX_BYTES;
  // A blocking read of the whole pipe is the cheapest way in (no stream set up: about 2 ms less per
  // hook run). A non-blocking stdin answers EAGAIN instead; then read it as a stream, with a timeout.
  try {
    const buf = fs.readFileSync(0);
    if (buf.length > max) return Promise.resolve({ ok: false, why: `input larger than ${max} bytes` });
    return Promise.resolve(parseHookInput(buf.toString('utf8')));
  } catch {
    return readStream(opts, max);
  }
}

/**
 * Without loading node:tty (which drags in net and the stream stack: measurable on a hook that
 * runs before every edit): a terminal is a character device other than /dev/null.
 */
function stdinIsTerminal(): boolean {
  try {
    const st = fs.fstatSync(0);
    return st.isCharacterDevice() && st.rdev !== fs.statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

function readStream(opts: ReadOptions, max: number): Promise<ReadResult> {
  const stdin = process.stdin;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: ReadResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stdin.removeAllListeners('data');
      stdin.removeAllListeners('end');
      stdin.removeAllListeners('error');
      stdin.pause();
      stdin.unref?.();
      resolve(r);
    };
    const timer = setTimeout(
      () => finish({ ok: false, why: `no complete input on stdin within ${opts.timeoutMs ?? 5000} ms` }),
      opts.timeoutMs ?? 5000,
    );
    timer.unref();
    stdin.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) return finish({ ok: false, why: `input larger than ${max} bytes` });
      chunks.push(c);
    });
    stdin.on('end', () => finish(parseHookInput(Buffer.concat(chunks).toString('utf8'))));
    stdin.on('error', (e) => finish({ ok: false, why: `could not read stdin: ${e.message}` }));
  });
}

export function parseHookInput(text: string): ReadResult {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t === '') return { ok: false, why: 'empty input (expected the hook JSON on stdin)' };
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch (e) {
    return { ok: false, why: `input is not JSON (${(e as Error).message.slice(0, 120)})` };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, why: 'input is JSON but not an object' };
  return { ok: true, input: v as HookInput };
}

/** A non-empty string field, else undefined. */
export function str(input: HookInput | undefined, key: string): string | undefined {
  const v = input?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function obj(input: HookInput | undefined, key: string): HookInput | undefined {
  const v = input?.[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as HookInput) : undefined;
}
