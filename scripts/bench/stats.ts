/** The p-th quantile (0..1) of `xs` by nearest rank; NaN for none. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.max(0, Math.min(s.length - 1, Math.ceil(s.length * p) - 1))]! : NaN;
}

/** Two decimals, for tables people read. */
export const round = (x: number) => Math.round(x * 100) / 100;
