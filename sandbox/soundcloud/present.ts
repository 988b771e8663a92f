import type { SoundcloudTrack, SoundcloudUser } from '../records/world.ts';
import { type SoundcloudCatalog, urnOf } from './catalog.ts';
import { soundcloudTimestamp } from './formats.ts';
import type { PlaylistStore, StoredPlaylist } from './playlist-store.ts';

export type Access = 'playable' | 'preview' | 'blocked';

/**
 * Turns stored data into the bodies of the spec's User, Me, Track and Playlist schemas. Real
 * responses carry both `urn` and the deprecated numeric `id`, so ours do too. Where a real response
 * would hold `null` in a field the spec types as a plain string or integer, we send `""` for free
 * text and leave identifiers out, so every body validates against the vendor's schema.
 */
export class SoundcloudPresenter {
  private readonly catalog: SoundcloudCatalog;
  private readonly playlists: PlaylistStore;
  private readonly origin: string;

  /** `origin` is where the request came in (sandbox/core/request-origin.ts): API links point there. */
  constructor(catalog: SoundcloudCatalog, playlists: PlaylistStore, origin: string) {
    this.catalog = catalog;
    this.playlists = playlists;
    this.origin = origin;
  }

  user(user: SoundcloudUser): Record<string, unknown> {
    const urn = urnOf('users', user.id);
    const [firstName = '', ...rest] = user.fullName.split(/\s+/).filter(Boolean);
    // The world has no sign-up dates; derive a stable one from the id.
    const createdAt = soundcloudTimestamp(
      Date.UTC(2009, 0, 1) + (user.id % 4000) * 86_400_000 + (user.id % 86_400) * 1000,
    );
    return {
      avatar_url: `https://i1.sndcdn.com/avatars-${String(user.id).padStart(9, '0')}-large.jpg`,
      city: user.city ?? '',
      country: user.country ?? '',
      created_at: createdAt,
      description: '',
      first_name: firstName,
      followers_count: user.followersCount,
      followings_count: user.id % 250,
      full_name: user.fullName,
      id: user.id,
      kind: 'user',
      last_modified: createdAt,
      last_name: rest.join(' '),
      permalink: user.permalink,
      permalink_url: `https://soundcloud.com/${user.permalink}`,
      plan: 'Free',
      playlist_count: this.playlists.counts(user.id).public,
      public_favorites_count: 0,
      reposts_count: 0,
      track_count: this.catalog.trackCount(user.id),
      uri: `${this.origin}/users/${urn}`,
      urn,
      username: user.username,
      website: '',
      website_title: '',
    };
  }

  me(user: SoundcloudUser): Record<string, unknown> {
    const counts = this.playlists.counts(user.id);
    return {
      ...this.user(user),
      comments_count: 0,
      likes_count: 0,
      locale: '',
      online: false,
      primary_email_confirmed: true,
      private_playlists_count: counts.private,
      private_tracks_count: 0,
      quota: { unlimited_upload_quota: false, upload_seconds_used: 0, upload_seconds_left: 10_800 },
      upload_seconds_left: 10_800,
    };
  }

  track(track: SoundcloudTrack): Record<string, unknown> {
    const user = this.catalog.uploader(track);
    const urn = urnOf('tracks', track.id);
    const body: Record<string, unknown> = {
      access: track.access,
      artwork_url: `https://i1.sndcdn.com/artworks-${track.id.toString(36)}-t500x500.jpg`,
      comment_count: 0,
      commentable: true,
      created_at: track.createdAt,
      description: '',
      download_count: 0,
      download_url: null,
      downloadable: false,
      duration: track.duration,
      embeddable_by: 'all',
      favoritings_count: track.favoritingsCount,
      genre: track.genre ?? '',
      id: track.id,
      kind: 'track',
      label_name: track.labelName ?? '',
      license: 'all-rights-reserved',
      permalink_url: `https://soundcloud.com/${user.permalink}/${this.catalog.trackPermalink(track)}`,
      playback_count: track.playbackCount,
      reposts_count: Math.floor(track.favoritingsCount / 10),
      reveal_comments: true,
      reveal_stats: true,
      sharing: 'public',
      stream_url: `${this.origin}/tracks/${urn}/stream`,
      streamable: track.access !== 'blocked',
      tag_list: track.tagList,
      title: track.title,
      uri: `${this.origin}/tracks/${urn}`,
      urn,
      user: this.user(user),
      user_favorite: false,
      user_playback_count: 0,
      waveform_url: `https://wave.sndcdn.com/${track.id.toString(36).padStart(12, '0')}_m.png`,
    };
    if (track.isrc) body.isrc = track.isrc;
    if (track.metadataArtist) body.metadata_artist = track.metadataArtist;
    if (track.releaseYear !== null) body.release_year = track.releaseYear;
    return body;
  }

  /** Tracks of a playlist that the world still has, in playlist order. */
  playlistTracks(playlist: StoredPlaylist): SoundcloudTrack[] {
    return playlist.trackIds.flatMap((id) => {
      const track = this.catalog.track(id);
      return track ? [track] : [];
    });
  }

  playlist(
    playlist: StoredPlaylist,
    options: { showTracks: boolean; access: readonly Access[] },
  ): Record<string, unknown> {
    const owner = this.catalog.user(playlist.userId);
    const urn = urnOf('playlists', playlist.id);
    const tracks = this.playlistTracks(playlist);
    const [year, month, day] = playlist.releaseDate.split('-').map(Number);
    const body: Record<string, unknown> = {
      artwork_url: '',
      created_at: soundcloudTimestamp(playlist.createdAt),
      description: playlist.description,
      downloadable: true,
      duration: tracks.reduce((sum, track) => sum + track.duration, 0),
      embeddable_by: 'all',
      genre: playlist.genre,
      id: playlist.id,
      kind: 'playlist',
      label_name: playlist.labelName,
      last_modified: soundcloudTimestamp(playlist.lastModified),
      license: playlist.license,
      likes_count: 0,
      permalink: playlist.permalink,
      permalink_url: `https://soundcloud.com/${owner?.permalink ?? 'user'}/sets/${playlist.permalink}`,
      playlist_type: playlist.setType,
      purchase_title: playlist.purchaseTitle,
      purchase_url: playlist.purchaseUrl,
      release: playlist.release,
      set_type: playlist.setType,
      sharing: playlist.sharing,
      streamable: true,
      tag_list: playlist.tagList,
      tags: playlist.tagList,
      title: playlist.title,
      track_count: playlist.trackIds.length,
      tracks_uri: `${this.origin}/playlists/${urn}/tracks`,
      type: playlist.setType,
      uri: `${this.origin}/playlists/${urn}`,
      urn,
      user: owner ? this.user(owner) : null,
      user_id: playlist.userId,
      user_urn: urnOf('users', playlist.userId),
    };
    if (playlist.ean) body.ean = playlist.ean;
    if (year && month && day)
      Object.assign(body, { release_year: year, release_month: month, release_day: day });
    if (options.showTracks) {
      body.tracks = tracks.filter((track) => options.access.includes(track.access)).map((t) => this.track(t));
    }
    return body;
  }
}
