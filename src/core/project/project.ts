/**
 * The project handle every core operation takes: the repository, its shared state store, and its
 * config (the committed `.lanes/config.json` of the main checkout, the user's own copy). Named
 * Project so that "Lanes" means the product and "lane" a worktree, nothing else.
 */
import { resolveRepo, type Repo } from '../../git/repo.js';
import { StateStore } from '../../state/index.js';
import type { LanesConfig } from '../config/schema.js';

export interface Project {
  repo: Repo;
  store: StateStore;
  config(): Promise<LanesConfig>;
}

export async function openProject(cwd: string, preresolved?: Repo): Promise<Project> {
  const repo = preresolved ?? (await resolveRepo(cwd));
  const store = await StateStore.open(repo.stateDir);
  let cfg: Promise<LanesConfig> | undefined;
  return {
    repo,
    store,
    // Loaded on first use: the config module brings zod (tens of ms to load), and the SessionEnd
    // hook, for one, opens the repository without ever reading the config.
    config: () => (cfg ??= import('../config/load.js').then((m) => m.loadConfig(repo.mainRoot, { repo }))),
  };
}
