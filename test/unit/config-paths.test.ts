import { describe, expect, it } from 'vitest';
import { locateConfig, standardDirs } from '../../src/core/config/index.ts';
import { describeMissingConfig } from '../../src/core/config/paths.ts';

describe('locateConfig', () => {
  const env = { HOME: '/home/ada' };

  it('prefers --config, resolved against the working folder', () => {
    expect(
      locateConfig({ configPath: 'conf/s.yaml', env: { ...env, SHELFSYNC_CONFIG: '/x.yaml' }, cwd: '/work' }),
    ).toEqual({
      path: '/work/conf/s.yaml',
      source: 'option',
    });
    expect(locateConfig({ configPath: '~/s.yaml', env, cwd: '/work' }).path).toBe('/home/ada/s.yaml');
  });

  it('then $SHELFSYNC_CONFIG, then the XDG config folder', () => {
    expect(locateConfig({ env: { ...env, SHELFSYNC_CONFIG: '/etc/s.yaml' }, cwd: '/' })).toEqual({
      path: '/etc/s.yaml',
      source: 'env',
    });
    expect(locateConfig({ env: { ...env, XDG_CONFIG_HOME: '/cfg' }, cwd: '/' })).toEqual({
      path: '/cfg/shelfsync/config.yaml',
      source: 'default',
    });
    expect(locateConfig({ env, cwd: '/' }).path).toBe('/home/ada/.config/shelfsync/config.yaml');
  });

  it('ignores relative XDG folders, as the XDG spec says', () => {
    expect(standardDirs({ HOME: '/h', XDG_CONFIG_HOME: 'rel', XDG_DATA_HOME: '/d' })).toEqual({
      home: '/h',
      configHome: '/h/.config',
      dataHome: '/d',
      stateHome: '/h/.local/state',
    });
  });
});

describe('the missing-config sentence', () => {
  it('names every place looked at and suggests init', () => {
    const message = describeMissingConfig({
      path: '/home/ada/.config/shelfsync/config.yaml',
      source: 'default',
    });
    expect(message).toContain('--config was not given');
    expect(message).toContain('$SHELFSYNC_CONFIG is not set');
    expect(message).toContain('/home/ada/.config/shelfsync/config.yaml does not exist');
    expect(message).toContain('shelfsync init');
  });

  it('says where an explicit path came from', () => {
    expect(describeMissingConfig({ path: '/a.yaml', source: 'option' })).toMatch(
      /^no config file at \/a\.yaml \(given with --config\).*shelfsync init --path \/a\.yaml/,
    );
    expect(describeMissingConfig({ path: '/b.yaml', source: 'env' })).toMatch(/named by \$SHELFSYNC_CONFIG/);
  });
});
