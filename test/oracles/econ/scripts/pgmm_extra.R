# Extra plm::pgmm golden cases on EmplUK for the engine's GMM tests (test/engine/models/gmm.test.ts):
# individual effects, explicit IV-style instruments, bounded and staggered GMM lag ranges, fsm choices,
# collapse with IV instruments, interior gaps, and more instruments than groups (generalized inverses). Each case carries the engine's GmmSpec ('spec').
# Usage: R_LIBS=<lib with plm 2.6-6> Rscript pgmm_extra.R ../results/pgmm_extra_plm_2.6-6.json
# (plm >= 2.6-5: earlier versions ignore `fsm` and miscompute mtest with a vcov function.)
suppressPackageStartupMessages({library(plm); library(jsonlite)})
out <- commandArgs(TRUE)[1]
data("EmplUK", package = "plm")
d <- transform(EmplUK, n = log(emp), w = log(wage), k = log(capital), ys = log(output))
# Interior gaps: firms 1-30 lose 1980 and firms 31-40 lose 1979 (mid-span for most of them).
gaps <- d[!((d$firm <= 30 & d$year == 1980) | (d$firm > 30 & d$firm <= 40 & d$year == 1979)), ]
# More instruments than groups: singular weighting matrices, inverted with MASS::ginv.
few <- d[d$firm <= 40, ]

L <- function(v, ...) lapply(c(...), function(l) list(variable = v, lag = l))
G <- function(v, from, to) list(variable = v, lags = c(from, to))
reg_b  <- c(L("n", 1, 2), L("w", 0, 1), L("k", 0), L("ys", 0, 1))
reg_bb <- c(L("n", 1), L("w", 0, 1), L("k", 0, 1))
f_b  <- n ~ lag(n, 1:2) + lag(w, 0:1) + k + lag(ys, 0:1) | lag(n, 2:99)
f_bb <- n ~ lag(n, 1) + lag(w, 0:1) + lag(k, 0:1) | lag(n, 2:99) + lag(w, 2:99) + lag(k, 2:99)

cases <- list(
  individual_onestep_diff = list(f = f_b, data = "EmplUK", effect = "individual", model = "onestep", transformation = "d", collapse = FALSE, fsm = "G",
    spec = list(y = "n", regressors = reg_b, gmm = list(G("n", 2, 99)))),
  individual_twosteps_sys = list(f = f_bb, data = "EmplUK", effect = "individual", model = "twosteps", transformation = "ld", collapse = FALSE, fsm = "full",
    spec = list(y = "n", regressors = reg_bb, gmm = list(G("n", 2, 99), G("w", 2, 99), G("k", 2, 99)))),
  explicit_iv_bounded_lags_twosteps_diff = list(
    f = n ~ lag(n, 1:2) + lag(w, 0:1) + k | lag(n, 2:4) | lag(w, 1:2) + k + ys,
    data = "EmplUK", effect = "twoways", model = "twosteps", transformation = "d", collapse = FALSE, fsm = "G",
    spec = list(y = "n", regressors = c(L("n", 1, 2), L("w", 0, 1), L("k", 0)), gmm = list(G("n", 2, 4)), iv = c(L("w", 1, 2), L("k", 0), L("ys", 0)))),
  staggered_gmm_lags_twosteps_diff = list(
    f = n ~ lag(n, 1:2) + lag(w, 0:1) + k + lag(ys, 0:1) | lag(n, 2:99) + lag(w, 3:5),
    data = "EmplUK", effect = "twoways", model = "twosteps", transformation = "d", collapse = FALSE, fsm = "G",
    spec = list(y = "n", regressors = reg_b, gmm = list(G("n", 2, 99), G("w", 3, 5)))),
  fsm_I_onestep_diff = list(f = f_b, data = "EmplUK", effect = "twoways", model = "onestep", transformation = "d", collapse = FALSE, fsm = "I",
    spec = list(y = "n", regressors = reg_b, gmm = list(G("n", 2, 99)))),
  fsm_GI_onestep_sys = list(f = f_bb, data = "EmplUK", effect = "twoways", model = "onestep", transformation = "ld", collapse = FALSE, fsm = "GI",
    spec = list(y = "n", regressors = reg_bb, gmm = list(G("n", 2, 99), G("w", 2, 99), G("k", 2, 99)))),
  iv_collapse_twosteps_sys = list(
    f = n ~ lag(n, 1) + lag(w, 0:1) + lag(k, 0:1) | lag(n, 2:99) + lag(w, 2:99),
    data = "EmplUK", effect = "twoways", model = "twosteps", transformation = "ld", collapse = TRUE, fsm = "full",
    spec = list(y = "n", regressors = reg_bb, gmm = list(G("n", 2, 99), G("w", 2, 99)))),
  gaps_twosteps_diff = list(f = f_b, data = "gaps", effect = "twoways", model = "twosteps", transformation = "d", collapse = FALSE, fsm = "G",
    spec = list(y = "n", regressors = reg_b, gmm = list(G("n", 2, 99)))),
  gaps_onestep_sys = list(f = f_bb, data = "gaps", effect = "twoways", model = "onestep", transformation = "ld", collapse = FALSE, fsm = "full",
    spec = list(y = "n", regressors = reg_bb, gmm = list(G("n", 2, 99), G("w", 2, 99), G("k", 2, 99)))),
  few_groups_twosteps_sys = list(f = f_bb, data = "few", effect = "twoways", model = "twosteps", transformation = "ld", collapse = FALSE, fsm = "full",
    spec = list(y = "n", regressors = reg_bb, gmm = list(G("n", 2, 99), G("w", 2, 99), G("k", 2, 99))))
)

