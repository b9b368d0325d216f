# Golden file for descriptive statistics and Pearson correlation matrices with missing values (R's airquality,
# 37 NA in Ozone, 7 in Solar.R) and for the descriptives of mtcars. Run from this folder: Rscript describe_corr_airquality.R
suppressPackageStartupMessages(library(jsonlite))
num <- function(x) unname(as.numeric(x))
data(airquality)
write.csv(airquality, "../airquality.csv", row.names = FALSE, na = "NA")
describe <- function(df) lapply(df, function(x) { x <- x[!is.na(x)]
  list(n = length(x), mean = mean(x), sd = sd(x), min = min(x), p25 = num(quantile(x, 0.25, type = 7)),
       median = median(x), p75 = num(quantile(x, 0.75, type = 7)), max = max(x)) })
# Pairwise: cor.test per pair drops rows missing in either variable. Listwise: complete cases of all variables.
corr <- function(df) { v <- names(df); k <- length(v); R <- P <- N <- matrix(NA_real_, k, k)
  for (a in 1:k) for (b in 1:k) { ok <- complete.cases(df[[a]], df[[b]]); N[a, b] <- sum(ok)
    if (a == b) { R[a, b] <- 1; P[a, b] <- 0 } else { ct <- cor.test(df[[a]], df[[b]]); R[a, b] <- num(ct$estimate); P[a, b] <- num(ct$p.value) } }
  list(vars = v, n = N, r = R, p = P) }
vars <- airquality[, c("Ozone", "Solar.R", "Wind", "Temp")]
out <- list(tool = sprintf("R %s (stats: sd, quantile type 7, cor.test)", getRversion()),
  describe_airquality = describe(airquality[, c("Ozone", "Solar.R", "Wind", "Temp", "Month", "Day")]),
  describe_mtcars = describe(mtcars),
  corr_airquality_pairwise = corr(vars),
  corr_airquality_listwise = corr(vars[complete.cases(vars), ]))
write_json(out, "../results/describe_corr_airquality_R.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
print(out$corr_airquality_pairwise$n); print(signif(out$corr_airquality_listwise$p, 4))
