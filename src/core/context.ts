/**
 * What every core operation needs: the repository, its shared state store, and its config.
 * Config is the committed `.lanes/config.json` of the main checkout (the user's own copy).
 */
import { resolveRepo, type Repo } from '../git/repo.js';
import { StateStore } from '../state/index.js';
import { loadConfig, type LanesConfig } from './config.js';

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
    config: () => (cfg ??= loadConfig(repo.mainRoot, { repo })),
  };
}
