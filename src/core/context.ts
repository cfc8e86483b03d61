/**
 * What every core operation needs: the repository, its shared state store, and its config.
 * Config is the committed `.lanes/config.json` of the main checkout (the user's own copy).
 */
import { resolveRepo, type Repo } from '../git/repo.js';
import { StateStore } from '../state/index.js';
import type { LanesConfig } from './config.js';

export interface Lanes {
  repo: Repo;
  store: StateStore;
  config(): Promise<LanesConfig>;
}

export async function openLanes(cwd: string, preresolved?: Repo): Promise<Lanes> {
  const repo = preresolved ?? (await resolveRepo(cwd));
  const store = await StateStore.open(repo.stateDir);
  let cfg: Promise<LanesConfig> | undefined;
  return {
    repo,
    store,
    // Loaded on first use: the config module brings zod (tens of ms to load), and the SessionEnd
    // hook, for one, opens the repository without ever reading the config.
    config: () => (cfg ??= import('./config.js').then((m) => m.loadConfig(repo.mainRoot, { repo }))),
  };
}
