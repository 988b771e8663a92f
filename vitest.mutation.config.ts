import { defineConfig } from 'vitest/config';
import { areas } from './stryker.config.mjs';
import base from './vitest.config.ts';

/**
 * The tests Stryker may run against a mutant: those the areas in stryker.config.mjs name. Tests that
 * only drive the CLI are left out: the CLI runs in a child process, where Stryker cannot switch a
 * mutant on, so they would only cost time.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: areas.flatMap((area) => area.tests),
    exclude: ['test/**/*-cli.test.ts', 'node_modules/**', '.stryker-tmp/**'],
    // The machine is shared; a slow test is not a failing one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
