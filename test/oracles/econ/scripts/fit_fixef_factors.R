# Golden cases for fit statistics, fixed-effect values and factor regressors of ols / poisson / negbin, as
# fixest defines them. fixest is not installed here, so its definitions are computed from R's own fits with
# the fixed effects as dummies (lm, glm(poisson), MASS::glm.nb), following fixest 0.12's documented formulas:
#   K (nparams)      = coefficients + Σ(FE levels − 1) + 1 (= the dummy model's rank), + 1 for NB's θ
#   logLik (feols)   = Gaussian with σ² = RSS/n (= lm's logLik); sigma2 = RSS/(n − K); rmse = √(RSS/n)
#   AIC, BIC         = −2LL + 2K, −2LL + K log n (AIC.fixest, BIC.fixest)
#   pr2, apr2        = 1 − LL/LL0, 1 − (LL − K + 1)/LL0, LL0 of the intercept-only model (NB: θ re-estimated)
#   sq.cor           = cor(y, fitted)²
#   fixef()          = one FE dimension: the FE per level. Two: the level of the 2nd FE of the first observation
#                      of the estimation sample is set to 0 (cpp_get_fe_gnl), i.e. the dummy model
#                      `0 + factor(fe1) + relevel(factor(fe2), ref = fe2[first row])`.
#   i(x)             = dummies of x's levels (sorted) without the reference (`ref`, default the first);
#                      i(x, z) with numeric z = x's dummies times z, every level kept unless `ref` is given;
#                      names x::level and x::level:z. factor(x) is model.matrix's, named factor(x)level.
# Data: ../formula_panel.csv (missing text as empty fields) and ../quine.csv (overdispersed counts).
# Usage (from this folder): Rscript fit_fixef_factors.R  → ../results/fit_fixef_factors_R.json
suppressPackageStartupMessages({library(MASS); library(jsonlite)})
d <- read.csv("../formula_panel.csv", na.strings = "")
q <- read.csv("../quine.csv")

fit_stats <- function(m, K, y, ll0, extra = list()) {
  ll <- as.numeric(logLik(m)); n <- length(y)
  c(list(n = n, K = K, loglik = ll, aic = -2 * ll + 2 * K, bic = -2 * ll + K * log(n)), extra,
    if (!is.null(ll0)) list(ll_null = ll0, pseudo_r2 = 1 - ll / ll0, adj_pseudo_r2 = 1 - (ll - K + 1) / ll0,
                            sq_cor = cor(y, fitted(m))^2) else list())
}
coefs <- function(m, rename) {
  b <- coef(m); b <- b[!is.na(b)]
  names(b) <- vapply(names(b), rename, ""); as.list(b)
}
out <- list()

# ---- OLS, two fixed effects: y ~ x1 + x2 | ctry + sector
s <- d[complete.cases(d[, c("y", "x1", "x2", "ctry", "sector")]), ]
m <- lm(y ~ x1 + x2 + factor(ctry) + factor(sector), s)
K <- m$rank; rss <- sum(resid(m)^2); n <- nrow(s)
out$ols_fe <- list(
  coef = as.list(coef(m)[c("x1", "x2")]),
  fit = fit_stats(m, K, s$y, NULL, list(sigma2 = rss / (n - K), rmse = sqrt(rss / n))),
  first_row = list(ctry = s$ctry[1], sector = s$sector[1]))
ref <- s$sector[1]
m0 <- lm(y ~ x1 + x2 + 0 + factor(ctry) + relevel(factor(sector), ref = ref), s)
b <- coef(m0)
out$ols_fe$fixef <- list(
  ctry = as.list(setNames(b[paste0("factor(ctry)", sort(unique(s$ctry)))], sort(unique(s$ctry)))),
  sector = as.list(setNames(c(0, b[paste0("relevel(factor(sector), ref = ref)", setdiff(sort(unique(s$sector)), ref))]),
                            c(ref, setdiff(sort(unique(s$sector)), ref)))))

# ---- OLS without fixed effects: y ~ x1 + x2
s2 <- d[complete.cases(d[, c("y", "x1", "x2")]), ]
m <- lm(y ~ x1 + x2, s2); rss <- sum(resid(m)^2); n <- nrow(s2)
out$ols_plain <- list(coef = as.list(coef(m)), fit = fit_stats(m, m$rank, s2$y, NULL, list(sigma2 = rss / (n - m$rank), rmse = sqrt(rss / n))))

# ---- Poisson, two fixed effects: cnt ~ x1 + x2 | ctry + sector
s <- d[complete.cases(d[, c("cnt", "x1", "x2", "ctry", "sector")]), ]
m <- glm(cnt ~ x1 + x2 + factor(ctry) + factor(sector), poisson, s)
m_null <- glm(cnt ~ 1, poisson, s)
out$pois_fe <- list(
  coef = as.list(coef(m)[c("x1", "x2")]),
  fit = fit_stats(m, m$rank, s$cnt, as.numeric(logLik(m_null)), list(deviance = m$deviance, null_deviance = m$null.deviance)))
