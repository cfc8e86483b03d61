/**
 * node:child_process, loaded on first use. Loading it (with net, streams and dgram under it) costs
 * about 4 ms of a Node start, and most hook runs start no process (SessionStart in a lane runs no
 * git): the modules that can start one take it from here when they do, not when they load.
 */
import { createRequire } from 'node:module';

type ChildProcessModule = typeof import('node:child_process');

const requireBuiltin = createRequire(import.meta.url);
let loaded: ChildProcessModule | undefined;

export function childProcess(): ChildProcessModule {
  return (loaded ??= requireBuiltin('node:child_process') as ChildProcessModule);
}
