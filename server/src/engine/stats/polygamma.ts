// The digamma and trigamma functions for positive arguments (the NB2 likelihood's θ-derivatives at non-integer
// counts): shifted up by the recurrence ψ(x) = ψ(x+1) − 1/x, ψ′(x) = ψ′(x+1) + 1/x² until x ≥ 10, then the
// asymptotic series, whose first omitted term is below 1e-15 there.

const SHIFT = 10;

/** ψ(x) = d/dx log Γ(x), x > 0. */
export function digamma(x: number): number {
  let shift = 0;
  for (; x < SHIFT; x++) shift -= 1 / x;
  const r = 1 / (x * x);
  // ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ)
  return shift + Math.log(x) - 0.5 / x - r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132)))));
}

/** ψ′(x) = d²/dx² log Γ(x), x > 0. */
export function trigamma(x: number): number {
  let shift = 0;
  for (; x < SHIFT; x++) shift += 1 / (x * x);
  const r = 1 / (x * x);
  // 1/x + 1/(2x²) + Σ B₂ₖ/x²ᵏ⁺¹
  return shift + 1 / x + r / 2 + (r / x) * (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - r * (5 / 66)))));
}
