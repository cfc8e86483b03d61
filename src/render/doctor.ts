import { safeText } from '../util/escape.js';

interface DoctorLike {
  ok: boolean;
  checks: Array<{ name: string; ok: boolean; level: string; detail: string; fix?: string }>;
  parallelism: { parallelism: number; reason: string };
}

export function renderDoctor(d: DoctorLike): string {
  const lines = d.checks.map(
    (c) =>
      `${c.ok ? 'ok  ' : c.level === 'error' ? 'FAIL' : 'warn'} ${safeText(c.name)}: ${safeText(c.detail)}${!c.ok && c.fix ? `\n     fix: ${safeText(c.fix)}` : ''}`,
  );
  lines.push(`Recommended parallelism: ${d.parallelism.parallelism} (${safeText(d.parallelism.reason)})`);
  lines.push(d.ok ? 'Lanes can run here.' : 'Lanes cannot run here until the failed checks are fixed.');
  return lines.join('\n');
}
