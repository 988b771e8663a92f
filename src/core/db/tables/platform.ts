/** Table interfaces of the platform part, created by migrations/005-platform.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in when the platform part lands
export interface PlatformTables {}
