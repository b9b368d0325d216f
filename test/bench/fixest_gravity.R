# The R side of test/bench/hdfe.ts's end-to-end figures on the gravity panel: what a user runs, as one process.
# Library loading, fread of the .csv.gz, feols or fepois (y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j,
# clustered by pair, single-threaded) and the coefficient table written as JSON. The bench times the whole
# Rscript process, as it times `innograph run` as a whole process: start-up to exit on both sides is the fair
# comparison (each side's start-up, library loading and file reading are part of what a user waits for).
# fepois keeps fixest's default fixef.rm = "perfect" (fixed-effect groups whose outcome is all zero removed),
# the sample of our `separation: fe`, as test/oracles/econ/scripts/fixest_gravity.R made the oracle.
# Usage: R_LIBS=/tmp/rlib Rscript test/bench/fixest_gravity.R ols|ppml <gravity_panel.csv.gz> <out.json>
# Prints the process's CPU seconds (user + system, its children's included) on stderr as `cpu <seconds>`.
suppressPackageStartupMessages({library(fixest); library(data.table); library(jsonlite)})
args <- commandArgs(TRUE)
setFixest_nthreads(1); setDTthreads(1)
d <- fread(args[2])
fml <- y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j
m <- switch(args[1], ols = feols(fml, d, cluster = ~i^j), ppml = fepois(fml, d, cluster = ~i^j), stop("ols or ppml"))
write_json(as.data.frame(coeftable(m)), args[3], digits = NA)
cat(sprintf("cpu %.3f\n", sum(proc.time()[c(1, 2, 4, 5)], na.rm = TRUE)), file = stderr())
