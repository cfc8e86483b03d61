/**
 * JSON lines over a Unix domain socket, between processes of one machine and one user: the
 * transport the claim service uses (src/core/claims/combine.ts). A message is one JSON value on
 * one line; nothing here interprets it.
 *
 * Handles are unreferenced while idle, so an open connection or a listening socket never keeps a
 * process alive on its own: a caller refs a connection while it waits for an answer.
 */
import fs from 'node:fs';
import net from 'node:net';

/** Linux caps a socket path at 107 bytes (macOS at 103): longer ones are not offered. */
export const MAX_SOCKET_PATH = 100;

export interface LineConnection {
  send(value: unknown): boolean;
  /** Holds the process open (while answers are awaited) or lets it exit. */
  hold(on: boolean): void;
  close(): void;
  readonly closed: boolean;
}

/** Splits a stream into lines and hands each parsed value on; a line that is not JSON closes the connection. */
function readLines(sock: net.Socket, onValue: (v: unknown) => void, onClose: () => void): void {
  let buf = '';
  sock.setEncoding('utf8');
  sock.on('data', (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line) continue;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        sock.destroy();
        return;
      }
      onValue(v);
    }
  });
  sock.on('error', () => sock.destroy());
  sock.on('close', onClose);
}

function wrap(sock: net.Socket): LineConnection {
  return {
    send: (value) => !sock.destroyed && sock.write(JSON.stringify(value) + '\n'),
    hold: (on) => (on ? sock.ref() : sock.unref()),
    close: () => sock.destroy(),
    get closed() {
      return sock.destroyed;
    },
  };
}

/**
 * Connects to a listening socket; undefined when nobody listens there (no file, or a file left by
 * a process that is gone). Other errors are thrown.
 */
export function connectLines(file: string, onValue: (v: unknown) => void, onClose: () => void): Promise<LineConnection | undefined> {
  return new Promise((resolve, reject) => {
    const sock = net.createConnection(file);
    const early = (e: NodeJS.ErrnoException) => {
      sock.destroy();
      if (e.code === 'ENOENT' || e.code === 'ECONNREFUSED' || e.code === 'ENOTSOCK') resolve(undefined);
      else reject(e);
    };
    sock.once('error', early);
    sock.once('connect', () => {
      sock.off('error', early);
      sock.setNoDelay(true);
      sock.unref();
      readLines(sock, onValue, onClose);
      resolve(wrap(sock));
    });
  });
}

/**
 * Listens on `file`, replacing a socket file nobody listens on (the caller has checked that, under
 * a lock that keeps two processes from doing it at once). Resolves to a close function; undefined
 * when the directory does not allow a socket (some file systems do not).
 */
export async function listenLines(
  file: string,
  /** Called for each connection; what it returns gets every value the connection sends. */
  onConnection: (conn: LineConnection) => (v: unknown) => void,
): Promise<(() => void) | undefined> {
  try {
    if (fs.lstatSync(file).isSocket()) fs.unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
  }
  const server = net.createServer((sock) => {
    sock.setNoDelay(true);
    sock.unref();
    readLines(sock, onConnection(wrap(sock)), () => {});
  });
  const ok = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(file, () => resolve(true));
  });
  if (!ok) return undefined;
  server.on('error', () => {});
  server.unref();
  return () => {
    server.close();
    try {
      fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
