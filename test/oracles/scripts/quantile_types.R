# Golden values for the nine Hyndman–Fan quantile types, from R's quantile().
# Run: Rscript test/oracles/scripts/quantile_types.R > test/oracles/stats/quantile_types.json
samples <- list(
  small = c(10, 1, 4, 9, 3),
  ties = c(2, 2, 2, 5, 7, 7, 11, 20),
  seed_like = c(187, 992, 1600, 1377, 240, 3302, 88, 2820, 415, 9)
)
probs <- c(0, 0.1, 0.25, 0.3, 0.5, 0.76, 0.8, 0.84, 0.9, 1)
num <- function(x) sprintf("%.17g", x)
cases <- c()
for (name in names(samples)) {
  x <- samples[[name]]
  for (type in 1:9) {
    q <- quantile(x, probs, type = type, names = FALSE)
    cases <- c(cases, sprintf('{"sample": "%s", "type": %d, "probs": [%s], "quantiles": [%s]}',
      name, type, paste(num(probs), collapse = ", "), paste(num(q), collapse = ", ")))
  }
}
samples_json <- paste(sprintf('"%s": [%s]', names(samples), sapply(samples, function(x) paste(num(x), collapse = ", "))), collapse = ", ")
cat(sprintf('{"tool": "%s", "samples": {%s}, "cases": [\n%s\n]}\n', R.version.string, samples_json, paste(cases, collapse = ",\n")))
