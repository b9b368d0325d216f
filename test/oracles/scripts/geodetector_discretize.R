# Golden values for discretised factors (case 03, ndvi_40.csv): quantile and equal-interval breaks from
# classInt, classes from cut(x, breaks, include.lowest = TRUE) (right-closed, as GD 10.8 assigns them), and
# geodetector 1.0-5's factor detector on those classes.
# geodetector is not in Debian: install it from the CRAN mirror (R CMD INSTALL -l <lib> <source>), then
# Run: R_LIBS=<lib> Rscript test/oracles/scripts/geodetector_discretize.R > test/oracles/sna/03_geodetector_collectdata/r_discretize.json
suppressPackageStartupMessages({ library(classInt); library(geodetector) })
dir <- "test/oracles/sna/03_geodetector_collectdata"
d <- read.csv(file.path(dir, "ndvi_40.csv"))
num <- function(x) paste(sprintf("%.17g", x), collapse = ", ")
rows <- c()
for (col in c("Tempchange", "Precipitation", "GDP", "Popdensity")) for (style in c("quantile", "equal")) for (k in c(4, 5, 6)) {
  brks <- classIntervals(d[[col]], k, style = style)$brks
  codes <- cut(d[[col]], unique(brks), include.lowest = TRUE, labels = FALSE)
  t <- data.frame(y = d$NDVIchange, x = codes)
  fd <- factor_detector("y", "x", t)[[1]]
  rows <- c(rows, sprintf('{"column": "%s", "style": "%s", "k": %d, "breaks": [%s], "codes": [%s], "q": %s, "p": %s}',
    col, style, k, num(brks), paste(codes, collapse = ","), num(fd[1, 1]), num(fd[1, 2])))
}
cat(sprintf('{"tools": "%s, classInt %s, geodetector %s", "cases": [\n%s\n]}\n', R.version.string,
  packageVersion("classInt"), packageVersion("geodetector"), paste(rows, collapse = ",\n")))
