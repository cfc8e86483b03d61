import type { Command } from 'commander';
import { openProject } from '../../core/project/project.js';
import { LanesError } from '../../errors.js';
import { startDashboard } from '../../dashboard/server.js';
import { action } from '../run.js';
import { childProcess } from '../../system/child-process.js';

export function registerDashboard(program: Command): void {
  program
    .command('dashboard')
    .description('serve the status as a live web page on 127.0.0.1 (dependency graph, lanes, queue, timeline) until Ctrl-C')
    .option('--port <n>', 'port to listen on (default or 0: any free port)')
    .option('--open', 'open the page in the default browser')
    .action(
      action(async (opts: { port?: string; open?: boolean }) => {
        const port = opts.port === undefined ? 0 : Number(opts.port);
        if (opts.port !== undefined && (!/^\d+$/.test(opts.port) || port > 65_535)) {
          throw new LanesError('INVALID_INPUT', `Invalid --port ${JSON.stringify(opts.port)}.`, {
            hint: 'Use a port from 1 to 65535, or 0 (or nothing) for any free port.',
          });
        }
        const project = await openProject(process.cwd());
        const d = await startDashboard(project, { port });
        process.stdout.write(`${d.url}\n`);
        process.stderr.write('lanes dashboard: serving on 127.0.0.1 only; Ctrl-C to stop\n');
        if (opts.open) openBrowser(d.url);
        // The handlers stay registered until the server is closed: signal-exit (used by
        // proper-lockfile and execa) re-raises a signal it sees no other listener for.
        let stop: () => void = () => undefined;
        const stopped = new Promise<void>((resolve) => (stop = resolve));
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        try {
          await stopped;
          await d.close();
        } finally {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
        }
      }),
    );
}

/** The platform's opener, as argv (no shell); a failure only means the user opens the URL. */
function openBrowser(url: string): void {
  const [cmd, ...args] =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['rundll32', 'url.dll,FileProtocolHandler', url]
        : ['xdg-open', url];
  try {
    const child = childProcess().spawn(cmd!, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`lanes dashboard: could not open a browser; open ${url} yourself\n`));
    child.unref();
  } catch {
    process.stderr.write(`lanes dashboard: could not open a browser; open ${url} yourself\n`);
  }
}
