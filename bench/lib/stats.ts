/** Small statistics for the tables: order statistics and a power-law fit of cost against size. */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile (p in 0..1); 0 for no values. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] as number;
}

/**
 * Fits cost = a · size^k by least squares on logs. k ≤ 1.1 reads as "linear or better" (sub-linear
 * when fixed costs such as Node start-up dominate the small sizes).
 */
export function powerFit(points: readonly { size: number; value: number }[]): number | undefined {
  const usable = points.filter((point) => point.size > 0 && point.value > 0);
  if (usable.length < 2) return undefined;
  const xs = usable.map((point) => Math.log(point.size));
  const ys = usable.map((point) => Math.log(point.value));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let index = 0; index < xs.length; index++) {
    const dx = (xs[index] as number) - mx;
    num += dx * ((ys[index] as number) - my);
    den += dx * dx;
  }
  return den === 0 ? undefined : num / den;
}

export function describeGrowth(exponent: number | undefined): string {
  if (exponent === undefined) return 'not enough sizes';
  const shape = exponent <= 0.9 ? 'sub-linear' : exponent <= 1.1 ? 'linear' : 'super-linear';
  return `${shape} (size^${exponent.toFixed(2)})`;
}

/**
 * How a cost grows with size, over all sizes and between the two largest: fixed costs (Node
 * start-up, opening the database) flatten the fit over all sizes, the last step shows the trend.
 */
export function growth(points: readonly { size: number; value: number }[]): {
  exponent: number | undefined;
  largestStep: number | undefined;
  text: string;
} {
  const sorted = [...points].sort((a, b) => a.size - b.size);
  const exponent = powerFit(sorted);
  const largestStep = sorted.length > 2 ? powerFit(sorted.slice(-2)) : undefined;
  const text =
    largestStep === undefined
      ? describeGrowth(exponent)
      : `${describeGrowth(exponent)}; largest step ${describeGrowth(largestStep)}`;
  return { exponent, largestStep, text };
}
