/** Timing helpers shared by the benchmarks. */

export function now(): number {
  return performance.now();
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A duration for people: µs below 1 ms, one decimal below 100 ms. */
export function ms(x: number): string {
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 1 ? `${x.toFixed(1)} ms` : `${(x * 1000).toFixed(0)} µs`;
}
