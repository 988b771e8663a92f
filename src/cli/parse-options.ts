import { usageError } from '../core/errors.ts';

/** commander argument parsers that fail with one plain sentence naming the option. */
export function integerOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || parsed < min || parsed > max) {
      throw usageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
    }
    return parsed;
  };
}

export function positiveNumberOption(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw usageError(`${name} must be a number above 0, not "${value}"`);
    return parsed;
  };
}
