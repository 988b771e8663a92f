import { z } from 'zod';

/**
 * Zod schemas of the Discogs responses shelfsync reads (API-NOTES §3, captured fixtures). Discogs
 * leaves out list keys when a list is empty (`styles`, `extraartists`, `sub_tracks`...) and sends
 * some numbers as strings, so lists default to empty and text fields to ''. Unknown keys are dropped.
 */

const text = z.string().default('');
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);
/** Discogs sends `qty` as a string; accept a number too. */
const stringish = z.union([z.string(), z.number().transform(String)]).default('');

export const artistCreditSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  anv: text,
  join: text,
  role: text,
  tracks: text,
});
export type DiscogsArtistCredit = z.output<typeof artistCreditSchema>;

export const labelSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  catno: text,
  entity_type: stringish,
  entity_type_name: text,
});
export type DiscogsLabel = z.output<typeof labelSchema>;

export const formatSchema = z.object({
  name: z.string(),
  qty: stringish,
  text: z.string().optional(),
  descriptions: list(z.string()),
});
export type DiscogsFormat = z.output<typeof formatSchema>;

/** The release summary inside collection and wantlist items. */
export const basicInformationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int().default(0),
  thumb: text,
  cover_image: text,
  master_id: z.number().int().nullish(),
  artists: list(artistCreditSchema),
  labels: list(labelSchema),
  formats: list(formatSchema),
  genres: list(z.string()),
  styles: list(z.string()),
});
export type DiscogsBasicInformation = z.output<typeof basicInformationSchema>;

export const paginationSchema = z.object({
  page: z.number().int(),
  pages: z.number().int(),
  per_page: z.number().int(),
  items: z.number().int(),
});
export type DiscogsPagination = z.output<typeof paginationSchema>;

export const collectionItemSchema = z.object({
  id: z.number().int(),
  instance_id: z.number().int(),
  folder_id: z.number().int(),
  rating: z.number().int().default(0),
  date_added: text,
  notes: list(z.object({ field_id: z.number().int(), value: stringish })),
  basic_information: basicInformationSchema,
});
export type DiscogsCollectionItem = z.output<typeof collectionItemSchema>;

export const collectionPageSchema = z.object({
  pagination: paginationSchema,
  releases: list(collectionItemSchema),
});

export const wantSchema = z.object({
  id: z.number().int(),
  rating: z.number().int().default(0),
  date_added: text,
  notes: text,
  notes_public: z.boolean().default(false),
  basic_information: basicInformationSchema,
});
export type DiscogsWant = z.output<typeof wantSchema>;

export const wantsPageSchema = z.object({ pagination: paginationSchema, wants: list(wantSchema) });

export const folderSchema = z.object({ id: z.number().int(), name: z.string(), count: z.number().int() });
export type DiscogsFolder = z.output<typeof folderSchema>;

/** The list itself is required: a body without it is not "no folders" (that would drop them all). */
export const foldersSchema = z.object({ folders: z.array(folderSchema) });

export const customFieldSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  position: z.number().int().default(0),
  public: z.boolean().default(false),
  options: z.array(z.string()).optional(),
  lines: z.number().int().optional(),
});
export type DiscogsCustomField = z.output<typeof customFieldSchema>;

export const customFieldsSchema = z.object({ fields: z.array(customFieldSchema) });

export const TRACK_TYPES = ['track', 'heading', 'index'] as const;

export interface DiscogsTrack {
  position: string;
  type_: (typeof TRACK_TYPES)[number];
  title: string;
  duration: string;
  artists: DiscogsArtistCredit[];
  extraartists: DiscogsArtistCredit[];
  sub_tracks: DiscogsTrack[];
}

export const trackSchema: z.ZodType<DiscogsTrack, unknown> = z.lazy(() =>
  z.object({
    position: text,
    type_: z.enum(TRACK_TYPES).default('track'),
    title: text,
    duration: text,
    artists: list(artistCreditSchema),
    extraartists: list(artistCreditSchema),
    sub_tracks: list(trackSchema),
  }),
);

/** `GET /releases/{id}`: the fields shelfsync keeps. */
export const releaseSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  year: z.number().int().default(0),
  released: z.string().optional(),
  country: z.string().optional(),
  data_quality: z.string().optional(),
  master_id: z.number().int().nullish(),
  thumb: text,
  artists: list(artistCreditSchema),
  extraartists: list(artistCreditSchema),
  labels: list(labelSchema),
  formats: list(formatSchema),
  genres: list(z.string()),
  styles: list(z.string()),
  tracklist: list(trackSchema),
});
export type DiscogsRelease = z.output<typeof releaseSchema>;