ref <- s$sector[1]
b <- coef(glm(cnt ~ x1 + x2 + 0 + factor(ctry) + relevel(factor(sector), ref = ref), poisson, s, control = glm.control(epsilon = 1e-12)))
out$pois_fe$fixef <- list(
  ctry = as.list(setNames(b[paste0("factor(ctry)", sort(unique(s$ctry)))], sort(unique(s$ctry)))),
  sector = as.list(setNames(c(0, b[paste0("relevel(factor(sector), ref = ref)", setdiff(sort(unique(s$sector)), ref))]),
                            c(ref, setdiff(sort(unique(s$sector)), ref)))))

# ---- NB2, two fixed effects: Days ~ Sex + Lrn | Eth + Age (quine)
m <- glm.nb(Days ~ Sex + Lrn + factor(Eth) + factor(Age), q)
m_null <- glm.nb(Days ~ 1, q)
out$nb_fe <- list(
  coef = list(`Sex::M` = unname(coef(m)["SexM"]), `Lrn::SL` = unname(coef(m)["LrnSL"])),
  theta = m$theta,
  fit = fit_stats(m, m$rank + 1, q$Days, as.numeric(logLik(m_null)), list(deviance = m$deviance, null_deviance = m$null.deviance)))
ref <- q$Age[1]
# factor(Eth) first: without intercept, R codes the first factor of the formula in full
b <- coef(glm.nb(Days ~ 0 + factor(Eth) + relevel(factor(Age), ref = ref) + Sex + Lrn, q, control = glm.control(epsilon = 1e-12, maxit = 100)))
out$nb_fe$fixef <- list(
  Eth = as.list(setNames(b[paste0("factor(Eth)", sort(unique(q$Eth)))], sort(unique(q$Eth)))),
  Age = as.list(setNames(c(0, b[paste0("relevel(factor(Age), ref = ref)", setdiff(sort(unique(q$Age)), ref))]),
                         c(ref, setdiff(sort(unique(q$Age)), ref)))))

# ---- One fixed effect: y ~ x1 | ctry (fixef = the dummy coefficients of `0 + factor(ctry)`)
s <- d[complete.cases(d[, c("y", "x1", "ctry")]), ]
b <- coef(lm(y ~ x1 + 0 + factor(ctry), s))
out$ols_fe1 <- list(fixef = list(ctry = as.list(setNames(b[paste0("factor(ctry)", sort(unique(s$ctry)))], sort(unique(s$ctry))))))

# ---- Factors: y ~ x1 + i(sector, ref: "mech") + i(ctry, x2) + i(year, ref: 2004)   (OLS, intercept)
s <- d[complete.cases(d[, c("y", "x1", "x2", "sector", "ctry", "year")]), ]
m <- lm(y ~ x1 + relevel(factor(sector), ref = "mech") + factor(year, levels = c(2004, setdiff(sort(unique(s$year)), 2004))) + factor(ctry):x2, s)
rename <- function(nm) {
  nm <- sub("^relevel\\(factor\\(sector\\), ref = \"mech\"\\)", "sector::", nm)
  nm <- sub("^factor\\(year, levels = .*\\)\\)", "year::", nm)
  sub("^factor\\(ctry\\)(.*):x2$", "ctry::\\1:x2", nm)
}
out$ols_factors <- list(coef = coefs(m, rename), n = nrow(s))

# ---- factor(): y ~ x1 + factor(sector) | ctry  (model.matrix's coding and names; the FE stands for the intercept)
s <- d[complete.cases(d[, c("y", "x1", "sector", "ctry")]), ]
m <- lm(y ~ x1 + factor(sector) + factor(ctry), s)
out$ols_factor_call <- list(coef = as.list(coef(m)[c("x1", paste0("factor(sector)", sort(unique(s$sector))[-1]))]))

# ---- Poisson with a factor: cnt ~ x1 + i(sector, ref: "elec") | ctry
s <- d[complete.cases(d[, c("cnt", "x1", "sector", "ctry")]), ]
m <- glm(cnt ~ x1 + relevel(factor(sector), ref = "elec") + factor(ctry), poisson, s, control = glm.control(epsilon = 1e-12))
b <- coef(m)
out$pois_factors <- list(coef = list(x1 = unname(b["x1"]),
  `sector::chem` = unname(b["relevel(factor(sector), ref = \"elec\")chem"]),
  `sector::mech` = unname(b["relevel(factor(sector), ref = \"elec\")mech"])))

# ---- NB2 with a factor: Days ~ i(Age, ref: "F2") + Sex  (quine)
m <- glm.nb(Days ~ relevel(factor(Age), ref = "F2") + Sex, q)
out$nb_factors <- list(coef = coefs(m, function(nm) sub("^relevel\\(factor\\(Age\\), ref = \"F2\"\\)", "Age::", sub("^SexM$", "Sex::M", nm))), theta = m$theta)

out$versions <- list(R = R.version.string, MASS = as.character(packageVersion("MASS")))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "../results/fit_fixef_factors_R.json")
