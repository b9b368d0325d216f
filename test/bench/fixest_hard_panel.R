# fixest on the hard inventor × firm × year panel of test/bench/hdfe.ts (1M rows from
# test/engine/models/hardPanel.ts, seed 16; `npm run bench` caches it as
# ~/.cache/innograph-bench/hard-panel-s16-r1000000/hard_panel.csv), single-threaded, median of `reps` runs:
#   estimation: feols(y ~ x1 + x2 | inventor + firm + year, cluster = ~inventor) on the data already read;
#   end to end: fread of the CSV + the same feols + its coefficient table written as JSON (R's start-up and
#   library loading not counted).
# Usage: R_LIBS=/tmp/rlib Rscript test/bench/fixest_hard_panel.R <hard_panel.csv> [reps]
suppressPackageStartupMessages({library(fixest); library(data.table); library(jsonlite)})
args <- commandArgs(TRUE)
infile <- args[1]
reps <- if (length(args) > 1) as.integer(args[2]) else 3L
setFixest_nthreads(1); setDTthreads(1)
fml <- y ~ x1 + x2 | inventor + firm + year
out <- tempfile(fileext = ".json")
estimate <- function(d) feols(fml, d, cluster = ~inventor)
end_to_end <- function() {
  d <- fread(infile)
  m <- estimate(d)
  write_json(as.data.frame(coeftable(m)), out, digits = NA)
}
d <- fread(infile)
m <- estimate(d)
# Wall (elapsed) and CPU (user + system) seconds of each run: the machine is shared, so both are reported.
timed <- function(f) sapply(seq_len(reps), function(r) { gc(); t <- system.time(f()); c(wall = t[["elapsed"]], cpu = t[["user.self"]] + t[["sys.self"]]) })
est <- timed(function() estimate(d))
e2e <- timed(end_to_end)
line <- function(what, x) cat(sprintf("%s: median %.2f s wall, %.2f s CPU (wall runs %s)\n", what, median(x["wall", ]), median(x["cpu", ]), paste(sprintf("%.2f", x["wall", ]), collapse = ", ")))
cat(sprintf("fixest %s (R %s), nthreads = 1, %d rows; FE iterations %s\n", packageVersion("fixest"), getRversion(), nrow(d), paste(m$iterations, collapse = " ")))
print(coeftable(m))
line("estimation", est)
line("end to end", e2e)
