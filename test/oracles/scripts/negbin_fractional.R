# Golden values for NB2 on a fractional count outcome (MASS::glm.nb, which evaluates its likelihood with lgamma,
# digamma and trigamma at non-integer y; its Poisson start warns "non-integer x" and the fit goes on).
# Run from the repository root: Rscript test/oracles/scripts/negbin_fractional.R
# Writes test/oracles/econ/negbin_fractional.csv (60 rows, values rounded to 3 decimals so that the CSV is the
# data fitted) and test/oracles/econ/results/negbin_fractional_R.json, with digamma and trigamma at a few points.
suppressPackageStartupMessages({library(MASS); library(jsonlite)})
num <- function(x) unname(as.numeric(x))
set.seed(21)
n <- 60
d <- data.frame(x1 = round(rnorm(n), 3), x2 = round(rnorm(n), 3))
mu <- exp(0.5 + 0.4 * d$x1 - 0.3 * d$x2)
# Fractional counts as fractional patent counting gives them: whole counts shared out over co-applicants.
d$y <- round(rnbinom(n, size = 1.5, mu = mu) / sample(1:4, n, replace = TRUE), 3)
write.csv(d, "test/oracles/econ/negbin_fractional.csv", row.names = FALSE)
warnings_seen <- character()
m <- withCallingHandlers(glm.nb(y ~ x1 + x2, data = d),
  warning = function(w) { warnings_seen <<- c(warnings_seen, conditionMessage(w)); invokeRestart("muffleWarning") })
points <- c(0.1, 0.75, 1.5, 3.2, 7.9, 42.25)
out <- list(tool = sprintf("MASS %s, R %s", packageVersion("MASS"), getRversion()),
  input = "negbin_fractional.csv (x1, x2, y); y has non-integer values", model = "glm.nb(y ~ x1 + x2)",
  non_integer_rows = sum(d$y != round(d$y)),
  coef = as.list(coef(m)), se = as.list(sqrt(diag(vcov(m)))), theta = num(m$theta), se_theta = num(m$SE.theta),
  loglik = num(m$twologlik) / 2, deviance = num(deviance(m)), iter = num(m$iter),
  warnings = list(count = length(warnings_seen), first = warnings_seen[1]),
  special = list(x = points, digamma = digamma(points), trigamma = trigamma(points), lgamma = lgamma(points)))
write_json(out, "test/oracles/econ/results/negbin_fractional_R.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
print(summary(m)); cat("non-integer rows", out$non_integer_rows, "\n"); print(out$warnings)
