/**
 * Loading `.lanes/config.json`, the one committed configuration file. Every field is optional, so a repo
 * with no file at all works; every object is `.strict()`, so a typo'd field is an error instead of
 * a silently ignored setting. Errors name every bad field by its JSON path in one go (fixing a
 * config one error per run is miserable), and invalid JSON is reported by line and column.
 *
 * Gates are security-relevant (docs/safety.md rule 8): the merge queue must read them from the
 * target branch with `loadConfigAtCommit`, never from the lane's working copy, or an agent could
 * switch off its own gates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LanesError } from '../../errors.js';
import { branchExistsAt, mainHeadRef } from '../../git/head-files.js';
import { refSha } from '../../git/refs.js';
import { readBlob, treeEntry } from '../../git/tree.js';
import { resolveRepo, type Repo } from '../../git/repo.js';
import { describeIssue } from './issues.js';
import { parseJsonText } from './json.js';
import {
  CONFIG_FILE,
  CONFIG_SCHEMA_FILE,
  ConfigSchema,
  MAX_CONFIG_BYTES,
  type LanesConfig,
  type ParsedConfig as Parsed,
} from './schema.js';

// ---------------------------------------------------------------------------------------------
// Parsing and loading

/**
 * Validates already-parsed JSON. `target` falls back to `opts.defaultTarget`, else "main";
 * callers with a repository should use loadConfig, which resolves it from git.
 */
export function parseConfig(json: unknown, source: string, opts: { defaultTarget?: string } = {}): LanesConfig {
  return finish(validateConfig(json, source), opts.defaultTarget ?? 'main');
}

function validateConfig(json: unknown, source: string): Parsed {
  // jitless: a config is parsed once or twice per process, and zod's compiled fast path costs
  // more to build (about 6 ms, on every CLI call, hook and lane start) than it ever saves here.
  const r = ConfigSchema.safeParse(json, {
    jitless: true,
    error: (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? 'required field is missing' : undefined),
  });
  if (r.success) return r.data;
  const problems = r.error.issues.flatMap((iss) => describeIssue(iss, json));
  throw new LanesError(
    'CONFIG',
    `${source} is invalid (${plural(problems.length, 'problem')}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    {
      hint: `Fix ${problems.length === 1 ? 'this field' : 'these fields'} in ${source}. Every field is optional; the JSON schema ${CONFIG_SCHEMA_FILE} in the Lanes package describes them all (point "$schema" at it for editor completion).`,
      details: { source, problems },
    },
  );
}

function finish(parsed: Parsed, defaultTarget: string): LanesConfig {
  const { $schema: _ignored, target, ...rest } = parsed;
  return { ...rest, target: target ?? defaultTarget };
}

/** Validates, then resolves the default target from git only if the config does not set one. */
async function finishFromRepo(json: unknown, source: string, dir: string, repo: Repo | undefined): Promise<LanesConfig> {
  const parsed = validateConfig(json, source);
  return finish(parsed, parsed.target ?? (await resolveTarget(repo ?? (await resolveRepo(dir)))));
}

/**
 * Reads `<dir>/.lanes/config.json` (the working copy). A missing file means all defaults.
 * The default target is resolved from git only when the file does not set one.
 */
export async function loadConfig(dir: string, opts: { repo?: Repo } = {}): Promise<LanesConfig> {
  const file = path.join(dir, CONFIG_FILE);
  let text: string | undefined;
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile())
      throw new LanesError('CONFIG', `${file} is not a regular file.`, {
        hint: `Make ${CONFIG_FILE} a JSON file, or remove it to use the defaults.`,
      });
    if (st.size > MAX_CONFIG_BYTES) throw tooBig(file, st.size);
    text = await fs.promises.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (e instanceof LanesError) throw e;
      throw new LanesError('CONFIG', `Could not read ${file}: ${(e as Error).message}`, {
        hint: "Check the file's permissions.",
        cause: e,
      });
    }
  }
  return finishFromRepo(text === undefined ? {} : parseJsonText(text, file), file, dir, opts.repo);
}

/**
 * Reads `.lanes/config.json` as committed in `commit` (e.g. the target branch's tip), ignoring
 * every working copy. This is where gates must come from (docs/safety.md rule 8).
 */
export async function loadConfigAtCommit(repoDir: string, commit: string, opts: { repo?: Repo } = {}): Promise<LanesConfig> {
  // `commit` is passed to git as a revision: refuse anything that could be read as an option.
  // eslint-disable-next-line no-control-regex
  if (commit === '' || commit.startsWith('-') || /[\x00-\x20\x7f]/.test(commit)) {
    throw new LanesError('INVALID_INPUT', `Invalid commit ${JSON.stringify(commit)}.`, { hint: 'Pass a branch name or commit id.' });
  }
  const sha = await refSha(repoDir, `${commit}^{commit}`);
  if (sha === undefined) {
    throw new LanesError('NOT_FOUND', `Commit ${commit} not found in ${repoDir}.`, {
      hint: 'Check the branch name (is the target branch created?).',
    });
  }
  const source = `${commit}:${CONFIG_FILE}`;
  const entry = await treeEntry(repoDir, sha, CONFIG_FILE);
  let parsed: unknown = {};
  if (entry) {
    const { mode, type, oid, size } = entry;
    if (type !== 'blob' || mode === '120000' || !oid) {
      throw new LanesError('CONFIG', `${source} is not a regular file (mode ${mode}).`, {
        hint: `Commit ${CONFIG_FILE} as a plain JSON file.`,
      });
    }
    if (size > MAX_CONFIG_BYTES) throw tooBig(source, size);
    const text = await readBlob(repoDir, oid);
    parsed = parseJsonText(text, source);
  }
  return finishFromRepo(parsed, source, repoDir, opts.repo);
}

/**
 * The default target branch, independent of `init.defaultBranch`: the branch the main worktree
 * has checked out (whatever its name), else `main` if it exists, else `master`, else "main"
 * (which `lanes doctor` then reports as missing).
 */
export async function resolveTarget(repo: Repo): Promise<string> {
  // The *main* worktree's HEAD, even when called from a lane.
  const ref = await mainHeadRef(repo.commonDir);
  if (ref?.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  for (const b of ['main', 'master']) if (await branchExistsAt(repo.commonDir, b)) return b;
  return 'main';
}

/** The JSON schema of the config file as users write it (defaults make every field optional). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The exact text of schemas/config.schema.json, shared by the generator and its freshness test. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function tooBig(source: string, size: number): LanesError {
  return new LanesError('CONFIG', `${source} is ${size} bytes; Lanes refuses config files over ${MAX_CONFIG_BYTES} bytes.`, {
    hint: `${CONFIG_FILE} should be a small JSON file; check that the right file is committed there.`,
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
