import type { Service } from '../errors.ts';

const DISPLAY_NAMES: Record<Service, string> = {
  audiobookshelf: 'Audiobookshelf',
  hardcover: 'Hardcover',
  discogs: 'Discogs',
  soundcloud: 'SoundCloud',
  shelfsync: 'shelfsync',
};

/** The name users know a service by, for messages. */
export function serviceName(service: Service): string {
  return DISPLAY_NAMES[service];
}
