import { describe, expect, it } from 'vitest';
import { NODE_FLAGS, relaunchArguments } from '../../src/cli/node-flags.ts';

const argv = ['/usr/bin/node', '/opt/shelfsync/bin/shelfsync.js', 'sync', '--json'];

describe('relaunchArguments', () => {
  it('starts the same script with the same arguments under the flags, before the node options given', () => {
    expect(relaunchArguments({ execArgv: ['--inspect'], argv, env: {} })).toEqual([
      ...NODE_FLAGS,
      '--inspect',
      '/opt/shelfsync/bin/shelfsync.js',
      'sync',
      '--json',
    ]);
  });

  it("asks for V8's memory-saving mode with 32 MB semi-spaces", () => {
    expect(NODE_FLAGS).toEqual(['--max-semi-space-size=32', '--optimize-for-size']);
  });

  it('does not start again once it runs under the flags', () => {
    expect(relaunchArguments({ execArgv: [...NODE_FLAGS], argv, env: {} })).toBeUndefined();
  });

  it("leaves a user's own young generation size alone, on the command line or in NODE_OPTIONS", () => {
    for (const flag of ['--max-semi-space-size=64', '--max_semi_space_size=2']) {
      expect(relaunchArguments({ execArgv: [flag], argv, env: {} })).toBeUndefined();
      expect(
        relaunchArguments({ execArgv: [], argv, env: { NODE_OPTIONS: `--trace-warnings ${flag}` } }),
      ).toBeUndefined();
    }
  });

  it('starts again when NODE_OPTIONS holds other options only', () => {
    expect(
      relaunchArguments({ execArgv: [], argv, env: { NODE_OPTIONS: '--max-old-space-size=512' } }),
    ).toEqual([...NODE_FLAGS, '/opt/shelfsync/bin/shelfsync.js', 'sync', '--json']);
  });
});
