# Golden values for the Hausman test when V_FE − V_RE is not positive definite (plm::phtest, MASS::ginv).
# Run from the repository root: Rscript test/oracles/scripts/hausman_not_pd.R
# Writes test/oracles/econ/hausman_panels.csv (three small balanced panels, values rounded to 3 decimals so that
# the CSV is the data fitted) and test/oracles/econ/results/hausman_not_pd_R.json.
# plm's phtest reports |(b_FE − b_RE)'(V_FE − V_RE)⁻¹(b_FE − b_RE)| with the ordinary inverse and no warning; the
# JSON also holds the eigenvalues of V_FE − V_RE and the quadratic form with its Moore–Penrose inverse
# (MASS::ginv, rank = eigenvalues above ginv's tolerance), which the engine reports instead, with a note when the
# matrix is not positive definite and no statistic when the form is negative.
suppressPackageStartupMessages({library(plm); library(MASS); library(jsonlite)})
num <- function(x) unname(as.numeric(x))
N <- 12; T <- 5
panel <- function(seed) {
  set.seed(seed)
  alpha <- rnorm(N)
  d <- data.frame(id = rep(1:N, each = T), year = rep(2001:(2000 + T), N))
  a <- alpha[d$id]
  d$x1 <- round(rnorm(N * T) + 0.6 * a, 3)
  d$x2 <- round(rnorm(N * T), 3)
  d$y <- round(1 + 0.5 * d$x1 - 0.3 * d$x2 + a + rnorm(N * T), 3)
  d
}
contrast <- function(d) {
  p <- pdata.frame(d, index = c("id", "year"))
  fe <- plm(y ~ x1 + x2, data = p, model = "within")
  re <- plm(y ~ x1 + x2, data = p, model = "random")
  h <- c("x1", "x2")
  db <- coef(fe)[h] - coef(re)[h]
  dv <- vcov(fe)[h, h] - vcov(re)[h, h]
  ev <- eigen(dv, symmetric = TRUE)$values
  ginv_form <- num(t(db) %*% ginv(dv) %*% db)
  tol <- sqrt(.Machine$double.eps) * max(abs(ev))
  list(fe = fe, re = re, db = db, dv = dv, eigenvalues = ev, ginv_form = ginv_form, rank = sum(abs(ev) > tol),
       solve_form = num(t(db) %*% solve(dv) %*% db), ph = phtest(fe, re))
}
# The first seeds giving each case: positive definite; not positive definite with a positive form; not positive
# definite with a negative form.
kinds <- c("positive_definite", "not_pd_positive", "not_pd_negative")
found <- list()
for (seed in 1:5000) {
  c <- contrast(panel(seed))
  kind <- if (all(c$eigenvalues > 0)) kinds[1] else if (c$ginv_form > 0) kinds[2] else kinds[3]
  if (is.null(found[[kind]])) found[[kind]] <- seed
  if (length(found) == 3) break
}
rows <- list(); out <- list(tool = sprintf("plm %s, MASS %s, R %s", packageVersion("plm"), packageVersion("MASS"), getRversion()),
  design = sprintf("balanced panel, %d individuals x %d years: x1 = N(0,1) + 0.6 alpha_i, x2 = N(0,1), y = 1 + 0.5 x1 - 0.3 x2 + alpha_i + N(0,1), rounded to 3 decimals", N, T),
  input = "hausman_panels.csv (case, id, year, x1, x2, y); model y ~ x1 + x2, index id-year", cases = list())
for (kind in kinds) {
  d <- panel(found[[kind]]); c <- contrast(d)
  rows[[kind]] <- cbind(case = kind, d)
  out$cases[[kind]] <- list(seed = found[[kind]],
    fe_coef = as.list(coef(c$fe)), re_coef = as.list(coef(c$re)), re_theta = num(ercomp(c$re)$theta),
    difference = num(c$db), vcov_difference = unname(c$dv), eigenvalues = num(c$eigenvalues),
    ginv_form = c$ginv_form, ginv_rank = c$rank, ginv_p = num(pchisq(c$ginv_form, df = c$rank, lower.tail = FALSE)),
    solve_form = c$solve_form,
    phtest = list(stat = num(c$ph$statistic), df = num(c$ph$parameter), p = num(c$ph$p.value), method = c$ph$method))
}
# MASS::ginv of a singular symmetric matrix (rank 2) and the quadratic form of a vector in its range.
S <- matrix(c(4, 2, 6, 2, 5, 7, 6, 7, 13), 3)
v <- c(1, -2, -1)
out$ginv_singular <- list(matrix = unname(S), vector = v, eigenvalues = num(eigen(S, symmetric = TRUE)$values),
  ginv = unname(ginv(S)), form = num(t(v) %*% ginv(S) %*% v), rank = 2)
write.csv(do.call(rbind, rows), "test/oracles/econ/hausman_panels.csv", row.names = FALSE)
write_json(out, "test/oracles/econ/results/hausman_not_pd_R.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
str(lapply(out$cases, function(x) x[c("seed", "eigenvalues", "ginv_form", "ginv_rank", "phtest")]))
