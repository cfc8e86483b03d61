/** Raw HTTP against the dashboard (node:http, so tests can send any Host or Origin header). */
import http from 'node:http';

export function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** An open /api/events stream: `next(pred)` waits for the next event matching `pred`. */
export function openStream(url: string): Promise<{
  next(pred?: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
  headers: http.IncomingHttpHeaders;
}> {
  return new Promise((resolve, reject) => {
    const queue: SseEvent[] = [];
    let wake: (() => void) | undefined;
    const req = http.get(url, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        buf += c;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const e: SseEvent = { event: 'message', data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const [k, ...rest] = line.split(':');
            const v = rest.join(':').replace(/^ /, '');
            if (k === 'event') e.event = v;
            else if (k === 'id') e.id = v;
            else if (k === 'data') {
              e.data += (hasData ? '\n' : '') + v;
              hasData = true;
            }
          }
          if (hasData) queue.push(e);
          wake?.();
        }
      });
      resolve({
        headers: res.headers,
        async next(pred = () => true, timeoutMs = 10_000) {
          const end = Date.now() + timeoutMs;
          for (;;) {
            const i = queue.findIndex(pred);
            if (i >= 0) return queue.splice(0, i + 1).pop()!;
            queue.length = 0;
            const left = end - Date.now();
            if (left <= 0) throw new Error('no matching server-sent event in time');
            await new Promise<void>((r) => {
              const t = setTimeout(r, left);
              wake = () => {
                clearTimeout(t);
                r();
              };
            });
          }
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}
