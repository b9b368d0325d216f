# Golden classifications from R classInt 0.4.9 (classIntervals): Jenks, Fisher, quantile (types 7 and 6) and
# equal intervals on three public samples — case 04's 50 values (jenkspy's data2), R's `precip` (70 US cities,
# with ties) and `airquality$Ozone` (37 missing values, left out). For each: classInt's breaks, its own class
# counts (findCols, with classInt's interval closure: right for jenks, left otherwise), and the counts, class
# minima and maxima and GVF under right-closed classes (R's cut(x, breaks, include.lowest = TRUE), ArcGIS).
# Run from the repository root: Rscript test/oracles/scripts/golden_classify.R
library(classInt)
library(jsonlite)

samples <- list(
  jenks50 = read.csv("test/oracles/sna/04_jenks_50/values.csv")$value,
  precip = unname(precip),
  ozone = airquality$Ozone
)
styles <- list(
  list(style = "jenks", k = 4), list(style = "jenks", k = 5), list(style = "fisher", k = 5),
  list(style = "quantile", k = 4, type = 7), list(style = "quantile", k = 5, type = 7), list(style = "quantile", k = 5, type = 6),
  list(style = "equal", k = 5)
)

gvf <- function(x, cls) {
  sdam <- sum((x - mean(x))^2)
  sdcm <- sum(tapply(x, cls, function(v) sum((v - mean(v))^2)))
  1 - sdcm / sdam
}

cases <- list()
for (name in names(samples)) {
  x <- samples[[name]][!is.na(samples[[name]])]
  for (s in styles) {
    ci <- if (is.null(s$type)) classIntervals(x, s$k, style = s$style) else classIntervals(x, s$k, style = s$style, type = s$type)
    brks <- ci$brks
    right <- cut(x, brks, include.lowest = TRUE, right = TRUE, labels = FALSE)
    k <- length(brks) - 1
    cases[[length(cases) + 1]] <- list(
      sample = name, style = s$style, k = s$k, type = if (is.null(s$type)) NA else s$type,
      breaks = brks,
      classint_counts = tabulate(findCols(ci), k),
      classint_closure = attr(ci, "intervalClosure"),
      right_counts = tabulate(right, k),
      right_min = sapply(1:k, function(c) if (any(right == c)) min(x[right == c]) else NA),
      right_max = sapply(1:k, function(c) if (any(right == c)) max(x[right == c]) else NA),
      gvf_right = gvf(x, right),
      classint_gvf = if (s$style == "jenks") unname(jenks.tests(ci)["Goodness of fit"]) else NA
    )
  }
}
out <- list(tool = paste("R", getRversion(), "classInt", as.character(packageVersion("classInt"))),
  samples = lapply(samples, function(x) x), cases = cases)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE), "test/oracles/stats/classify.json")
# airquality's Ozone and Month with empty cells for missing values, for the run test's dataset.
write.csv(airquality[, c("Ozone", "Month")], "test/oracles/stats/airquality_ozone.csv", na = "", row.names = FALSE, quote = FALSE)
