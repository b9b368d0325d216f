# Golden cases of the formula layer (server/src/engine/models/formula): designs as model.matrix builds them
# (lags by unit and year through an explicit match, log1p, log with zeros, center() over the estimation
# sample, x*z, text dummies, interacted fixed effects), NA accounting, and lm / glm(poisson) fits without
# fixed effects with sandwich's iid, HC1 and clustered variances. Writes ../formula_panel.csv (a small
# unbalanced panel, rows shuffled, missing values in numbers and text) and ../results/formula_designs_R.json.
# Usage (from this folder): Rscript formula_designs.R
suppressPackageStartupMessages({library(sandwich); library(jsonlite)})
set.seed(20240611)

# ---- the panel: 24 units × 2001–2008, 22 rows dropped (gaps), rows shuffled
d <- expand.grid(year = 2001:2008, unit = 1:24)[, c("unit", "year")]
ctry_of <- sample(c("DE", "FR", "JP", "KR", "US"), 24, TRUE)
d$ctry <- ctry_of[d$unit]
d$sector <- sample(c("chem", "elec", "mech"), nrow(d), TRUE)
n0 <- nrow(d)
d$x1 <- round(rnorm(n0), 4)
d$x2 <- rpois(n0, 1.5)
d$z <- round(rnorm(n0), 4)
d$pos <- round(rexp(n0), 4); d$pos[sample(n0, 6)] <- 0
d$w <- round(runif(n0, 0.5, 2), 3)
d$y <- round(1 + 0.5 * d$x1 - 0.3 * log1p(d$x2) + 0.2 * d$z * d$x1 + 0.1 * d$unit / 24 + rnorm(n0), 4)
d$cnt <- rpois(n0, exp(0.3 + 0.4 * d$x1 + 0.2 * log1p(d$x2) + 0.3 * (d$sector == "elec")))
d <- d[-sample(n0, 22), ]
d$y[sample(nrow(d), 6)] <- NA
d$x1[sample(nrow(d), 8)] <- NA
d$x2[sample(nrow(d), 5)] <- NA
d$ctry[sample(nrow(d), 3)] <- NA
d$sector[sample(nrow(d), 4)] <- NA
d <- d[sample(nrow(d)), ]
rownames(d) <- NULL
write.csv(d, "../formula_panel.csv", row.names = FALSE, na = "")

# ---- helpers
lagv <- function(v, k) v[match(paste(d$unit, d$year - k), paste(d$unit, d$year))]
num <- function(x) unname(as.numeric(x))
firstAppearance <- function(x) match(x, unique(x)) - 1L
sortedFactor <- function(x) factor(x, levels = sort(unique(x), method = "radix"))
# model.matrix names a dummy `sectorelec`; the engine names it `sector::elec`, as fixest's i().
engineNames <- function(names, factors) vapply(strsplit(names, ":", fixed = TRUE), function(tokens) paste(vapply(tokens, function(t) {
  for (f in names(factors)) for (l in factors[[f]]) if (t == paste0(f, l)) return(paste0(f, "::", l))
  t
}, ""), collapse = ":"), "")
columns <- function(X) lapply(seq_len(ncol(X)), function(k) num(X[, k]))
se <- function(V) num(sqrt(diag(V)))
vcovs <- function(m, s) list(
  iid = se(vcov(m)), HC1 = se(vcovHC(m, type = "HC1")),
  cluster_unit = se(vcovCL(m, cluster = s$unit, type = "HC1", cadjust = TRUE)),
  cluster_ctry_year = se(vcovCL(m, cluster = s$cy, type = "HC1", cadjust = TRUE)),
  twoway_unit_year = se(vcovCL(m, cluster = s[, c("unit", "year")], type = "HC1", cadjust = TRUE, multi0 = FALSE)))
out <- list(tool = sprintf("R %s, sandwich %s", getRversion(), packageVersion("sandwich")), input = "formula_panel.csv", cases = list())

