import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Everything, slow suites included (`*.slow.test.ts`: the real client, the browser, the fault and
    // random-kill suites, the big oracles, the real-project gate, the demo); `npm run test:fast`
    // leaves those out.
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Two at a time even on 2 cores (vitest's default there is one): most suites wait on git and
    // child processes, and the whole suite takes about half as long (13 min serially on a 2-core
    // machine, 6.5 min so). Every suite must hold on a loaded machine anyway.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
