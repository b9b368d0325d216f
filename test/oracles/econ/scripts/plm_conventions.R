# plm conventions for the within, random-effects and pooling models and both Hausman tests: plm::vcovHC with
# method arellano / white1 / white2 and every type, lmtest::coeftest p-values (t on df.residual), summary.plm's
# R² and adjusted R², ercomp's Swamy–Arora components, plm::phtest classic and regression-based (classical and
# robust covariances). Debian packages only (plm, lmtest, jsonlite).
# Run from the repository root: Rscript test/oracles/econ/scripts/plm_conventions.R
# Writes test/oracles/econ/results/plm_conventions_R.json.
suppressPackageStartupMessages({library(plm); library(lmtest); library(jsonlite)})
num <- function(x) unname(as.numeric(x))
named <- function(x) as.list(setNames(num(x), names(x)))
econ <- "test/oracles/econ"
methods <- c("arellano", "white1", "white2")
types <- c("HC0", "sss", "HC1", "HC2", "HC3", "HC4")
# Coefficients, classical and every robust covariance (as coeftest prints them), fit.
describe_model <- function(m) {
  s <- summary(m)
  robust <- list()
  for (method in methods) for (type in types) {
    V <- vcovHC(m, method = method, type = type)
    ct <- coeftest(m, vcov. = V)
    robust[[paste(method, type, sep = "_")]] <- list(se = named(ct[, 2]), t = named(ct[, 3]), p = named(ct[, 4]))
  }
  ct <- coeftest(m)
  list(coef = named(coef(m)), classical = list(se = named(ct[, 2]), t = named(ct[, 3]), p = named(ct[, 4])),
       df_residual = num(df.residual(m)), n = nobs(m), r2 = num(s$r.squared[["rsq"]]), adj_r2 = num(s$r.squared[["adjrsq"]]),
       robust = robust)
}
ht <- function(h) list(stat = num(h$statistic), df = num(h$parameter), p = num(h$p.value), method = h$method)
out <- list(tool = sprintf("plm %s, lmtest %s, R %s", packageVersion("plm"), packageVersion("lmtest"), getRversion()),
  note = "robust.<method>_<type> = coeftest(m, vcov. = vcovHC(m, method, type)), cluster = group (plm's default)")
# ---- Grunfeld (balanced, 10 firms x 20 years): all three models and the Hausman tests
g <- pdata.frame(read.csv(file.path(econ, "Grunfeld.csv")), index = c("firm", "year"))
f <- inv ~ value + capital
fe <- plm(f, data = g, model = "within")
re <- plm(f, data = g, model = "random")
po <- plm(f, data = g, model = "pooling")
ec <- ercomp(re)
aux_vcov <- function(method, type) function(x) vcovHC(x, method = method, type = type)
out$grunfeld <- list(input = "Grunfeld.csv, index firm-year, inv ~ value + capital",
  within = describe_model(fe), random = describe_model(re), pooling = describe_model(po),
  random_components = list(sigma2_idios = num(ec$sigma2[["idios"]]), sigma2_id = num(ec$sigma2[["id"]]), theta = num(ec$theta)),
  phtest_chisq = ht(phtest(fe, re)),
  phtest_aux = ht(phtest(f, data = g, method = "aux")),
  phtest_aux_robust = lapply(setNames(nm = c("arellano_HC0", "arellano_sss", "arellano_HC1", "arellano_HC3", "white1_HC0", "white2_HC3")), function(k) {
    parts <- strsplit(k, "_")[[1]]
    ht(phtest(f, data = g, method = "aux", vcov = aux_vcov(parts[1], parts[2])))
  }))
# ---- EmplUK (unbalanced, 140 firms, 7–9 years): all three models; Swamy–Arora's unbalanced form (plm's
# dfcor = c(3, 3)) gives one θ per firm, summarised over the rows
# (logs as columns: phtest's regression-based form cannot name a term such as log(wage))
e <- read.csv(file.path(econ, "EmplUK.csv"))
e <- pdata.frame(transform(e, lemp = log(emp), lwage = log(wage), lcapital = log(capital), loutput = log(output)), index = c("firm", "year"))
f2 <- lemp ~ lwage + lcapital + loutput
fe2 <- plm(f2, data = e, model = "within")
re2 <- plm(f2, data = e, model = "random")
po2 <- plm(f2, data = e, model = "pooling")
ec2 <- ercomp(re2)
out$empluk <- list(input = "EmplUK.csv, index firm-year, lemp ~ lwage + lcapital + loutput (the logs of emp, wage, capital, output)",
  within = describe_model(fe2), random = describe_model(re2), pooling = describe_model(po2),
  random_components = list(sigma2_idios = num(ec2$sigma2[["idios"]]), sigma2_id = num(ec2$sigma2[["id"]]),
    theta_min = min(ec2$theta), theta_mean = mean(ec2$theta), theta_max = max(ec2$theta)),
  phtest_chisq = ht(phtest(fe2, re2)),
  phtest_aux = ht(phtest(f2, data = e, method = "aux")),
  phtest_aux_robust = list(arellano_HC1 = ht(phtest(f2, data = e, method = "aux", vcov = aux_vcov("arellano", "HC1")))))
write_json(out, file.path(econ, "results/plm_conventions_R.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE)
str(out$grunfeld[c("random_components", "phtest_chisq", "phtest_aux")])
str(out$grunfeld$phtest_aux_robust); str(out$empluk[c("random_components", "phtest_chisq", "phtest_aux", "phtest_aux_robust")])
print(unlist(out$grunfeld$within[c("r2", "adj_r2", "df_residual")])); print(unlist(out$grunfeld$random[c("r2", "adj_r2", "df_residual")]))
