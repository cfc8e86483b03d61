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
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
