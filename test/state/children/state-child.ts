/**
 * Child process for the state tests: `node state-child.mjs <mode> <json args>`. Prints one JSON line
 * on stdout with its result. Crashes come from LANES_FAILPOINT in the product code (or, for the
 * journal test, from killing itself).
 */
import fs from 'node:fs';
import { waitBarrier } from '../../helpers/child.js';
import { isLanesError } from '../../../src/errors.js';
import { defineDoc } from '../../../src/state/define.js';
import { StateStore } from '../../../src/state/store.js';
import { withLock } from '../../../src/state/lock.js';

interface Args {
  dir: string;
  staleMs?: number;
  deadlineMs?: number;
  doc?: string;
  value?: unknown;
  barrier?: string;
  n?: number;
  marker?: string;
  go?: string;
  sleepAfterStallMs?: number;
}

type Fields = Record<string, unknown>;
const ALPHA_DOC = defineDoc({ name: 'alpha', empty: (): Fields => ({}) });
const BETA_DOC = defineDoc({ name: 'beta', empty: (): Fields => ({}) });
const COUNTER_DOC = defineDoc({ name: 'counter', empty: () => ({ n: 0, list: [] as string[] }) });
const DOC_DOC = defineDoc({ name: 'doc', empty: (): Fields => ({}) });

const mode = process.argv[2];
const a = JSON.parse(process.argv[3] ?? '{}') as Args;
const opts = { staleMs: a.staleMs, deadlineMs: a.deadlineMs };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const out = (v: unknown): void => void process.stdout.write(`${JSON.stringify({ pid: process.pid, ...(v as object) })}\n`);

async function main(): Promise<void> {
  switch (mode) {
    case 'write': {
      const store = await StateStore.open(a.dir, opts);
      await store.update(a.doc === undefined || a.doc === 'doc' ? DOC_DOC : defineDoc({ name: a.doc, empty: (): Fields => ({}) }), (d) => {
        d.value = a.value;
      });
      return out({ ok: true });
    }
    case 'transact': {
      const store = await StateStore.open(a.dir, opts);
      await store.transact(async (tx) => {
        tx.get(ALPHA_DOC).value = a.value;
        tx.get(BETA_DOC).value = a.value;
      });
      return out({ ok: true });
    }
    case 'incr': {
      const store = await StateStore.open(a.dir, opts);
      await waitBarrier(a.barrier!);
      for (let i = 0; i < a.n!; i++) {
        await store.update(COUNTER_DOC, (d) => {
          d.n++;
          d.list.push(`${process.pid}-${i}`);
        });
      }
      return out({ ok: true });
    }
    case 'events': {
      const store = await StateStore.open(a.dir, opts);
      await waitBarrier(a.barrier!);
      for (let i = 0; i < a.n!; i++) await store.appendEvent('test.tick', { i, pad: 'x'.repeat(i % 7 === 0 ? 3000 : 10) });
      return out({ ok: true });
    }
    case 'hold': {
      // Holds the lock until `go` appears (the event loop stays free, so the lock is refreshed).
      await withLock(
        a.dir,
        'state',
        async () => {
          fs.writeFileSync(a.marker!, String(process.pid));
          const end = Date.now() + 30_000;
          while (!fs.existsSync(a.go!) && Date.now() < end) await sleep(10);
        },
        opts,
      );
      return out({ ok: true });
    }
    case 'queue': {
      // Waits for the lock like any caller, then notes its turn (appends are serialized by the lock).
      await withLock(a.dir, 'state', async () => fs.appendFileSync(a.marker!, `${String(a.value)}\n`), opts);
      return out({ ok: true });
    }
    case 'stall': {
      // Takes the state lock through update(), then blocks its event loop until `go` appears:
      // meanwhile the lock goes stale and the test process takes it over.
      const store = await StateStore.open(a.dir, opts);
      try {
        await store.update(DOC_DOC, async (d) => {
          fs.writeFileSync(a.marker!, String(process.pid));
          const end = Date.now() + 30_000;
          while (!fs.existsSync(a.go!) && Date.now() < end) {
            // busy: no timers run, so proper-lockfile cannot refresh the lock
          }
          if (a.sleepAfterStallMs) await sleep(a.sleepAfterStallMs); // let its refresh timer notice
          d.writer = 'stalled';
        });
        return out({ ok: true });
      } catch (e) {
        return out({ ok: false, code: isLanesError(e) ? e.code : undefined, message: String(e) });
      }
    }
    case 'journal': {
      const store = await StateStore.open(a.dir, opts);
      const entry = await store.journal.begin('start_task', { task: 'api-auth' });
      await entry.step('worktree', { branch: 'lanes/api-auth' });
      out({ id: entry.id });
      process.kill(process.pid, 'SIGKILL');
      await sleep(10_000);
      return;
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

main().catch((e) => {
  out({ ok: false, code: isLanesError(e) ? e.code : undefined, message: String(e) });
  process.exitCode = 1;
});
