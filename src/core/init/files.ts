/**
 * The files `lanes init` writes: .lanes/config.json (with a `$schema` that resolves: the schema is
 * copied next to it), and .worktreeinclude when the project has env files and none exists yet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LanesError } from '../../errors.js';
import { configJsonSchemaText } from '../config/load.js';
import type { InitGuess } from './model.js';

export interface InitFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

export const CONFIG_PATH = '.lanes/config.json';
export const SCHEMA_PATH = '.lanes/config.schema.json';

export function initFiles(root: string, guess: InitGuess, opts: { force?: boolean } = {}): InitFile[] {
  if (fs.existsSync(path.join(root, CONFIG_PATH)) && !opts.force) {
    throw new LanesError('CONFLICT', `${CONFIG_PATH} already exists; lanes init leaves it as it is.`, {
      hint: 'Edit it by hand, or run lanes init --force to replace it with a fresh guess.',
    });
  }
  const config = { $schema: './config.schema.json', gates: guess.gates, setup: guess.setup };
  const files: InitFile[] = [
    { path: CONFIG_PATH, content: `${JSON.stringify(config, null, 2)}\n` },
    { path: SCHEMA_PATH, content: configJsonSchemaText() },
  ];
  if (guess.envFiles.length > 0 && !fs.existsSync(path.join(root, '.worktreeinclude'))) {
    files.push({ path: '.worktreeinclude', content: `# Gitignored files copied into each new lane\n${guess.envFiles.join('\n')}\n` });
  }
  return files;
}

export function writeInitFiles(root: string, files: readonly InitFile[]): void {
  for (const f of files) {
    const p = path.join(root, f.path);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, f.content);
  }
}
