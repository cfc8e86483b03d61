/** The checks of the machine: CPU load, memory and disk against the configured limits. */
import type { Resources } from '../../system/resources.js';
import type { LanesConfig } from '../config/schema.js';
import type { DoctorCheck } from './check.js';

export function resourceChecks(res: Resources, cfg: LanesConfig, laneDiskMb: number | undefined): DoctorCheck[] {
  const r = cfg.resources;
  const out: DoctorCheck[] = [];
  const cpuDetail = `${res.cpus} CPU${res.cpus === 1 ? '' : 's'}, load ${res.load1} (${res.load_per_cpu} per CPU)`;
  out.push(
    res.load_per_cpu > r.max_load_per_cpu
      ? {
          name: 'cpu',
          ok: false,
          level: 'warn',
          detail: `${cpuDetail}, above the ${r.max_load_per_cpu} per CPU limit`,
          fix: 'Wait for other work to finish, or raise resources.max_load_per_cpu in .lanes/config.json.',
        }
      : { name: 'cpu', ok: true, level: 'info', detail: cpuDetail },
  );
  const need = r.min_free_memory_mb + r.memory_per_agent_mb;
  const memDetail = `${res.mem_available_mb} MB available of ${res.mem_total_mb} MB`;
  out.push(
    res.mem_available_mb < need
      ? {
          name: 'memory',
          ok: false,
          level: 'warn',
          detail: `${memDetail}: less than one agent (${r.memory_per_agent_mb} MB) above the ${r.min_free_memory_mb} MB floor`,
          fix: 'Close other programs, or lower resources.min_free_memory_mb / memory_per_agent_mb in .lanes/config.json.',
        }
      : { name: 'memory', ok: true, level: 'info', detail: memDetail },
  );
  const lane = r.disk_per_lane_mb || laneDiskMb;
  const diskDetail = `${res.disk_free_mb} MB free of ${res.disk_total_mb} MB at ${res.disk_path}${lane ? `; a lane needs about ${lane} MB` : ''}`;
  if (res.sources.disk === 'unavailable') {
    out.push({ name: 'disk', ok: false, level: 'warn', detail: `could not measure free disk space at ${res.disk_path}` });
  } else if (res.disk_free_mb < r.min_free_disk_mb) {
    out.push({
      name: 'disk',
      ok: false,
      level: 'error',
      detail: `${diskDetail}: below the ${r.min_free_disk_mb} MB floor`,
      fix: 'Free disk space, or lower resources.min_free_disk_mb in .lanes/config.json.',
    });
  } else if (lane && res.disk_free_mb < r.min_free_disk_mb + lane) {
    out.push({
      name: 'disk',
      ok: false,
      level: 'warn',
      detail: `${diskDetail}: not enough for one more lane above the ${r.min_free_disk_mb} MB floor`,
      fix: 'Free disk space.',
    });
  } else {
    out.push({ name: 'disk', ok: true, level: 'info', detail: diskDetail });
  }
  return out;
}
