// R's round(x, digits) (R ≥ 4.0.0, nmath/fround.c): of the two decimals with `digits` places around x, the
// nearer one as doubles measure it, and at an exact tie the one with an even last digit. Math.round rounds
// halves up and toFixed works on the decimal expansion, so neither matches R on values such as 0.135.
export function roundR(x: number, digits = 0): number {
  if (!Number.isFinite(x)) return x;
  if (x < 0) return -roundR(-x, digits);
  const p10 = 10 ** digits;
  const x10 = p10 * x;
  const down = Math.floor(x10);
  const up = Math.ceil(x10);
  const xd = down / p10;
  const xu = up / p10;
  const du = xu - x;
  const dd = x - xd;
  return du < dd || (du === dd && down % 2 === 1) ? xu : xd;
}
