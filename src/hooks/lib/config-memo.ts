/**
 * The validated config, remembered between hook runs. Validating `.lanes/config.json` needs zod
 * (about +45 ms to load on an idle machine, far more under load) and the Stop hook runs at every
 * stop, so the lane hooks keep the last validated config next to the state, keyed by everything
 * the result was computed from: the config file's text, the main checkout's HEAD (which names the
 * default target) and the build of Lanes (whose schema judged it). Any difference, anything
 * unreadable or unusual (a detached main HEAD, a reftable), or a run from the sources (no build
 * id) means the ordinary load, which then refreshes the memo. An invalid config is never
 * remembered: it fails the same way every time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LanesConfig } from '../../core/config/schema.js';
import type { Project } from '../../core/project/project.js';
import type { Repo } from '../../git/repo.js';
import { writeFileAtomic } from '../../state/atomic.js';

/** Set by scripts/build.mjs: a hash of the sources, so a new build never trusts an old memo. */
declare const __LANES_BUILD_ID__: string | undefined;
const BUILD_ID = typeof __LANES_BUILD_ID__ === 'string' ? __LANES_BUILD_ID__ : undefined;

/** The same file the config loader reads (CONFIG_FILE; importing it would load zod). */
export const CONFIG_PATH = '.lanes/config.json';
export const MEMO_FILE = 'config-memo.json';
const MAX_MEMO_TEXT = 256 * 1024;

/** `project` with config() answered from the memo when it is still valid. */
export function withConfigMemo(project: Project): Project {
  let cfg: Promise<LanesConfig> | undefined;
  return { ...project, config: () => (cfg ??= remembered(project)) };
}

async function remembered(project: Project): Promise<LanesConfig> {
  const file = path.join(project.repo.stateDir, MEMO_FILE);
  const key = memoKey(project.repo);
  if (key !== undefined) {
    try {
      const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: unknown; config?: unknown };
      if (m && m.key === key && m.config && typeof m.config === 'object') return m.config as LanesConfig;
    } catch {
      // no memo yet, or an unreadable one: load
    }
  }
  const cfg = await project.config();
  // Remember it only if nothing changed while it loaded: the memo must describe what was read.
  if (key !== undefined && memoKey(project.repo) === key) {
    try {
      // Advisory: a torn or lost memo only means the next run validates again.
      writeFileAtomic(file, JSON.stringify({ key, config: cfg }), 0o600, { durable: false });
    } catch {
      // a read-only state dir: run without the memo
    }
  }
  return cfg;
}

function memoKey(repo: Repo): string | undefined {
  if (BUILD_ID === undefined) return undefined;
  let text: string | null = null;
  try {
    const p = path.join(repo.mainRoot, CONFIG_PATH);
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (st) {
      if (!st.isFile() || st.size > MAX_MEMO_TEXT) return undefined;
      text = fs.readFileSync(p, 'utf8');
    }
    // With a reftable the HEAD file is a stub that never changes: it cannot key the target.
    if (fs.existsSync(path.join(repo.commonDir, 'reftable'))) return undefined;
    const head = fs.readFileSync(path.join(repo.commonDir, 'HEAD'), 'utf8').trim();
    if (!/^ref: refs\/heads\/\S+$/.test(head)) return undefined;
    return JSON.stringify([BUILD_ID, text, head]);
  } catch {
    return undefined;
  }
}
