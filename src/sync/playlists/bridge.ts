import type { Bridge } from '../bridge.ts';
import type { PlaylistsReport } from '../report.ts';

// Placeholder until the playlists bridge lands (issue 16); the engine already calls it.
export const playlistsBridge: Bridge<PlaylistsReport> = {
  name: 'playlists',
  configured: (config) => (config.playlists?.definitions ?? []).some((definition) => definition.auto_update),
  run: async () => ({}),
};