# ---- case 1: lags, log1p, log with zeros, x*z, centred interaction, subsample; lm without fixed effects
inside <- !is.na(d$ctry) & d$ctry != "KR"
L1 <- lagv(d$x1, 1); L2 <- lagv(d$x1, 2); lx2 <- log1p(d$x2)
lp <- ifelse(d$pos > 0, log(d$pos), NA)
rhs <- cbind(L1, L2, lx2, d$x1, d$z, lp)
complete <- inside & !is.na(d$y) & complete.cases(rhs)
c1 <- lx2 - mean(lx2[complete]); c2 <- d$z - mean(d$z[complete])
X <- cbind(1, L1, L2, lx2, d$x1, d$z, lp, d$x1 * d$z, c1 * c2)[complete, ]
colnames(X) <- c("(Intercept)", "l(x1, 1)", "l(x1, 2)", "log1p(x2)", "x1", "z", "log(pos)", "x1:z", "center(log1p(x2)):center(z)")
s <- d[complete, ]; s$cy <- interaction(s$ctry, s$year, drop = TRUE)
m <- lm(s$y ~ X - 1)
mw <- lm(s$y ~ X - 1, weights = s$w)
out$cases$lags_log1p_center <- list(
  formula = "y ~ l(x1, 1) + l(x1, 2) + log1p(x2) + x1*z + log(pos) + center(log1p(x2)):center(z)", where = 'ctry != "KR"',
  rows = which(complete) - 1L, names = colnames(X), X = columns(X), y = num(s$y),
  outside = sum(!inside), na_lhs = sum(inside & is.na(d$y)), na_rhs = sum(inside & !complete.cases(rhs)),
  na_total = sum(inside & !complete), log_undefined = sum(inside & !is.na(d$pos) & d$pos == 0),
  lm = list(coef = num(coef(m)), se = vcovs(m, s), r2 = summary(lm(s$y ~ X[, -1]))$r.squared, adj_r2 = summary(lm(s$y ~ X[, -1]))$adj.r.squared, n = nobs(m)),
  lm_weighted = list(coef = num(coef(mw)), se = vcovs(mw, s)[c("iid", "HC1", "cluster_unit")]))
# the interaction clusters: ctry^year over the estimation rows, in order of first appearance
out$cases$lags_log1p_center$cluster_ctry_year <- firstAppearance(paste(s$ctry, s$year))

# ---- case 2: text regressors, R's contrasts (reference = first sorted level, full coding without the margin)
for (case in list(list(name = "text_dummies", formula = "y ~ x1 + sector + x1:ctry", rhs = ~ x1 + sector + x1:ctry),
                  list(name = "text_interactions", formula = "y ~ z + x1:sector + sector:ctry", rhs = ~ z + x1:sector + sector:ctry))) {
  complete <- !is.na(d$y) & complete.cases(d[, all.vars(case$rhs)])
  s <- d[complete, ]
  s$sector <- sortedFactor(s$sector); s$ctry <- sortedFactor(s$ctry)
  X <- model.matrix(case$rhs, s)
  m <- lm(s$y ~ X - 1)
  out$cases[[case$name]] <- list(formula = case$formula, rows = which(complete) - 1L,
    names = engineNames(colnames(X), list(sector = levels(s$sector), ctry = levels(s$ctry))), X = columns(X),
    coef_estimable = num(coef(m)))
}

# ---- case 3: fixed effects unit + ctry^year; coefficients equal lm with the dummies
complete <- !is.na(d$y) & !is.na(d$x1) & !is.na(d$x2) & !is.na(d$ctry)
s <- d[complete, ]
fe <- lm(y ~ x1 + log1p(x2) + factor(unit) + factor(paste(ctry, year)), data = s)
few <- lm(y ~ x1 + log1p(x2) + factor(unit) + factor(paste(ctry, year)), data = s, weights = w)
out$cases$fixed_effects <- list(formula = "y ~ x1 + log1p(x2) | unit + ctry^year", rows = which(complete) - 1L,
  fe_unit = firstAppearance(s$unit), fe_ctry_year = firstAppearance(paste(s$ctry, s$year)),
  na_lhs = sum(is.na(d$y)), na_rhs = sum(is.na(d$x1) | is.na(d$x2)), na_fe = sum(is.na(d$ctry)), na_total = sum(!complete),
  coef = num(coef(fe)[2:3]), coef_weighted = num(coef(few)[2:3]))

# ---- case 4: Poisson without fixed effects (glm, tight convergence) with sandwich variances
complete <- complete.cases(d[, c("cnt", "x1", "x2", "sector")])
s <- d[complete, ]; s$sector <- sortedFactor(s$sector); s$cy <- interaction(s$ctry, s$year, drop = TRUE)
g <- glm(cnt ~ x1 + log1p(x2) + sector, family = poisson, data = s, control = glm.control(epsilon = 1e-14, maxit = 100))
out$cases$poisson <- list(formula = "cnt ~ x1 + log1p(x2) + sector", rows = which(complete) - 1L,
  coef = num(coef(g)), se = list(iid = se(vcov(g)), HC1 = se(vcovHC(g, type = "HC1")),
  cluster_unit = se(vcovCL(g, cluster = s$unit, type = "HC1", cadjust = TRUE))), deviance = deviance(g), loglik = num(logLik(g)))

write_json(out, "../results/formula_designs_R.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat("written", nrow(d), "rows\n")
