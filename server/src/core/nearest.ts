/** Did-you-mean: edit distance and the nearest candidates to a misspelt word. */

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidates nearest to `word` (compared case-insensitively), all at the same smallest distance, provided that
 * distance is at most `maxDistance`; [] when none is that near. Several results mean the guess is ambiguous.
 */
export function nearestCandidates(word: string, candidates: readonly string[], maxDistance: number): string[] {
  const w = word.toUpperCase();
  let best: string[] = [];
  let bestScore = Infinity;
  for (const c of candidates) {
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
