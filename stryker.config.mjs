// @ts-check
/**
 * Mutation testing: `npm run test:mutation`. Not part of `npm test`; see the README, "Development".
 * To cover more code, add its folder to `mutate`; the tests that import it are found on their own.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: [
    'src/core/**/*.ts',
    // Re-export barrels and empty table/migration slots hold nothing to mutate.
    '!src/core/**/index.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // A static mutant (a module-level constant such as a zod schema or a key list) needs every test
  // re-run on freshly loaded modules: 11% of the mutants took two thirds of the time. They are
  // reported as ignored; `npx stryker run --ignoreStatic false` tests them too.
  ignoreStatic: true,
  // The build machines have two cores shared with other work.
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
