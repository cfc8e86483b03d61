/**
 * Child process for the claims tests: `node claims-child.mjs <mode> <json args>`.
 * - stress: rounds of claim a random subset of the pool -> hold -> check still visible -> release,
 *   appending one JSON line per attempt to `out` (timestamps around the hold, for the oracle).
 * - hold: claim with this pid, write `ready`, then wait to be killed.
 */
import fs from 'node:fs';
import { waitBarrier } from '../../helpers/child.js';
import { isLanesError } from '../../../src/errors.js';
import { StateStore } from '../../../src/state/index.js';
import { CLAIMS_DOC, claimFiles, emptyClaims, releaseFiles, type ClaimMode, type ClaimsDoc } from '../../../src/core/claims.js';
import { POOL } from './claims-oracle.js';

interface Args {
  dir: string;
  owner: string;
  barrier?: string;
  out?: string;
  rounds?: number;
  seed?: number;
  paths?: string[];
  ready?: string;
}

const mode = process.argv[2];
const a = JSON.parse(process.argv[3] ?? '{}') as Args;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A small deterministic PRNG (mulberry32), so a failing run can be replayed from its seed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function stress(): Promise<void> {
  const store = await StateStore.open(a.dir);
  const rand = rng(a.seed ?? 1);
  const line = (v: object) => fs.appendFileSync(a.out!, `${JSON.stringify({ owner: a.owner, ...v })}\n`);
  await waitBarrier(a.barrier!);
  for (let round = 0; round < (a.rounds ?? 10); round++) {
    const k = 1 + Math.floor(rand() * 3);
    const pick = new Set<string>();
    while (pick.size < k) pick.add(POOL[Math.floor(rand() * POOL.length)]!);
    const patterns = [...pick];
    const m: ClaimMode = rand() < 0.75 ? 'exclusive' : 'shared';
    try {
      await claimFiles(store, { owner: a.owner, paths: patterns, mode: m, pid: process.pid });
    } catch (e) {
      if (isLanesError(e, 'CONFLICT')) {
        line({ round, ok: false, patterns, mode: m });
        // Refusals need no lock and come back at once: back off about one hold, as an agent would.
        await sleep(10 + rand() * 30);
        continue;
      }
      throw e;
    }
    const t0 = Date.now();
    await sleep(20 + rand() * 40);
    // No lost claim: what we were granted is still in the doc, ours, until we release it.
    const doc = (await store.read<ClaimsDoc>(CLAIMS_DOC, emptyClaims)).data;
    const missing = patterns.filter((p) => !doc.claims.some((c) => c.owner === a.owner && c.pattern === p && c.mode === m));
    const t1 = Date.now();
    line({ round, ok: true, patterns, mode: m, t0, t1, missing });
    const r = await releaseFiles(store, a.owner);
    if (r.released.length !== patterns.length) line({ round, lost_on_release: patterns.filter((p) => !r.released.includes(p)) });
  }
}

async function hold(): Promise<void> {
  const store = await StateStore.open(a.dir);
  await claimFiles(store, { owner: a.owner, paths: a.paths!, pid: process.pid });
  fs.writeFileSync(a.ready!, String(process.pid));
  await sleep(120_000);
}

(mode === 'stress' ? stress() : hold()).then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
