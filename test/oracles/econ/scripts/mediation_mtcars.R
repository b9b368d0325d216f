# Golden case for the three-equation mediation (Baron & Kenny with the Sobel test) on mtcars:
# treatment wt, mediator hp, control qsec, outcome mpg. Writes results/mediation_mtcars_R.json.
# Run from test/oracles/econ: Rscript scripts/mediation_mtcars.R
d <- read.csv("mtcars.csv")
total <- lm(mpg ~ wt + qsec, data = d)
med <- lm(hp ~ wt + qsec, data = d)
out <- lm(mpg ~ wt + qsec + hp, data = d)
co <- function(m, term) unname(coef(summary(m))[term, 1:2])
c_ <- co(total, "wt"); a <- co(med, "wt"); b <- co(out, "hp"); direct <- co(out, "wt")
ab <- a[1] * b[1]
sobel_se <- sqrt(b[1]^2 * a[2]^2 + a[1]^2 * b[2]^2)
res <- list(
  tool = paste("R", getRversion(), "lm"),
  total = c_, a = a, b = b, direct = direct,
  indirect = ab, sobel_se = sobel_se, sobel_p = 2 * pnorm(-abs(ab / sobel_se))
)
# Without jsonlite: estimates as [estimate, SE] pairs, full precision.
json <- function(v) if (is.character(v)) sprintf('"%s"', v) else if (length(v) > 1) sprintf("[%.17g, %.17g]", v[1], v[2]) else sprintf("%.17g", v)
writeLines(paste0("{", paste(sprintf('"%s": %s', names(res), sapply(res, json)), collapse = ", "), "}"), "results/mediation_mtcars_R.json")
