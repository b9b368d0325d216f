// plm::vcovHC on a panel model: the sandwich (Z'Z)⁻¹ M (Z'Z)⁻¹ over the columns of the model's transformed
// design Z (demeaned for within, quasi-demeaned for random, raw for pooling; aliased columns left out), with
// the residuals of that transformed regression. `method` is the meat, grouped by individual (plm's
// cluster = "group"):
//   arellano  Σ_g Z_g'u_g u_g'Z_g   (clustered by individual: any serial correlation and heteroskedasticity)
//   white1    Σ_i u_i² z_i z_i'      (heteroskedasticity only)
//   white2    Σ_i ū²_g(i) z_i z_i'   (the squares averaged within each individual)
// `type` adjusts the residuals first, with n rows, k columns of Z, G individuals (arellano) or G = n (white):
//   HC0 u;  sss u·√(G/(G−1)·(n−1)/(n−k));  HC1 u·√(n/(n−k));  HC2 u/√(1−h);  HC3 u/(1−h);
//   HC4 u/√(1−h)^min(4, n·h/round(Σh)),   h the leverages of Z.
import { Matrix } from 'ml-matrix';
import type { PanelGroups } from './groups.js';

export type PanelVcovMethod = 'arellano' | 'white1' | 'white2';
export type PanelVcovType = 'HC0' | 'sss' | 'HC1' | 'HC2' | 'HC3' | 'HC4';

export interface PanelVcov {
  method: PanelVcovMethod;
  type: PanelVcovType;
}

/** The covariance as plm writes it, and how it groups rows by `individual`. */
export function describePanelVcov(vcov: PanelVcov, individual: string): string {
  const grouping = { arellano: `, clustered by ${individual}`, white1: '', white2: `, squared residuals averaged within ${individual}` }[vcov.method];
  return `plm::vcovHC(method = "${vcov.method}", type = "${vcov.type}")${grouping}`;
}

/**
 * `Z` holds the kept (non-aliased) columns, `bread` their (Z'Z)⁻¹ and `residuals` y − Zb of the transformed
 * regression.
 */
export function panelRobustCovariance(Z: readonly Float64Array[], bread: number[][], residuals: Float64Array, groups: PanelGroups, vcov: PanelVcov): number[][] {
  const n = residuals.length;
  const k = Z.length;
  const u = adjustedResiduals(Z, bread, residuals, groups, vcov);
  const meat = Matrix.zeros(k, k);
  const add = (z: Float64Array, w: number) => {
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) meat.set(a, b, meat.get(a, b) + w * z[a] * z[b]);
  };
  if (vcov.method === 'arellano') {
    const scores = Array.from({ length: groups.count }, () => new Float64Array(k));
    for (let i = 0; i < n; i++) {
      const s = scores[groups.index[i]];
      for (let a = 0; a < k; a++) s[a] += Z[a][i] * u[i];
    }
    for (const s of scores) add(s, 1);
  } else {
    const weight = vcov.method === 'white1' ? u.map((v) => v * v) : groupMeanSquares(u, groups);
    const z = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < k; a++) z[a] = Z[a][i];
      add(z, weight[i]);
    }
  }
  const B = new Matrix(bread);
  return B.mmul(meat).mmul(B).to2DArray();
}

function adjustedResiduals(Z: readonly Float64Array[], bread: number[][], u: Float64Array, groups: PanelGroups, { method, type }: PanelVcov): Float64Array {
  const n = u.length;
  const k = Z.length;
  switch (type) {
    case 'HC0': return u;
    case 'HC1': return u.map((v) => v * Math.sqrt(n / (n - k)));
    case 'sss': {
      const G = method === 'arellano' ? groups.count : n;
      return u.map((v) => v * Math.sqrt((G / (G - 1)) * ((n - 1) / (n - k))));
    }
    default: {
      const h = leverages(Z, bread);
      if (type === 'HC2') return u.map((v, i) => v / Math.sqrt(1 - h[i]));
      if (type === 'HC3') return u.map((v, i) => v / (1 - h[i]));
      const total = Math.round(h.reduce((s, v) => s + v, 0));
      return u.map((v, i) => v / Math.sqrt(1 - h[i]) ** Math.min(4, (n * h[i]) / total));
    }
  }
}

/** h_i = z_i'(Z'Z)⁻¹z_i. */
function leverages(Z: readonly Float64Array[], bread: number[][]): Float64Array {
  const n = Z[0]?.length ?? 0;
  const k = Z.length;
  const h = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) s += Z[a][i] * bread[a][b] * Z[b][i];
    h[i] = s;
  }
  return h;
}

/** Each row's weight: the mean of u² over its individual's rows. */
function groupMeanSquares(u: Float64Array, groups: PanelGroups): Float64Array {
  const mean = new Float64Array(groups.count);
  u.forEach((v, i) => (mean[groups.index[i]] += (v * v) / groups.sizes[groups.index[i]]));
  return Float64Array.from(u, (_, i) => mean[groups.index[i]]);
}
