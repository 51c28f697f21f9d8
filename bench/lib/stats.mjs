// Small statistics helpers for the bench (no dependencies).

/** The q-quantile (0..1) of numbers, linear interpolation between order statistics. */
export function quantile(values, q) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);
export const max = (values) => quantile(values, 1);

/** Least-squares fit of log(y) = a + k log(x): returns the exponent k. */
export function loglogExponent(xs, ys) {
  const pts = xs.map((x, i) => [Math.log(x), Math.log(ys[i])]).filter(([a, b]) => isFinite(a + b));
  const n = pts.length;
  if (n < 2) return NaN;
  const mx = pts.reduce((s, [a]) => s + a, 0) / n;
  const my = pts.reduce((s, [, b]) => s + b, 0) / n;
  let num = 0;
  let den = 0;
  for (const [a, b] of pts) {
    num += (a - mx) * (b - my);
    den += (a - mx) ** 2;
  }
  return num / den;
}

/** Formats milliseconds for a table. */
export function ms(x) {
  if (!Number.isFinite(x)) return "n/a";
  if (x < 1) return x.toFixed(3);
  if (x < 100) return x.toFixed(2);
  return x.toFixed(0);
}

export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
}
