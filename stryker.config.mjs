// @ts-check
/**
 * Mutation testing: `npm run test:mutation`. Not part of `npm test`; see the README, "Development".
 *
 * Each area names the code to mutate and the tests that may kill its mutants. To cover more code,
 * add one line here, e.g. `{ code: 'src/sync', tests: ['test/unit/sync-*.test.ts'] }`.
 * vitest.mutation.config.ts runs exactly these tests; Stryker's related mode then picks, per
 * mutant, those that import the mutated file.
 */
export const areas = [
  {
    code: 'src/core',
    tests: [
      'test/unit/{cache,clock,config,crypto,errors,http,ratelimit,text,version}*.test.ts',
      'test/e2e/{cache,db,http,log,secrets}-*.test.ts',
    ],
  },
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    ...areas.map((area) => `${area.code}/**/*.ts`),
    // Re-export barrels hold nothing to mutate.
    '!src/**/index.ts',
  ],
  testRunner: 'vitest',
  // Forks, as in npm test: some tests set process.umask(), which worker threads refuse.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true, pool: 'forks' },
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
