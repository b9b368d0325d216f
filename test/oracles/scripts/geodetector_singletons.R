# Golden values for the geographical detector on a factor with one-observation strata: CollectData's
# watershed × elevation zones (23 strata, 3 of them singletons) as one categorical factor `zone`.
# The geodetector package is not installed here, so the risk detector is computed by hand by the documented
# rule of geodetector 1.0-5's risk_detector (R/risk_detector.r): stratum means; for every pair of strata
# (sorted labels, i < j) with more than one observation each, Welch's t = |m_i − m_j|/√(v_i/n_i + v_j/n_j),
# df = round(Welch–Satterthwaite), significant when t > qt(0.975, df); pairs with a singleton stratum are
# skipped (`if (SratSampleCnt_i == 1 | SratSampleCnt_j == 1) next`), as are pairs whose both strata are
# constant. The signed t, unrounded df and p are stats::t.test(y_i, y_j)'s. The factor detector's q, F and
# noncentral-F p (geodetector's λ with the sample variance, singletons kept) are computed by its formulas.
# Run from the repository root: Rscript test/oracles/scripts/geodetector_singletons.R
# Writes test/oracles/sna/11_geodetector_singletons/{zones.csv,expected.json}.
suppressPackageStartupMessages(library(jsonlite))
dir <- "test/oracles/sna/11_geodetector_singletons"
d <- read.csv("test/oracles/sna/03_geodetector_collectdata/CollectData.csv")
z <- data.frame(incidence = d$incidence, zone = paste(d$watershed, d$elevation, sep = "_"))
write.csv(z, file.path(dir, "zones.csv"), row.names = FALSE, quote = FALSE)
y <- z$incidence; x <- z$zone
labels <- sort(unique(x), method = "radix")
n <- sapply(labels, function(l) sum(x == l)); m <- sapply(labels, function(l) mean(y[x == l]))
tests <- list()
for (i in seq_along(labels)) for (j in seq_along(labels)) {
  if (j <= i || n[i] == 1 || n[j] == 1) next
  yi <- y[x == labels[i]]; yj <- y[x == labels[j]]
  se <- sqrt(var(yi) / n[i] + var(yj) / n[j])
  if (se == 0) next
  tt <- t.test(yi, yj)
  df <- unname(tt$parameter)
  tests[[length(tests) + 1]] <- list(stratum1 = labels[i], stratum2 = labels[j], t = unname(tt$statistic), df = df,
    p = tt$p.value, significant = abs(m[[i]] - m[[j]]) / se > qt(0.975, round(df)))
}
N <- length(y); L <- length(labels)
ssw <- sum(sapply(labels, function(l) sum((y[x == l] - mean(y[x == l]))^2))); sst <- sum((y - mean(y))^2)
q <- 1 - ssw / sst; F <- (N - L) / (L - 1) * q / (1 - q)
lambda <- (sum(m^2) - sum(sqrt(n) * m)^2 / N) / var(y)
out <- list(tool = sprintf("R %s, by hand (geodetector 1.0-5's documented rules; the package is not installed here)", getRversion()),
  input = "zones.csv: CollectData's incidence and zone = watershed_elevation",
  strata = L, singleton_strata = labels[n == 1],
  means = lapply(seq_along(labels), function(k) list(stratum = labels[k], n = unname(n[k]), mean = unname(m[k]))),
  tests = tests,
  factor = list(q = q, F = F, df1 = L - 1, df2 = N - L, lambda = lambda, p = pf(F, L - 1, N - L, lambda, lower.tail = FALSE)))
write_json(out, file.path(dir, "expected.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE)
cat(L, "strata; singletons:", labels[n == 1], ";", length(tests), "tests,", sum(sapply(tests, `[[`, "significant")), "significant\n")
