export { type HeaderListItem, parseHeaderList } from './header-list.ts';
export {
  parseRateLimitHeaders,
  type RateLimitInfo,
  type RateLimitWindow,
  remainingUnits,
} from './headers.ts';
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type ScheduleOptions,
} from './limiter.ts';
