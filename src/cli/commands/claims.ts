/**
 * `lanes claim | release | claims | port`: file claims and port leases from a terminal. Claims made
 * here carry no pid (the CLI exits at once), so they last until released or until the lease ends.
 */
import type { Command } from 'commander';
import { openProject } from '../../core/project/project.js';
import { claimFiles, listClaims, releaseFiles } from '../../core/claims/api.js';
import { describeOwner, describeUntil } from '../../core/claims/owner.js';
import { type ClaimRecord } from '../../core/claims/model.js';
import { LanesError } from '../../errors.js';
import { leasePort, releasePorts } from '../../core/claims/ports.js';
import { cliOwner } from '../../core/lanes/model.js';
import { action, emit } from '../run.js';

function seconds(v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) {
    throw new LanesError('INVALID_INPUT', `Invalid --ttl ${JSON.stringify(v)}.`, {
      hint: 'Give the lease length as whole seconds, e.g. --ttl 1800.',
    });
  }
  return n;
}

export function renderClaims(claims: readonly ClaimRecord[], now = Date.now()): string {
  if (!claims.length) return 'No files are claimed.';
  const rows = claims.map((c) => [c.pattern, c.mode, describeOwner(c), `until ${describeUntil(c.expires_at, now)}`, c.reason ?? '']);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i < 4 ? cell.padEnd(w[i]!) : cell))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function registerClaims(program: Command): void {
  program
    .command('claim')
    .description('claim files or globs for an owner, all or nothing (refused if another owner holds any of them)')
    .argument('<owner>', 'who holds the claim, e.g. task:api-auth')
    .argument('<paths...>', 'repo-relative files, directories or globs (quote globs)')
    .option('--shared', 'a shared claim: other shared claims may coexist')
    .option('--ttl <seconds>', 'lease length (default: claims.default_ttl_seconds)')
    .option('--reason <text>', 'why, shown to whoever finds the files taken')
    .option('--task <id>', 'the task the files are for')
    .option('--json', 'print JSON')
    .action(
      action(
        async (owner: string, paths: string[], o: { shared?: boolean; ttl?: string; reason?: string; task?: string; json?: boolean }) => {
          const project = await openProject(process.cwd());
          const ttl = o.ttl !== undefined ? seconds(o.ttl) : (await project.config()).claims.default_ttl_seconds;
          const claims = await claimFiles(project.store, {
            owner,
            paths,
            mode: o.shared ? 'shared' : 'exclusive',
            ttl_seconds: ttl,
            ...(o.reason !== undefined ? { reason: o.reason } : {}),
            ...(o.task !== undefined ? { task: o.task } : {}),
          });
          emit(o.json, { claims }, () => `Claimed for ${owner}:\n${renderClaims(claims)}`);
        },
      ),
    );

  program
    .command('release')
    .description("release an owner's claims on the given patterns, or all of them")
    .argument('<owner>')
    .argument('[paths...]', 'patterns as claimed; none releases everything the owner holds')
    .option('--force', "release a task's scope even though another live owner holds the task (a human decision)")
    .option('--json', 'print JSON')
    .action(
      action(async (owner: string, paths: string[], o: { force?: boolean; json?: boolean }) => {
        const project = await openProject(process.cwd());
        // Naming an owner is acting as it, except for a task's scope, which belongs to the task's owner.
        const actor = owner.startsWith('task:') ? cliOwner() : owner;
        const r = await releaseFiles(project.store, owner, paths.length ? paths : undefined, { actor, force: o.force === true });
        emit(o.json, r, () =>
          [
            r.released.length ? `Released ${r.released.join(', ')}` : 'Nothing was released',
            r.not_held.length ? `not held by ${owner}: ${r.not_held.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
        );
      }),
    );

  program
    .command('claims')
    .description('list live file claims (expired claims and those of dead processes are cleaned up first)')
    .option('--owner <owner>', "only this owner's claims")
    .option('--path <path>', 'only claims overlapping this file, directory or glob')
    .option('--json', 'print JSON')
    .action(
      action(async (o: { owner?: string; path?: string; json?: boolean }) => {
        const project = await openProject(process.cwd());
        const claims = await listClaims(project.store, { ...(o.owner ? { owner: o.owner } : {}), ...(o.path ? { path: o.path } : {}) });
        emit(o.json, { claims }, () => renderClaims(claims));
      }),
    );

  program
    .command('port')
    .description('lease a TCP port for an owner (free now, held by no other live owner; the same owner gets the same port)')
    .argument('<owner>')
    .option('--release', "free the owner's port instead")
    .option('--ttl <seconds>', 'lease length (default: claims.default_ttl_seconds)')
    .option('--json', 'print JSON')
    .action(
      action(async (owner: string, o: { release?: boolean; ttl?: string; json?: boolean }) => {
        const project = await openProject(process.cwd());
        if (o.release) {
          const ports = await releasePorts(project.store, owner);
          emit(o.json, { released: ports }, () => (ports.length ? `Released port ${ports.join(', ')}` : `${owner} held no port`));
          return;
        }
        const ttl = o.ttl !== undefined ? seconds(o.ttl) : (await project.config()).claims.default_ttl_seconds;
        const { lease, reused } = await leasePort(project.store, { owner, ttl_seconds: ttl });
        // The bare port number first, so `PORT=$(lanes port task:web)` works.
        emit(o.json, { ...lease, reused }, () => String(lease.port));
      }),
    );
}
