import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/platform.ts';

describe('shelfsync demo', () => {
  it('syncs every bridge against in-process stand-ins on a temporary database, then cleans up', {
    timeout: 180_000,
  }, async () => {
    const result = await runCliAsync(['demo', '--books', '12', '--records', '20']);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Running `shelfsync sync`');
    expect(result.stdout).toContain('Signed in to the SoundCloud stand-in');
    expect(result.stdout.match(/^books [\w.-]+: \d+ synced/gm)).toHaveLength(2);
    expect(result.stdout).toMatch(/^records: [1-9]\d* added/m);
    expect(result.stdout).toMatch(/^playlist .+: [1-9]\d* matched/m);
    expect(result.stdout).toMatch(/^(ok|finished with problems) in \d/m);
    // Each finished phase counted every item it had: "books apply (alice): 5/5 in 1.5 s".
    const phaseLines = [
      ...`${result.stdout}\n${result.stderr}`.matchAll(/^(.+): (\d+)\/(\d+) in [\d.]+ s$/gm),
    ];
    expect(phaseLines.filter((line) => line[1]?.startsWith('books apply'))).toHaveLength(2);
    for (const [line, , done, total] of phaseLines) expect(done, line).toBe(total);
    const dir = /removed (\S+)\.$/m.exec(result.stdout)?.[1];
    expect(dir).toBeDefined();
    expect(existsSync(dir ?? '/')).toBe(false);
  });
});
