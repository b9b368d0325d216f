# fixest's small-sample corrections (ssc()) and the exact count of fixed-effect parameters on a small
# unbalanced panel with three fixed effects: firm, year and sector. Firms of sector 3 are observed only in
# years 1-3 and the others only in years 4-6, so the firm-year graph has two connected components, and sector
# is nested in firm, so its dummies are redundant: the naive count 1 + (F-1) + (T-1) + (S-1) overstates the
# rank of [D_firm, D_year, D_sector] by (S-1) + 1.
# fixest is not installed here, so the reference is computed from fixest's documented formulas (fixest 0.14
# ssc(): adj, fixef.K, K.exact, cluster.adj, cluster.df, t.df) with lm on explicit dummies:
#   bread = (X~'X~)^-1 with X~ the regressors net of the fixed effects (resid of lm(x ~ dummies)); e = lm residuals
#   K = regressors + FE parameters, the FE parameters being 1 + sum(levels - 1) over the counted FE (naive),
#       or the rank of the counted FE's dummy matrix with an intercept (exact, qr()$rank); counted FE: all
#       (fixef.K = "full"), those not nested in a cluster variable ("nested"), none ("none": K = regressors)
#   iid:     bread * SSR / (n - 1) * (n - 1)/(n - K)            [the last factor only when adj]
#   hetero:  bread meat bread * n/(n - K), meat = sum_i e_i^2 x~_i x~_i'
#   cluster: bread meat_G bread * G/(G - 1) [cluster.adj] * (n - 1)/(n - K) [adj], meat_G = sum_g s_g s_g',
#            s_g = sum over g of e_i x~_i; t df = G - 1 ("min") or n - K ("conventional")
#   twoway:  meat = M_1 + M_2 - M_12, times Gmin/(Gmin - 1) once (cluster.df = "min") or each term times its
#            own G/(G - 1) ("conventional"); t df = Gmin - 1 ("min") or n - K ("conventional")
# Run from this folder: Rscript ssc_exact_3fe.R (writes ../ssc_panel.csv and ../results/ssc_exact_3fe_R.json).
suppressPackageStartupMessages(library(jsonlite))
set.seed(20261206)
firm_sector <- c(1, 1, 1, 2, 2, 2, 3, 3, 3, 3)
rows <- do.call(rbind, lapply(seq_along(firm_sector), function(f) {
  years <- if (firm_sector[f] == 3) 1:3 else 4:6
  keep <- years[runif(length(years)) > 0.25]
  if (length(keep) < 2) keep <- years[1:2]
  data.frame(firm = f, year = keep, sector = firm_sector[f])
}))
n <- nrow(rows)
rows$x1 <- round(rnorm(n), 3)
rows$x2 <- round(rnorm(n) + 0.3 * rows$year, 3)
rows$y <- round(1 + 0.5 * rows$x1 - 0.25 * rows$x2 + 0.2 * rows$firm + 0.1 * rows$year + rnorm(n), 3)
write.csv(rows, "../ssc_panel.csv", row.names = FALSE, quote = FALSE)
d <- transform(rows, firm = factor(firm), year = factor(year), sector = factor(sector))
stopifnot(all(table(d$firm) >= 2), all(table(d$year) >= 2), all(table(d$sector) >= 2))
xv <- c("x1", "x2")
m <- lm(y ~ x1 + x2 + firm + year + sector, data = d)
e <- resid(m)
Xt <- sapply(xv, function(v) resid(lm(reformulate(c("firm", "year", "sector"), v), data = d)))
bread <- solve(crossprod(Xt))
fe_naive <- function(fes) if (length(fes) == 0) 1 else 1 + sum(sapply(fes, function(f) nlevels(d[[f]]) - 1))
fe_exact <- function(fes) if (length(fes) == 0) 1 else qr(model.matrix(reformulate(fes), d))$rank
meat_of <- function(g) { S <- rowsum(Xt * e, g); crossprod(S) }
G_of <- function(g) length(unique(g))
nested_in <- function(inner, outer) all(tapply(as.character(d[[outer]]), d[[inner]], function(v) length(unique(v)) == 1))
variant <- function(kind, clusters = character(0), adj = TRUE, fixef_k = "nested", exact = FALSE,
                    cluster_adj = TRUE, cluster_df = "min", t_df = "min") {
  fes <- c("firm", "year", "sector")
  counted <- switch(fixef_k, full = fes, none = character(0),
    nested = fes[!sapply(fes, function(f) any(sapply(clusters, function(c) nested_in(f, c))))])
  K <- length(xv) + if (fixef_k == "none") 0 else if (exact) fe_exact(counted) else fe_naive(counted)
  kadj <- if (adj) (n - 1) / (n - K) else 1
  gadj <- function(G) if (cluster_adj) G / (G - 1) else 1
  if (kind == "iid") { V <- bread * sum(e^2) / (n - 1) * kadj; df <- n - K }
  else if (kind == "hetero") { V <- bread %*% crossprod(Xt * e) %*% bread * (if (adj) n / (n - K) else 1); df <- n - K }
  else {
    gs <- lapply(clusters, function(c) d[[c]])
    G <- sapply(gs, G_of)
    if (length(gs) == 1) meat <- meat_of(gs[[1]]) * gadj(G)
    else {
      both <- interaction(gs[[1]], gs[[2]], drop = TRUE)
      terms <- list(list(gs[[1]], 1), list(gs[[2]], 1), list(both, -1))
      meat <- Reduce(`+`, lapply(terms, function(t) meat_of(t[[1]]) * t[[2]] * (if (cluster_df == "min") 1 else gadj(G_of(t[[1]])))))
      if (cluster_df == "min") meat <- meat * gadj(min(G))
    }
    V <- bread %*% meat %*% bread * kadj
    df <- if (t_df == "min") min(G) - 1 else n - K
  }
  list(kind = kind, clusters = clusters, adj = adj, fixef_k = fixef_k, exact = exact, cluster_adj = cluster_adj,
       cluster_df = cluster_df, t_df = t_df, K = K, df = df, se = as.list(setNames(sqrt(diag(V)), xv)))
}
variants <- list(
  iid_default = variant("iid"),
  iid_exact = variant("iid", exact = TRUE),
  hetero_exact_noadj = variant("hetero", exact = TRUE, adj = FALSE),
  cluster_firm_default = variant("cluster", "firm"),
  cluster_firm_full_exact = variant("cluster", "firm", fixef_k = "full", exact = TRUE),
  cluster_firm_nested_exact = variant("cluster", "firm", exact = TRUE),
  cluster_firm_none_noGadj = variant("cluster", "firm", fixef_k = "none", cluster_adj = FALSE),
  twoway_default = variant("cluster", c("firm", "year")),
  twoway_conventional = variant("cluster", c("firm", "year"), cluster_df = "conventional", t_df = "conventional"))
res <- list(input = "ssc_panel.csv", tool = sprintf("stats::lm + explicit fixest 0.14 ssc() formulas, R %s", getRversion()),
  nobs = n, coef = as.list(coef(m)[xv]),
  fe_parameters = list(naive = fe_naive(c("firm", "year", "sector")), exact = fe_exact(c("firm", "year", "sector"))),
  variants = variants)
write_json(res, "../results/ssc_exact_3fe_R.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
