// A claimer on one "machine": waits at the barrier, then claims each key through the remote store.
// A claim writes two documents in one transaction (the claims and a grant counter), so a torn
// multi-document push would show as a counter that disagrees with the claims.
// argv: <clone dir> <machine> <worker> <barrier> <keys, comma-separated>
import { RemoteStore } from '../../../../src/state/remote/store.js';
import { waitBarrier } from '../../../helpers/child.js';

const [dir, machine, worker, barrier, keyList] = process.argv.slice(2) as [string, string, string, string, string];
const me = `${machine}/${worker}`;

interface Claims {
  holders: Record<string, string>;
}

async function main(): Promise<void> {
  const store = new RemoteStore({ cwd: dir, remote: 'origin', machine, maxAttempts: 60, backoffMs: 20, offlineRetries: 10 });
  // (A loaded 2-core CI machine can make git daemon drop a connection: that is retried here, since
  // this race is about double grants; offline behaviour has its own tests.)
  await waitBarrier(barrier);
  const results: Array<{ key: string; granted?: boolean; error?: string }> = [];
  for (const key of keyList.split(',')) {
    try {
      const r = await store.transact(['claims', 'grants'], (tx) => {
        const c = tx.get<Claims>('claims', () => ({ holders: {} }));
        const g = tx.get('grants', () => ({ n: 0 }));
        if (Object.hasOwn(c.holders, key)) return false;
        c.holders[key] = me;
        g.n++;
        return true;
      });
      results.push({ key, granted: r.result });
    } catch (e) {
      results.push({ key, error: `${(e as { code?: string }).code}: ${(e as Error).message}` });
    }
  }
  process.stdout.write(JSON.stringify({ me, results }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