num <- function(x) unname(as.numeric(x))
res <- list(input = "EmplUK (plm) with n, w, k, ys = log(emp, wage, capital, output); 'gaps' drops 1980 for firms 1-30 and 1979 for firms 31-40; 'few' keeps firms 1-40",
            tool = sprintf("plm %s, R %s", packageVersion("plm"), getRversion()), models = list())
for (nm in names(cases)) {
  s <- cases[[nm]]
  dat <- switch(s$data, gaps = gaps, few = few, EmplUK = d)
  m <- pgmm(s$f, data = dat, index = c("firm", "year"), effect = s$effect, model = s$model,
            transformation = s$transformation, collapse = s$collapse, fsm = s$fsm)
  V_rob <- vcovHC(m)
  mt <- function(o, v) { r <- if (is.null(v)) mtest(m, o) else mtest(m, o, vcov = v); list(z = num(r$statistic), p = num(r$p.value)) }
  sg <- function(w) { r <- sargan(m, weights = w); list(stat = num(r$statistic), df = num(r$parameter), p = num(r$p.value)) }
  wd <- function(param) { r <- pwaldtest(m, param = param, vcov = V_rob); list(stat = num(r$statistic), df = num(r$parameter), p = num(r$p.value)) }
  spec <- c(s$spec, list(effect = s$effect, model = s$model, transformation = s$transformation, collapse = s$collapse, fsm = s$fsm))
  res$models[[nm]] <- list(
    formula = paste(deparse(s$f), collapse = " "), data = s$data, effect = s$effect, model = s$model,
    transformation = s$transformation, collapse = s$collapse, fsm = s$fsm, spec = spec,
    n_groups = length(m$residuals), n_obs_used = sum(sapply(m$residuals, function(r) sum(r != 0))),
    n_instruments = ncol(m$W[[1]]), terms = names(coef(m)),
    coef = num(coef(m)), se_nonrobust = num(sqrt(diag(vcov(m)))), se_robust = num(sqrt(diag(V_rob))),
    sargan_weights_twosteps = sg("twosteps"), sargan_weights_onestep = sg("onestep"),
    mtest1_default = mt(1, NULL), mtest2_default = mt(2, NULL), mtest1_robust = mt(1, V_rob), mtest2_robust = mt(2, V_rob),
    wald_coef_robust = wd("coef"), wald_td_robust = if (s$effect == "twoways") wd("time") else NULL)
}
write_json(res, out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null")
