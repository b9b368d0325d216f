# Golden values of R's noncentral F, pf(x, df1, df2, ncp), over a grid with large λ and both tails, plus the
# points the geodetector packages evaluate in case 03. The grid's x are multiples of each law's mean.
# Run: Rscript test/oracles/scripts/noncentral_f_grid.R > test/oracles/sna/03_geodetector_collectdata/r_pf_noncentral.json
num <- function(x) sprintf("%.17g", x)
point <- function(x, df1, df2, ncp) {
  warned <- FALSE
  lower <- withCallingHandlers(pf(x, df1, df2, ncp = ncp), warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") })
  upper <- withCallingHandlers(pf(x, df1, df2, ncp = ncp, lower.tail = FALSE), warning = function(w) { warned <<- TRUE; invokeRestart("muffleWarning") })
  sprintf('{"x": %s, "df1": %s, "df2": %s, "ncp": %s, "lower": %s, "upper": %s, "warning": %s}',
    num(x), num(df1), num(df2), num(ncp), num(lower), num(upper), if (warned) "true" else "false")
}
rows <- c()
for (df1 in c(1, 3, 8, 22)) for (df2 in c(4, 30, 176, 1000)) for (ncp in c(0, 0.5, 5, 50, 200, 1000, 5000, 20000)) {
  mean <- df2 * (df1 + ncp) / (df1 * (df2 - 2))
  for (m in c(0.05, 0.3, 0.7, 1, 1.4, 2.5, 5)) rows <- c(rows, point(m * mean, df1, df2, ncp))
}
# Case 03 (CollectData, N = 185): F, df and λ of each factor and interaction as geodetector 1.0-5 forms them.
case03 <- list(c(38.735507560362024, 8, 176, 152.04007465989056), c(45.765124986102066, 6, 178, 197.91659259928417),
  c(28.256118897688417, 4, 180, 101.3746267967847), c(18.347095261387516, 22, 162, 998.8823103620665))
for (p in case03) rows <- c(rows, point(p[1], p[2], p[3], p[4]))
cat(sprintf('{"tool": "%s", "points": [\n%s\n]}\n', R.version.string, paste(rows, collapse = ",\n")))
