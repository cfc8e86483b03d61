// Claim writes applied together in one transaction (what the claim service does with a batch):
// each write gets the answer it would get alone, in arrival order, and the batch is one write.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimFiles, logReclaimed } from '../../../src/core/claims/api.js';
import { touchOwner } from '../../../src/core/claims/liveness.js';
import { CLAIMS_DOC } from '../../../src/core/claims/model.js';
import { answerOf, runWrites, type ClaimWrite } from '../../../src/core/claims/writes.js';
import { StateStore } from '../../../src/state/index.js';
import { tempDir } from '../../helpers/repo.js';

let root: string;
let store: StateStore;
beforeEach(async () => {
  root = tempDir('lanes-claim-writes-');
  store = await StateStore.open(path.join(root, 'lanes'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('claim writes in one transaction', () => {
  it('answers each write as alone, in order, and commits the batch as one version', async () => {
    await claimFiles(store, { owner: 'x', paths: ['lib/**'] });
    await touchOwner(store, { owner: 'x', pid: process.pid });
    const before = (await store.read(CLAIMS_DOC)).version;
    const writes: ClaimWrite[] = [
      { op: 'claim', req: { owner: 'a', paths: ['src/a.ts'] } },
      // Conflicts with the claim just before it in the same batch.
      { op: 'claim', req: { owner: 'b', paths: ['src/**'] } },
      // Another owner's claims, released by someone without the authority.
      { op: 'release', owner: 'x', auth: { actor: 'b' } },
      { op: 'claim', req: { owner: 'b', paths: ['docs/**'] } },
      // Invalid: answered "apply it alone", where it fails as it would.
      { op: 'claim', req: { owner: 'c', paths: [] } },
      { op: 'release', owner: 'a', patterns: ['src/a.ts', 'src/zzz.ts'] },
    ];
    const answers = await runWrites(store, writes, logReclaimed);
    expect(answers).toHaveLength(6);
    expect(answers[0]).toEqual({ ok: [expect.objectContaining({ owner: 'a', pattern: 'src/a.ts' })] });
    expect(answers[1]).toMatchObject({ refused: { code: 'CONFLICT' } });
    expect((answers[1] as { refused: { message: string } }).refused.message).toContain('held by a');
    expect(answers[2]).toMatchObject({ refused: { code: expect.any(String) } });
    expect(() => answerOf(answers[2] as never)).toThrow(/x/);
    expect(answers[3]).toEqual({ ok: [expect.objectContaining({ owner: 'b', pattern: 'docs/**' })] });
    expect(answers[4]).toEqual({ alone: true });
    expect(answers[5]).toEqual({ ok: { released: ['src/a.ts'], not_held: ['src/zzz.ts'] } });
    const after = await store.read(CLAIMS_DOC);
    expect(after.version).toBe(before + 1);
    expect(after.data.claims.map((c) => `${c.owner} ${c.pattern}`).sort()).toEqual(['b docs/**', 'x lib/**']);
  });

  it('a failing write alone is thrown, and nothing is written', async () => {
    await expect(runWrites(store, [{ op: 'claim', req: { owner: 'c', paths: [] } }], logReclaimed)).rejects.toThrow(/at least one path/);
    expect((await store.read(CLAIMS_DOC)).version).toBe(0);
  });
});
