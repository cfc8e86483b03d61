/**
 * Real git servers on loopback for the remote-state tests: `git daemon` with receive-pack enabled,
 * and a small smart-HTTP server running `git http-backend` as CGI (the protocol GitHub and GitLab
 * speak) with hooks to inject latency and failures. Each serves one bare repository; both bind
 * 127.0.0.1 only, stop cleanly and leave no process behind. `makeMachine` gives a clone its own
 * HOME and global config, as a separate machine would have.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './repo.js';

export interface GitServer {
  /** The URL clones push to and fetch from. */
  url: string;
  /** The bare repository on the server's disk. */
  bare: string;
  /** Runs git in the bare repository (inspection from the server side). */
  git(...args: string[]): string;
  /** Installs (or with undefined removes) a `pre-receive` hook: a shell script body. */
  preReceive(script: string | undefined): void;
  /** Stops the server and waits until its processes are gone. Idempotent. */
  stop(): Promise<void>;
  /** Starts it again on the same address (after stop). */
  start(): Promise<void>;
  /** Removes everything (stops first). */
  cleanup(): Promise<void>;
}

export interface HttpGitServer extends GitServer {
  /** The next `n` requests get 503 Service Unavailable. */
  failNext(n: number, status?: number): void;
  /**
   * The next `n` pushes are carried out by the server but their answer is lost (the connection is
   * dropped after receive-pack finished): the client cannot tell whether they landed.
   */
  loseNextPushAnswers(n: number): void;
  /** Every request waits this long before it is served (0 = none). */
  latencyMs: number;
  /** Requests served so far (including failed ones). */
  requests: number;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

function makeBare(): { base: string; bare: string; git: (...a: string[]) => string } {
  const base = tempDir('lanes-srv-');
  const bare = path.join(base, 'repo.git');
  execFileSync('git', ['init', '-q', '--bare', bare]);
  const g = (...args: string[]) => execFileSync('git', args, { cwd: bare, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  g('config', 'http.receivepack', 'true');
  g('config', 'receive.denyNonFastForwards', 'false');
  g('config', 'gc.auto', '0');
  return { base, bare, git: g };
}

function hookInstaller(bare: string): (script: string | undefined) => void {
  return (script) => {
    const p = path.join(bare, 'hooks', 'pre-receive');
    if (script === undefined) {
      fs.rmSync(p, { force: true });
      return;
    }
    fs.writeFileSync(p, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  };
}

/** A port the kernel just handed out; the caller retries when someone else grabs it first. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect({ host: '127.0.0.1', port });
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `git daemon` serving one bare repository with push enabled, on 127.0.0.1. */
export async function startGitDaemon(): Promise<GitServer> {
  const { base, bare, git: g } = makeBare();
  let port = 0;
  let child: ChildProcess | undefined;

  const launch = async (): Promise<boolean> => {
    const c = spawn(
      'git',
      [
        'daemon',
        '--enable=receive-pack',
        '--export-all',
        `--base-path=${base}`,
        `--port=${port}`,
        '--listen=127.0.0.1',
        '--reuseaddr',
        base,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    c.stderr!.on('data', (d) => (stderr += String(d)));
    live.add(c);
    c.once('exit', () => live.delete(c));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (c.exitCode !== null) {
        if (/already in use|Address in use|bind/i.test(stderr)) return false;
        throw new Error(`git daemon exited: ${stderr}`);
      }
      if (await canConnect(port)) {
        child = c;
        return true;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    c.kill('SIGKILL');
    await exited(c);
    throw new Error(`git daemon did not accept connections on ${port} within 20 s: ${stderr}`);
  };

  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c) return;
    c.kill('SIGTERM');
    await exited(c);
    // Connections the daemon forked keep serving after it exits; wait until nothing answers.
    const deadline = Date.now() + 20_000;
    while ((await canConnect(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };

  for (let i = 0; ; i++) {
    port = await freePort();
    if (await launch()) break;
    if (i >= 5) throw new Error('git daemon: could not bind a free port');
  }
  return {
    url: `git://127.0.0.1:${port}/repo.git`,
    bare,
    git: g,
    preReceive: hookInstaller(bare),
    stop,
    start: async () => {
      if (child) return;
      if (!(await launch())) throw new Error(`git daemon: port ${port} is taken, cannot restart`);
    },
    cleanup: async () => {
      await stop();
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

/** A smart-HTTP git server: Node http on 127.0.0.1 running `git http-backend` per request. */
export async function startHttpGitServer(): Promise<HttpGitServer> {
  const { base, bare, git: g } = makeBare();
  const cgis = new Set<ChildProcess>();
  let failures: { n: number; status: number } = { n: 0, status: 503 };
  let lostAnswers = 0;

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    api.requests++;
    if (api.latencyMs > 0) await new Promise((r) => setTimeout(r, api.latencyMs));
    if (failures.n > 0) {
      failures.n--;
      req.resume();
      res.writeHead(failures.status, { 'Content-Type': 'text/plain' });
      res.end('injected failure\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      GIT_PROJECT_ROOT: base,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.replace(/^\?/, ''),
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_USER: 'test',
    };
    if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = String(req.headers['content-encoding']);
    if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);
    if (req.headers['content-length']) env.CONTENT_LENGTH = String(req.headers['content-length']);
    const loseAnswer = lostAnswers > 0 && req.method === 'POST' && url.pathname.endsWith('/git-receive-pack');
    if (loseAnswer) lostAnswers--;
    const cgi = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    cgis.add(cgi);
    live.add(cgi);
    cgi.once('exit', () => {
      cgis.delete(cgi);
      live.delete(cgi);
    });
    cgi.stderr!.resume();
    cgi.stdin!.on('error', () => undefined);
    req.pipe(cgi.stdin!);
    let head = Buffer.alloc(0);
    let headersDone = false;
    if (loseAnswer) {
      cgi.stdout!.resume();
      cgi.once('exit', () => req.socket.destroy());
      return;
    }
    cgi.stdout!.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const sep = head.indexOf('\r\n\r\n') >= 0 ? head.indexOf('\r\n\r\n') : head.indexOf('\n\n');
      if (sep < 0) return;
      const sepLen = head[sep] === 0x0d ? 4 : 2;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, sep).toString('latin1').split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = parseInt(v, 10) || 200;
        else headers[k] = v;
      }
      res.writeHead(status, headers);
      headersDone = true;
      res.write(head.subarray(sep + sepLen));
    });
    cgi.stdout!.on('end', () => res.end());
    cgi.once('error', () => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };

  let server: http.Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = http.createServer((req, res) => void handler(req, res));
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = async () => {
    const s = server;
    server = undefined;
    if (!s) return;
    const closed = new Promise<void>((r) => s.close(() => r()));
    s.closeAllConnections();
    for (const c of cgis) c.kill('SIGKILL');
    await Promise.all([closed, ...[...cgis].map(exited)]);
  };

  await listen();
  const api: HttpGitServer = {
    url: `http://127.0.0.1:${port}/repo.git`,
    bare,
    git: g,
    preReceive: hookInstaller(bare),
    latencyMs: 0,
    requests: 0,
    failNext: (n, status = 503) => {
      failures = { n, status };
    },
    loseNextPushAnswers: (n) => {
      lostAnswers = n;
    },
    stop,
    start: async () => {
      if (!server) await listen();
    },
    cleanup: async () => {
      await stop();
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
  return api;
}

export interface Machine {
  name: string;
  /** A clone (an empty repository with `origin` set to the server). */
  dir: string;
  /** The environment of this machine: its own HOME and global git config. */
  env: Record<string, string>;
  git(...args: string[]): string;
  cleanup(): void;
}

/** A "machine": its own HOME / GIT_CONFIG_GLOBAL and a repository whose `origin` is `url`. */
export function makeMachine(name: string, url: string): Machine {
  const root = tempDir(`lanes-${name}-`);
  const home = path.join(root, 'home');
  fs.mkdirSync(home);
  fs.writeFileSync(path.join(home, '.gitconfig'), `[user]\n\tname = ${name}\n\temail = ${name}@lanes.invalid\n`);
  const env = {
    ...(process.env as Record<string, string>),
    HOME: home,
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const dir = path.join(root, 'clone');
  const g = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  fs.mkdirSync(dir);
  g('init', '-q', '-b', 'main');
  g('config', 'gc.auto', '0');
  g('remote', 'add', 'origin', url);
  return { name, dir, env, git: g, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
