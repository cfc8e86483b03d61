/**
 * Line framing in front of the SDK's stdio transport. The SDK reader closes the whole transport
 * when one message passes its buffer limit, which would end the session over one bad request. This
 * stream passes complete lines of at most `maxLineBytes` through unchanged and drops longer ones
 * as they stream in (holding at most the limit in memory), reporting each so that the caller can
 * answer it with a JSON-RPC error and carry on.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** The largest message the server reads: far above any real tool input, well under the SDK's own limit. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** Bytes kept from each end of an oversized line, to find the request's id. */
const EDGE_BYTES = 1024;

export interface Oversized {
  /** Size of the dropped line in bytes (without the newline). */
  bytes: number;
  /** The request id, when one could be read from the line's start or end; null otherwise. */
  id: string | number | null;
}

export class LineLimiter extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  private dropping = false;
  private head = '';
  private tail = Buffer.alloc(0);

  constructor(
    private readonly maxLineBytes: number,
    private readonly onOversized: (o: Oversized) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      this.addPiece(chunk.subarray(start, end));
      if (nl === -1) break;
      this.endLine();
      start = nl + 1;
    }
    cb();
  }

  override _flush(cb: TransformCallback): void {
    if (this.dropping || this.size > 0) this.endLine();
    cb();
  }

  private addPiece(piece: Buffer): void {
    if (piece.length === 0) return;
    if (!this.dropping && this.size + piece.length <= this.maxLineBytes) {
      this.parts.push(piece);
      this.size += piece.length;
      return;
    }
    if (!this.dropping) {
      const held = Buffer.concat([...this.parts, piece.subarray(0, EDGE_BYTES)]);
      this.head = held.subarray(0, EDGE_BYTES).toString('utf8');
      this.dropping = true;
      this.parts = [];
    }
    this.size += piece.length;
    this.tail = Buffer.concat([this.tail, piece]).subarray(-EDGE_BYTES);
  }

  private endLine(): void {
    if (this.dropping) {
      this.onOversized({ bytes: this.size, id: requestId(this.head, this.tail.toString('utf8')) });
    } else if (this.size > 0) {
      this.push(Buffer.concat([...this.parts, Buffer.from('\n')]));
    }
    this.parts = [];
    this.size = 0;
    this.dropping = false;
    this.head = '';
    this.tail = Buffer.alloc(0);
  }
}

const ID = String.raw`(-?\d+|"(?:[^"\\]|\\.)*")`;
/** `{"jsonrpc":"2.0","id":7,...`, `{"method":"x","id":7,...`: the id among the leading scalar members. */
const HEAD_ID = new RegExp(String.raw`^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"[^"\\]*"\s*,)*\s*"id"\s*:\s*${ID}`);
/** `...,"jsonrpc":"2.0","id":7}`: the id as the last member (how the TypeScript SDK's client writes it). */
const TAIL_ID = new RegExp(String.raw`"id"\s*:\s*${ID}\s*(?:,\s*"jsonrpc"\s*:\s*"2\.0"\s*)?\}\s*$`);

/** The JSON-RPC id of a request from the edges of its text, or null when it cannot be read safely. */
export function requestId(head: string, tail: string): string | number | null {
  const m = HEAD_ID.exec(head) ?? TAIL_ID.exec(tail.replace(/\r$/, ''));
  if (!m?.[1]) return null;
  try {
    const v: unknown = JSON.parse(m[1]);
    return typeof v === 'number' || typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}
