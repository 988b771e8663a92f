import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncReportSchema } from '../../src/sync/report.ts';
import { runCli } from '../helpers/cli.ts';

function configWithNoBridges(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'shelfsync-sync-'));
  const path = join(dir, 'config.yaml');
  writeFileSync(path, `database: { path: ${dir}/db.sqlite }\nlog: { file: ${dir}/log.txt }\n`, {
    mode: 0o600,
  });
  return { dir, path };
}

describe('shelfsync sync (engine wiring)', () => {
  it('prints a report that validates against the exported schema, and records the run', () => {
    const { dir, path } = configWithNoBridges();
    const result = runCli(['sync', '--config', path, '--json'], { HOME: dir });
    expect(result.stderr).toContain('has nothing to do');
    expect(result.code).toBe(0);
    const report = syncReportSchema.parse(JSON.parse(result.stdout));
    expect(report).toMatchObject({ ok: true, dryRun: false, bridges: {}, requests: {} });
  });

  it('refuses an unknown bridge name with a usage error', () => {
    const { dir, path } = configWithNoBridges();
    const result = runCli(['sync', '--config', path, '--only', 'movies'], { HOME: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--only takes books, records, playlists');
  });
});
