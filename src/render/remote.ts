/** Text for shared state on a remote. */
import type { EnableResult } from '../core/remote/enable.js';
import type { RemoteBrief } from '../core/remote/status.js';
import { safeText } from '../util/escape.js';

function age(ms: number): string {
  if (ms < 2000) return 'just now';
  if (ms < 120_000) return `${Math.round(ms / 1000)} s ago`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min ago`;
  return `${Math.round(ms / 3_600_000)} h ago`;
}

export function renderEnabled(r: EnableResult): string {
  const lines = [`Shared state goes through ${safeText(r.remote)} (${safeText(r.url)}) under refs/lanes/*.`];
  if (r.seeded.length) lines.push(`Put on the remote: ${r.seeded.join(', ')}.`);
  for (const x of r.replaced) lines.push(`The remote already had ${x.doc}; this clone's copy is kept in ${safeText(x.kept)}.`);
  return lines.join('\n');
}

export function renderRemoteBrief(b: RemoteBrief): string {
  if (!b.enabled) return 'Shared state is local to this clone (lanes remote enable <remote> shares it with other machines).';
  const lines = [
    `remote ${safeText(b.remote ?? '')}, this machine ${safeText(b.machine ?? '')}, view ${b.age_ms === undefined ? 'never read' : age(b.age_ms)}`,
  ];
  const t = b.target;
  if (t) {
    const r = t.remote ? t.remote.slice(0, 12) : 'absent';
    const l = t.local ? t.local.slice(0, 12) : 'absent';
    lines.push(`target ${safeText(t.name)}: remote ${r}, here ${l}${t.remote && t.local && t.remote !== t.local ? ' (differs)' : ''}`);
  }
  if (b.processor) lines.push(`merge processor: ${safeText(b.processor.owner)} on ${safeText(b.processor.host)}`);
  return lines.join('\n');
}
