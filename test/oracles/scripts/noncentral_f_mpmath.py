# High-precision reference values of the noncentral F distribution (40 significant digits, mpmath), to bound
# the error of server/src/engine/stats/noncentralF.ts independently of R's own 1e-9 truncation. Both tails are
# summed directly as Poisson mixtures of regularized incomplete betas over every term above 1e-50 of the total.
# Run: /usr/bin/python3 test/oracles/scripts/noncentral_f_mpmath.py > test/oracles/sna/03_geodetector_collectdata/mpmath_noncentral_f.json
import json
import mpmath as mp

mp.mp.dps = 40


def tails(x, df1, df2, ncp):
    a, b, c = mp.mpf(df1) / 2, mp.mpf(df2) / 2, mp.mpf(ncp) / 2
    y = mp.mpf(df1) * x / df2
    z = y / (1 + y)
    width = 20 * mp.sqrt(c) + 60
    lower = upper = mp.mpf(0)
    for j in range(int(max(0, mp.floor(c - width))), int(mp.ceil(c + width)) + 1):
        w = mp.exp(-c + j * mp.log(c) - mp.loggamma(j + 1)) if c > 0 else mp.mpf(j == 0)
        if w == 0:
            continue
        lower += w * mp.betainc(a + j, b, 0, z, regularized=True)
        upper += w * mp.betainc(a + j, b, z, 1, regularized=True)
    return lower, upper


points = []
for df1 in (1, 8, 22):
    for df2 in (4, 176):
        for ncp in (0.5, 50, 1000, 5000):
            mean = df2 * (df1 + ncp) / (df1 * (df2 - 2))
            for m in (0.05, 1, 5):
                x = m * mean
                lower, upper = tails(mp.mpf(x), df1, df2, ncp)
                points.append({"x": x, "df1": df1, "df2": df2, "ncp": ncp,
                               "lower": float(lower), "upper": float(upper)})
print(json.dumps({"tool": f"mpmath {mp.__version__}, {mp.mp.dps} digits", "points": points}, indent=0))
