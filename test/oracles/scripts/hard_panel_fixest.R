# fixest golden for the hard fixed-effects panel (issue 16): 20,000 rows of test/engine/models/hardPanel.ts
# (inventor × firm × year, low mobility, seed 16), feols y ~ x1 + x2 | inventor + firm + year clustered by
# inventor, at fixest's default fixef.tol (1e-6) and at 1e-11 (near fixest's floor of 2.2e-12: the exact
# solution both of our solvers are held to). Writes test/oracles/econ/results/hard_panel_20k_fixest.json.
# Usage (from the repository root; fixest 0.12.2 built by /work/shared/oracles/econ/r-src/setup-fixest.sh):
#   node --import tsx -e "import('./test/engine/models/hardPanel.ts').then((m) => process.stdout.write(m.hardPanelCsv(m.generateHardPanel({ rows: 20000, seed: 16 }))))" > /tmp/hard_panel_20k.csv
#   R_LIBS=/tmp/rlib Rscript test/oracles/scripts/hard_panel_fixest.R /tmp/hard_panel_20k.csv
suppressPackageStartupMessages({library(fixest); library(data.table); library(jsonlite)})
infile <- commandArgs(TRUE)[1]
d <- fread(infile)
setFixest_nthreads(1)
fit <- function(tol) feols(y ~ x1 + x2 | inventor + firm + year, d, cluster = ~inventor, fixef.tol = tol)
summarise <- function(m) {
  V <- vcov(m, attr = TRUE)
  list(coef = as.list(coef(m)), se = as.list(sqrt(diag(V))), df_K = degrees_freedom(m, "K"), G = attr(V, "G"),
       nobs = nobs(m), ssr = sum(resid(m)^2), r2 = unname(r2(m, "r2")), wr2 = unname(r2(m, "wr2")),
       fixef_sizes = as.list(m$fixef_sizes), iterations = m$iterations)
}
out <- list(
  generator = "test/engine/models/hardPanel.ts generateHardPanel({ rows: 20000, seed: 16 })",
  rows = nrow(d), sum_y = sum(d$y), sum_x1 = sum(d$x1),
  formula = "y ~ x1 + x2 | inventor + firm + year, cluster = ~inventor",
  fixest = as.character(packageVersion("fixest")), R = R.version.string,
  default_tol = summarise(fit(1e-6)), tight_tol = summarise(fit(1e-11))
)
print(out[c("rows", "fixest")]); str(out$default_tol$coef); str(out$tight_tol$coef)
write_json(out, "test/oracles/econ/results/hard_panel_20k_fixest.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
