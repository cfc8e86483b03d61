/**
 * Running the pinned, real `claude` binary against this plugin, offline and isolated:
 * - the plugin folder is the one `npm run build` makes (plugin/), freshly built for this run, and
 *   the marketplace is the repository's own manifest next to it;
 * - every run gets a fresh HOME and CLAUDE_CONFIG_DIR (a failed MCP connection is cached for 15
 *   minutes in the config dir) and an environment built from scratch, so nothing of the machine's
 *   own ~/.claude, and no CLAUDE_* variable of a surrounding Claude Code session, leaks in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { inject } from 'vitest';
import { tempDir } from '../helpers/repo.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLAUDE_VERSION = '2.1.330';

/**
 * The native binary. npm 11 may skip install scripts (then bin/claude.exe stays a small stub):
 * fall back to the binary in the platform package, which is what the postinstall would have linked.
 */
export function claudeBin(): string {
  const pkg = path.join(ROOT, 'node_modules', '@anthropic-ai', 'claude-code');
  const main = path.join(pkg, 'bin', 'claude.exe');
  try {
    if (fs.statSync(main).size > 1024 * 1024) return main;
  } catch {
    // missing: try the platform package
  }
  const libc = process.platform === 'linux' && !fs.existsSync('/lib/ld-linux-x86-64.so.2') && !fs.existsSync('/lib64/ld-linux-x86-64.so.2') ? '-musl' : '';
  const platformBin = path.join(ROOT, 'node_modules', '@anthropic-ai', `claude-code-${process.platform}-${process.arch}${libc}`, process.platform === 'win32' ? 'claude.exe' : 'claude');
  if (fs.existsSync(platformBin)) return platformBin;
  throw new Error(`The claude binary is not installed (looked at ${main} and ${platformBin}); run npm ci.`);
}

/** The plugin folder as a user would install it: the fresh build of plugin/. */
export function pluginDir(): string {
  return inject('pluginBuildDir');
}

let market: string | undefined;

/**
 * The repository as a marketplace: its .claude-plugin/marketplace.json and, at the `source` it
 * names, the freshly built plugin folder (everything else of the checkout is not the plugin's).
 */
export function marketplaceDir(): string {
  if (market) return market;
  const dir = tempDir('lanes-marketplace-');
  fs.cpSync(path.join(ROOT, '.claude-plugin'), path.join(dir, '.claude-plugin'), { recursive: true });
  const source = JSON.parse(fs.readFileSync(path.join(ROOT, '.claude-plugin', 'marketplace.json'), 'utf8')).plugins[0].source as string;
  fs.cpSync(pluginDir(), path.join(dir, source), { recursive: true });
  market = dir;
  return dir;
}

/** Bytes of every file under dir (symlinks not followed). */
export function treeBytes(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) n += treeBytes(p);
    else n += fs.lstatSync(p).size;
  }
  return n;
}

export interface ClaudeHome {
  home: string;
  configDir: string;
  env: Record<string, string>;
}

const PASS = ['PATH', 'TMPDIR', 'LANG', 'LC_ALL', 'TERM', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'LANES_LOG'];

export function claudeHome(extra: Record<string, string> = {}): ClaudeHome {
  const home = tempDir('lanes-claude-home-');
  const configDir = path.join(home, '.claude');
  fs.mkdirSync(configDir, { recursive: true });
  const env: Record<string, string> = {};
  for (const k of PASS) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  Object.assign(env, {
    HOME: home,
    CLAUDE_CONFIG_DIR: configDir,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_OFFICIAL_MARKETPLACE_AUTOINSTALL: '1',
    ...extra,
  });
  return { home, configDir, env };
}

export interface ClaudeRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export async function claude(args: string[], opts: { cwd?: string; env: Record<string, string>; timeoutMs?: number; input?: string }): Promise<ClaudeRun> {
  const t = performance.now();
  const r = await execa(claudeBin(), args, {
    cwd: opts.cwd ?? os.tmpdir(),
    env: opts.env,
    extendEnv: false,
    reject: false,
    timeout: opts.timeoutMs ?? 60_000,
    ...(opts.input !== undefined ? { input: opts.input } : { stdin: 'ignore' as const }),
  });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr), ms: performance.now() - t };
}

/** stream-json output, one event per line. */
export function events(stdout: string): Array<Record<string, any>> {
  return stdout
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l));
}

export function readTrace(file: string): Array<Record<string, any>> {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}
