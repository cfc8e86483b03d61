/**
 * Child process for the claims tests: `node claims-child.mjs <mode> <json args>`.
 * - stress: rounds of claim a random subset of the pool -> hold -> check still visible -> release,
 *   writing one JSON line per grant to `out` (wall and version intervals, for the oracle).
 * - hold: claim with this pid, write `ready`, then wait to be killed.
 * - serve: offer the claim service, claim `paths` (so this process becomes the service), write
 *   `ready`, then wait to be killed.
 * - once: claim `paths` once (without offering, without a pid), write the outcome as JSON to `out`.
 * - again: claim `paths`, write `ready`, wait for `barrier`, then release them and claim them
 *   again; write how long each took to `out`.
 * With `serve: true` in stress mode the child offers the claim service, as an MCP server does.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { waitBarrier } from '../../../helpers/child.js';
import { rng } from '../../../helpers/prng.js';
import { isLanesError } from '../../../../src/errors.js';
import { StateStore } from '../../../../src/state/index.js';
import { CLAIMS_DOC, type ClaimMode, type ClaimsDoc } from '../../../../src/core/claims/model.js';
import { claimFiles, releaseFiles } from '../../../../src/core/claims/api.js';
import { claimServiceStats, offerClaimService } from '../../../../src/core/claims/service.js';
import { doubleGrants, POOL } from './claims-oracle.js';

interface Args {
  dir: string;
  owner: string;
  barrier?: string;
  out?: string;
  rounds?: number;
  seed?: number;
  paths?: string[];
  ready?: string;
  /** How long a grant is held, [min, max) ms. */
  holdMs?: [number, number];
  serve?: boolean;
  /** serve mode: LANES_FAILPOINT set once this process serves. */
  failpoint?: string;
}

const mode = process.argv[2];
const a = JSON.parse(process.argv[3] ?? '{}') as Args;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const now = (): number => Number(process.hrtime.bigint() / 1000n); // µs, CLOCK_MONOTONIC: one clock for every process

/** A short digest of a claims doc version's content, to prove one version never had two contents. */
const digest = (doc: ClaimsDoc): string => crypto.createHash('sha1').update(JSON.stringify(doc)).digest('hex').slice(0, 16);

/**
 * Rounds of: claim a random subset of the pool (exclusive or shared) -> read the claims doc ->
 * hold -> read it again -> release. Each grant is recorded with its wall interval (monotonic µs)
 * and its interval in the claims doc's own version numbers (the versions of the two reads, which
 * both contain the grant); every doc read is checked for two owners' conflicting claims at once
 * and reported with its version and digest. All lines are written at the end, in one go.
 */
async function stress(): Promise<void> {
  if (a.serve) offerClaimService();
  const store = await StateStore.open(a.dir);
  const rand = rng(a.seed ?? 1);
  const lines: object[] = [];
  const line = (v: object) => lines.push({ owner: a.owner, ...v });
  const look = async (patterns: string[], m: ClaimMode) => {
    const { version, data } = await store.read(CLAIMS_DOC);
    const missing = patterns.filter((p) => !data.claims.some((c) => c.owner === a.owner && c.pattern === p && c.mode === m));
    return { version, hash: digest(data), missing, doubles: doubleGrants(data.claims) };
  };
  const holdMs = a.holdMs ?? [20, 60];
  await waitBarrier(a.barrier!);
  let refused = 0;
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
        refused++;
        // Refusals need no lock and come back at once: back off about one hold, as an agent would.
        await sleep(holdMs[0]! / 2 + (rand() * (holdMs[1]! - holdMs[0]!)) / 2);
        continue;
      }
      throw e;
    }
    const t0 = now();
    const first = await look(patterns, m);
    await sleep(holdMs[0]! + rand() * (holdMs[1]! - holdMs[0]!));
    // No lost claim: what we were granted is still in the doc, ours, until we release it.
    const second = await look(patterns, m);
    const t1 = now();
    line({
      round,
      ok: true,
      patterns,
      mode: m,
      t0,
      t1,
      v0: first.version,
      v1: second.version,
      seen: [
        [first.version, first.hash],
        [second.version, second.hash],
      ],
      missing: [...new Set([...first.missing, ...second.missing])],
      doubles: [...first.doubles, ...second.doubles],
    });
    const r = await releaseFiles(store, a.owner);
    if (r.released.length !== patterns.length) line({ round, lost_on_release: patterns.filter((p) => !r.released.includes(p)) });
  }
  line({ refused, rounds: a.rounds ?? 10 });
  const served = claimServiceStats().reduce((n, x) => ({ writes: n.writes + x.writes, batches: n.batches + x.batches }), {
    writes: 0,
    batches: 0,
  });
  line({ served });
  fs.writeFileSync(a.out!, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

async function serve(): Promise<void> {
  offerClaimService();
  const store = await StateStore.open(a.dir);
  await claimFiles(store, { owner: a.owner, paths: a.paths!, pid: process.pid });
  // Armed only now: the failpoint is for the writes of other processes.
  if (a.failpoint) process.env.LANES_FAILPOINT = a.failpoint;
  fs.writeFileSync(a.ready!, String(process.pid));
  await sleep(120_000);
}

async function once(): Promise<void> {
  const store = await StateStore.open(a.dir);
  try {
    // No pid: the claim outlives this process (as a CLI claim does), so the test can look at it.
    const claims = await claimFiles(store, { owner: a.owner, paths: a.paths! });
    fs.writeFileSync(a.out!, JSON.stringify({ ok: claims.map((c) => c.pattern) }));
  } catch (e) {
    fs.writeFileSync(
      a.out!,
      JSON.stringify({ error: isLanesError(e) ? { code: e.code, message: e.message, details: e.details } : String(e) }),
    );
  }
}

async function hold(): Promise<void> {
  const store = await StateStore.open(a.dir);
  await claimFiles(store, { owner: a.owner, paths: a.paths!, pid: process.pid });
  fs.writeFileSync(a.ready!, String(process.pid));
  await sleep(120_000);
}

async function again(): Promise<void> {
  const store = await StateStore.open(a.dir);
  await claimFiles(store, { owner: a.owner, paths: a.paths! });
  fs.writeFileSync(a.ready!, String(process.pid));
  await waitBarrier(a.barrier!, 60_000);
  const t0 = performance.now();
  const r = await releaseFiles(store, a.owner);
  const t1 = performance.now();
  const c = await claimFiles(store, { owner: a.owner, paths: a.paths! });
  const t2 = performance.now();
  fs.writeFileSync(
    a.out!,
    JSON.stringify({ released: r.released, claimed: c.map((x) => x.pattern), releaseMs: t1 - t0, claimMs: t2 - t1 }),
  );
}

const modes: Record<string, () => Promise<void>> = { stress, hold, serve, once, again };
modes[mode!]!().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
