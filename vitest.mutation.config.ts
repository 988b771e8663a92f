import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The tests Stryker runs against each mutant (stryker.config.mjs). Stryker's related mode already
 * narrows them to the test files that import the mutated code; this list drops the ones that cannot
 * kill a mutant or only slow each run: the stand-ins' own tests (they import core helpers such as
 * the clock, but check the stand-ins), contract tests, and tests that only drive the CLI (it runs
 * in a child process, where Stryker cannot switch mutants on).
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/**/sandbox-*.test.ts',
        'test/contract/**',
        'test/e2e/*-cli.test.ts',
        'test/e2e/sync-engine-skeleton.test.ts',
        'node_modules/**',
        '.stryker-tmp/**',
      ],
    },
  }),
);
