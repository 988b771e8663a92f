import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shelfsyncVersion, versionAbove } from '../../src/core/version.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shelfsync-version-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A folder `levels` below `dir`; returns its path. */
function folderBelow(levels: number): string {
  const path = join(dir, ...Array.from({ length: levels }, (_, index) => `d${index}`));
  mkdirSync(path, { recursive: true });
  return path;
}

function writeManifest(folder: string, manifest: object): void {
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest));
}

describe('shelfsyncVersion', () => {
  it("is the version in this checkout's package.json, the same on every call", () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(shelfsyncVersion()).toBe(manifest.version);
    expect(shelfsyncVersion()).toBe(manifest.version);
  });
});

describe('versionAbove', () => {
  it('reads the package.json in the start folder', () => {
    writeManifest(dir, { name: 'shelfsync', version: '1.2.3' });
    expect(versionAbove(dir)).toBe('1.2.3');
  });

  it('walks up past package.json files of other packages and ones without a version', () => {
    writeManifest(dir, { name: 'shelfsync', version: '2.0.0' });
    writeManifest(folderBelow(1), { name: 'shelfsync' });
    writeManifest(folderBelow(2), { name: 'other', version: '9.9.9' });
    expect(versionAbove(folderBelow(3))).toBe('2.0.0');
  });

  it('looks at most five folders up', () => {
    writeManifest(dir, { name: 'shelfsync', version: '3.0.0' });
    expect(versionAbove(folderBelow(5))).toBe('3.0.0');
    expect(versionAbove(folderBelow(6))).toBe('0.0.0');
  });
});
