/**
 * Whether a TCP port is free on this machine right now: we bind it on the IPv4 and IPv6 loopback
 * and let go. Port leasing (who holds which port) is domain logic in src/core/claims/ports.ts.
 */
import net from 'node:net';

type BindResult = 'free' | 'busy' | 'no-family';

function tryBind(host: string, port: number): Promise<BindResult> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', (e: NodeJS.ErrnoException) => {
      // No IPv6 loopback on this machine: that address family cannot conflict.
      resolve(e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT' ? 'no-family' : 'busy');
    });
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve('free')));
  });
}

/** True when nothing on this machine listens on `port` on the IPv4 or IPv6 loopback (or any address). */
export async function portFree(port: number): Promise<boolean> {
  if ((await tryBind('127.0.0.1', port)) !== 'free') return false;
  return (await tryBind('::1', port)) !== 'busy';
}
