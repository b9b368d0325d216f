# Poisson separation golden case (ppmlhdfe's `fe` and `relu` rules; Correia, Guimarães & Zylkin 2020/2021).
# A seeded 63-row panel: firms g = 1..6 with 10 rows each and firm 7 with 3 rows whose outcome is all zero
# (separated by its fixed effect), and a dummy d that is 1 only on 6 rows where y = 0 (separated by a regressor:
# its Poisson coefficient runs to -Inf, glm stops at about -25 with a huge SE).
# The reference: stats::glm(poisson) with firm dummies on the rows kept once both are removed; d is then all
# zero and aliased. iid SEs are glm's times fixest's small-sample factor (n - 1)/(n - K), K = rank of the fit.
# Run from this folder: Rscript poisson_separation.R (writes ../poisson_separation.csv and ../results/).
suppressPackageStartupMessages(library(jsonlite))
set.seed(20261206)
g <- c(rep(1:6, each = 10), rep(7, 3))
x <- round(rnorm(length(g)), 3)
fe <- c(-0.5, 0, 0.4, 0.8, -0.2, 0.3)[pmin(g, 6)]
y <- rpois(length(g), exp(0.3 + 0.5 * x + fe))
y[g == 7] <- 0
d <- integer(length(g))
zero_rows <- which(y == 0 & g <= 6)
d[zero_rows[seq(1, length(zero_rows), length.out = 6)]] <- 1L
dat <- data.frame(g = g, x = x, d = d, y = y)
write.csv(dat, "../poisson_separation.csv", row.names = FALSE, quote = FALSE)
num <- function(v) unname(as.numeric(v))
ctl <- glm.control(epsilon = 1e-12, maxit = 100)
# What a fit that ignores separation reports for d (the issue's "beta = -25.8, SE 21,476" symptom).
naive <- suppressWarnings(glm(y ~ x + d + factor(g), family = poisson(), data = dat[dat$g <= 6, ]))
kept <- dat$g <= 6 & dat$d == 0
k <- dat[kept, ]
m <- glm(y ~ x + factor(g), family = poisson(), data = k, control = ctl)
n <- nrow(k); K <- m$rank
se_iid <- sqrt(diag(vcov(m)) * (n - 1) / (n - K))
res <- list(
  input = "poisson_separation.csv", tool = sprintf("stats::glm, R %s", getRversion()),
  separated_by_fe_rows_1based = which(dat$g == 7),
  separated_by_regressor_rows_1based = which(dat$d == 1),
  naive_glm_d = list(estimate = num(coef(naive)["d"]), se = num(sqrt(diag(vcov(naive)))["d"])),
  kept = list(nobs = n, K = K, coef_x = num(coef(m)["x"]), se_x_iid_fixest = num(se_iid["x"]),
    deviance = num(deviance(m)), loglik = num(logLik(m)), iter = m$iter))
write_json(res, "../results/poisson_separation_R.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
