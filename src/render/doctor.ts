interface DoctorLike {
  ok: boolean;
  checks: Array<{ name: string; ok: boolean; level: string; detail: string; fix?: string }>;
  parallelism: { parallelism: number; reason: string };
}

export function renderDoctor(d: DoctorLike): string {
  const lines = d.checks.map((c) => `${c.ok ? 'ok  ' : c.level === 'error' ? 'FAIL' : 'warn'} ${c.name}: ${c.detail}${!c.ok && c.fix ? `\n     fix: ${c.fix}` : ''}`);
  lines.push(`Recommended parallelism: ${d.parallelism.parallelism} (${d.parallelism.reason})`);
  lines.push(d.ok ? 'Lanes can run here.' : 'Lanes cannot run here until the failed checks are fixed.');
  return lines.join('\n');
}
