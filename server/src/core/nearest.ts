/** Did-you-mean: edit distance and the nearest candidates to a misspelt word. */

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  // Two rows of the Levenshtein table, reused.
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * The candidates nearest to `word` (compared case-insensitively), all at the same smallest distance, provided that
 * distance is at most `maxDistance`; [] when none is that near. Several results mean the guess is ambiguous.
 */
export function nearestCandidates<T extends string>(word: string, candidates: readonly T[], maxDistance: number): T[] {
  const w = word.toUpperCase();
  let best: T[] = [];
  let bestScore = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length: skip the candidates that cannot be near enough.
    if (Math.abs(c.length - w.length) > Math.min(maxDistance, bestScore)) continue;
    const d = editDistance(w, c.toUpperCase());
    if (d > maxDistance || d > bestScore) continue;
    if (d < bestScore) {
      bestScore = d;
      best = [];
    }
    if (!best.includes(c)) best.push(c);
  }
  return best;
}
