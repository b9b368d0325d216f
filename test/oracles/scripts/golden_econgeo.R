# The region × technology toolkit (issue 13 item 6) by EconGeo itself, on a generated region × technology ×
# year count table, also written as patent rows (one row per patent, region and technology), and on 300
# generated patents with one to three technologies each (technologies co-occurring on patents).
# EconGeo is sourced from its public repository (read and run only):
#   git clone https://github.com/PABalland/EconGeo /tmp/EconGeo   # commit 420c3c5 (2022-12-20), version 1.3
#   Rscript test/oracles/scripts/golden_econgeo.R /tmp/EconGeo     (from the repository root; r-cran-matrix, r-cran-jsonlite)
# EconGeo rounds some results (RCA 2 digits, relatedness density 2, its averages 0, KCI/TCI's projected
# matrices 4, entropy 3, Hoover 2); the unrounded values come from the same functions with `round` made the
# identity inside them, so `rounding: none` is held to EconGeo's own code too.
suppressPackageStartupMessages({ library(Matrix); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
econgeo <- if (length(args)) args[1] else "/tmp/EconGeo"
for (f in c("RCA", "location.quotient", "KCI", "TCI", "MORc", "co.occurrence", "relatedness", "relatedness.density",
            "relatedness.density.ext.avg", "relatedness.density.int.avg", "diversity", "ubiquity", "Hoover.index",
            "Krugman.index", "entropy")) source(file.path(econgeo, "R", paste0(f, ".r")))
root <- "test/oracles/econgeo"
dir.create(root, showWarnings = FALSE)

# The generated table: 14 regions, 9 technologies, two years; region sizes and technology popularity vary,
# so RCA, relatedness and complexity have structure; no region or technology is empty in a year.
set.seed(20261206)
regions <- sprintf("R%02d", 1:14)
technologies <- paste0("T", 1:9)
years <- c(2019, 2020)
rows <- expand.grid(technology = technologies, region = regions, year = years, stringsAsFactors = FALSE)
size <- setNames(exp(seq(0, 2.5, length.out = 14)), regions)
popularity <- setNames(exp(seq(1.5, 0, length.out = 9)), technologies)
rows$n <- rnbinom(nrow(rows), size = 0.8, mu = 2 * size[rows$region] * popularity[rows$technology])
rows <- rows[, c("region", "technology", "year", "n")]
write.csv(rows, file.path(root, "region_technology.csv"), row.names = FALSE, quote = FALSE)
# The same counts as patent rows: patent P1 … with its region, technology and year (rows of n = 0 vanish).
expanded <- rows[rep(seq_len(nrow(rows)), rows$n), c("region", "technology", "year")]
expanded <- cbind(patent = paste0("P", seq_len(nrow(expanded))), expanded)
write.csv(expanded, file.path(root, "patent_rows.csv"), row.names = FALSE, quote = FALSE)

# A copy of an EconGeo function whose `round` leaves its argument as it is.
unrounded <- function(f) {
  e <- new.env(parent = environment(f))
  e$round <- function(x, digits = 0) x
  environment(f) <- e
  f
}

# EconGeo's results on the counts of some rows (a year, or a window's years summed).
results <- function(d) {
  mat <- xtabs(n ~ region + technology, d)
  mat <- matrix(as.numeric(mat), nrow(mat), dimnames = dimnames(mat))
  stopifnot(all(rowSums(mat) > 0), all(colSums(mat) > 0))
  binary <- RCA(mat, binary = TRUE)
  cooc <- co.occurrence(t(binary))
  rel <- list(prob = relatedness(cooc), association = relatedness(cooc, method = "association"),
              cosine = relatedness(cooc, method = "cosine"), jaccard = relatedness(cooc, method = "Jaccard"))
  density <- function(r, f = relatedness.density) unname(f(binary, r))
  list(
    regions = rownames(mat), technologies = colnames(mat), counts = unname(mat),
    rca = unname(RCA(mat)), rca_unrounded = unname(unrounded(RCA)(mat)), location_quotient = unname(location.quotient(mat)),
    rca_binary = unname(binary),
    co_occurrence = unname(cooc),
    relatedness = lapply(rel, unname),
    density = lapply(rel, density),
    density_unrounded = lapply(rel, density, f = unrounded(relatedness.density)),
    density_outside = unname(relatedness.density.ext.avg(binary, rel$prob)),
    density_outside_unrounded = unname(unrounded(relatedness.density.ext.avg)(binary, rel$prob)),
    density_inside = unname(relatedness.density.int.avg(binary, rel$prob)),
    density_inside_unrounded = unname(unrounded(relatedness.density.int.avg)(binary, rel$prob)),
    kci = KCI(mat, RCA = TRUE), kci_unrounded = unrounded(KCI)(mat, RCA = TRUE),
    tci = TCI(mat, RCA = TRUE), tci_unrounded = unrounded(TCI)(mat, RCA = TRUE),
    diversity = unname(diversity(mat, RCA = TRUE)), ubiquity = unname(ubiquity(mat, RCA = TRUE)),
    hoover = Hoover.index(mat)$Hoover.index, hoover_unrounded = unrounded(Hoover.index)(mat)$Hoover.index,
    hoover_total = Hoover.index(mat, pop = rowSums(mat))$Hoover.index,
    hoover_total_unrounded = unrounded(Hoover.index)(mat, pop = rowSums(mat))$Hoover.index,
    krugman = unname(Krugman.index(mat)),
    entropy = unname(entropy(mat)), entropy_unrounded = unname(unrounded(entropy)(mat))
  )
}

out <- setNames(lapply(years, function(y) results(rows[rows$year == y, ])), years)
window <- results(rows)  # the window 2019–2020: both years' counts summed

# Technologies co-occurring on patents: 150 patents a year, each in one region with one to three distinct
# technologies. Each row counts 1 in the region × technology matrix; co.occurrence reads the technology ×
# patent incidence matrix (a patent has a technology or not).
patentTechnologies <- do.call(rbind, lapply(seq_len(300), function(k) {
  techs <- sample(technologies, sample(1:3, 1, prob = c(0.3, 0.45, 0.25)), prob = popularity)
  data.frame(patent = sprintf("Q%03d", k), region = sample(regions, 1, prob = size), technology = techs, year = years[(k - 1) %/% 150 + 1])
}))
write.csv(patentTechnologies, file.path(root, "patent_technologies.csv"), row.names = FALSE, quote = FALSE)
onPatents <- function(y) {
  d <- patentTechnologies[patentTechnologies$year == y, ]
  mat <- unclass(table(d$region, d$technology))
  mat <- matrix(as.numeric(mat), nrow(mat), dimnames = dimnames(mat))
  stopifnot(all(rowSums(mat) > 0), all(colSums(mat) > 0), identical(colnames(mat), technologies), identical(rownames(mat), regions))
  incidence <- (unclass(table(d$technology, d$patent)) > 0) * 1
  cooc <- co.occurrence(incidence)
  rel <- relatedness(cooc)
  binary <- RCA(mat, binary = TRUE)
  list(regions = rownames(mat), technologies = colnames(mat), counts = unname(mat), co_occurrence = unname(cooc), relatedness = unname(rel),
       density = unname(relatedness.density(binary, rel)), density_outside = unname(relatedness.density.ext.avg(binary, rel)))
}
patents <- setNames(lapply(years, onPatents), years)

# KCI and TCI at a larger size, on a nested structure (capable regions hold complex technologies too).
capability <- seq(0.2, 3, length.out = 120)
complexityOf <- seq(0.1, 2.8, length.out = 40)
large <- outer(capability, complexityOf, function(a, c) rpois(length(a), 6 * pmax(a - c, 0) + 0.3))
dimnames(large) <- list(sprintf("L%03d", 1:120), sprintf("K%02d", 1:40))
stopifnot(all(rowSums(large) > 0), all(colSums(large) > 0))
write.csv(data.frame(region = rownames(large)[row(large)], technology = colnames(large)[col(large)], n = as.vector(large)),
          file.path(root, "large.csv"), row.names = FALSE, quote = FALSE)
complexity <- function(mat) list(regions = rownames(mat), technologies = colnames(mat), counts = unname(mat),
  kci = KCI(mat, RCA = TRUE), kci_unrounded = unrounded(KCI)(mat, RCA = TRUE), tci = TCI(mat, RCA = TRUE), tci_unrounded = unrounded(TCI)(mat, RCA = TRUE))

writeLines(toJSON(list(source = "EconGeo 1.3 (github PABalland/EconGeo 420c3c5)", years = out, window = window, patents = patents,
                       complexity = complexity(large)), digits = NA, auto_unbox = TRUE),
           file.path(root, "expected.json"))
