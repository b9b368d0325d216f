# The entry regression of evolutionary economic geography on the region × technology toolkit's cells, by base
# R's lm with factor dummies (OLS with fixed effects, as fixest's feols with iid errors): a region's binary RCA
# in a technology on the relatedness density one window earlier, with region, technology and window effects.
# The cells are EconGeo's own values (RCA, binary RCA, relatedness density, KCI) kept by golden_econgeo.R in
# test/oracles/econgeo/expected.json, so the regression is held to EconGeo's numbers and R's lm together.
# Run from the repository root: Rscript test/oracles/scripts/entry_regression.R (r-cran-jsonlite)
# Writes test/oracles/econgeo/entry_regression_R.json.
suppressPackageStartupMessages(library(jsonlite))
e <- fromJSON("test/oracles/econgeo/expected.json")$years
cells <- do.call(rbind, lapply(names(e), function(year) {
  y <- e[[year]]
  g <- expand.grid(r = seq_along(y$regions), k = seq_along(y$technologies))
  data.frame(t = year, region = y$regions[g$r], technology = y$technologies[g$k],
    rca = y$rca[cbind(g$r, g$k)], rca_binary = y$rca_binary[cbind(g$r, g$k)],
    density = y$density$prob[cbind(g$r, g$k)], kci = y$kci[g$r])
}))
# l(x, 1): the same region × technology one window earlier (the windows in order, 2019 then 2020).
windows <- sort(unique(cells$t))
earlier <- cells; earlier$t <- windows[match(earlier$t, windows) + 1]
lagged <- merge(cells, earlier[!is.na(earlier$t), c("t", "region", "technology", "density", "rca_binary")],
  by = c("t", "region", "technology"), suffixes = c("", "_lag"))
fit <- function(f, d) {
  m <- lm(f, data = d)
  keep <- !grepl("^factor\\(|^\\(Intercept\\)", names(coef(m)))
  list(formula = paste(deparse(f, width.cutoff = 500L), collapse = ""), n = nobs(m), coef = as.list(coef(m)[keep]), se = as.list(sqrt(diag(vcov(m)))[keep]),
    r2 = summary(m)$r.squared, rss = sum(residuals(m)^2))
}
# One window is left after the lag: its window effect is the constant.
entry <- fit(rca_binary ~ density_lag + rca_binary_lag + factor(region) + factor(technology), lagged)
# Both windows: the window effect is a dummy, and a region's KCI in its window joins every cell of the region.
levels <- fit(rca ~ density + kci + factor(region) + factor(technology) + factor(t), cells)
out <- list(tool = sprintf("R %s, stats::lm", getRversion()), input = "expected.json (EconGeo 1.3 values, 2019 and 2020)",
  entry = entry, levels = levels)
write_json(out, "test/oracles/econgeo/entry_regression_R.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
str(out)
