/**
 * Random hex for names and tokens (temp files, lock tokens, journal and session ids) without
 * loading `node:crypto`: that module pulls in the stream stack and costs a hook several
 * milliseconds (docs/performance.md), though all it is asked for here is a few random bytes. The
 * bytes come from the kernel's CSPRNG (`/dev/urandom`, read in one pooled block), the same source
 * `crypto.randomBytes` uses; where there is no such device (Windows), from `node:crypto`, loaded then.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';

const POOL = 256;
let pool: Buffer | undefined;
let used = POOL;
let noDevice = false;

const requireBuiltin = createRequire(import.meta.url);

function fromDevice(n: number): Buffer | undefined {
  if (noDevice || n > POOL) return undefined;
  if (!pool || used + n > POOL) {
    let fd: number | undefined;
    try {
      fd = fs.openSync('/dev/urandom', 'r');
      const buf = Buffer.allocUnsafe(POOL);
      let got = 0;
      while (got < POOL) {
        const r = fs.readSync(fd, buf, got, POOL - got, null);
        if (r <= 0) throw new Error('short read from /dev/urandom');
        got += r;
      }
      pool = buf;
      used = 0;
    } catch {
      noDevice = true;
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  const out = Buffer.from(pool.subarray(used, used + n));
  // Never hand out the same bytes twice.
  pool.fill(0, used, used + n);
  used += n;
  return out;
}

/** `n` random bytes as 2n hex digits. */
export function randomHex(n: number): string {
  const bytes = fromDevice(n) ?? (requireBuiltin('node:crypto') as typeof import('node:crypto')).randomBytes(n);
  return bytes.toString('hex');
}

/**
 * The hex SHA-256 digest of `text` (UTF-8), from `node:crypto` loaded on first use: its callers
 * (the lock queue's host tag, only once someone waits; a remote's name) are off a hook's usual path.
 */
export function sha256Hex(text: string): string {
  return (requireBuiltin('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text, 'utf8').digest('hex');
}
