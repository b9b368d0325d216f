# Case 08, second half: R igraph and R sna on the network that golden_random_digraph.py wrote.
# Weights are removed for distances, betweenness and closeness (METHODS pitfall 1); sna's geodesics are
# completed with UCINET's substitutes for unreachable pairs (max + 1, n; METHODS A(c)).
# Run (Debian: r-cran-igraph, r-cran-sna, r-cran-jsonlite):
#   Rscript test/oracles/scripts/golden_random_digraph.R test/oracles/sna/08_random_digraph_30
# jsonlite writes at most 15 significant digits; the tests compare to 1e-9.
suppressPackageStartupMessages({ library(igraph); library(sna); library(jsonlite) })
out <- commandArgs(trailingOnly = TRUE)[1]
regions <- read.csv(file.path(out, "nodes.csv"), stringsAsFactors = FALSE)$region
arcs <- read.csv(file.path(out, "edges.csv"), stringsAsFactors = FALSE)
py <- fromJSON(file.path(out, "py_networkx_igraph.json"))
n <- length(regions)

W <- matrix(0, n, n, dimnames = list(regions, regions))
W[cbind(match(arcs$source, regions), match(arcs$target, regions))] <- arcs$weight
B <- (W > 0) * 1
S <- pmax(B, t(B))        # undirected view (binary)
Wsum <- W + t(W)          # undirected weights for modularity: reciprocal arcs summed

g <- graph_from_adjacency_matrix(B, mode = "directed")   # no weight attribute
u <- graph_from_adjacency_matrix(S, mode = "undirected")
wu <- graph_from_adjacency_matrix(Wsum, mode = "undirected", weighted = TRUE)

# UCINET's closeness: binary geodesics (sna), unreachable pairs replaced, (n-1)/row or column sums.
ucinet_closeness <- function(adj, replace) {
  d <- geodist(adj)$gdist
  finite <- d[is.finite(d) & row(d) != col(d)]
  d[!is.finite(d)] <- if (replace == "max_plus_one") max(finite) + 1 else n
  diag(d) <- 0
  list(out = (n - 1) / rowSums(d), `in` = (n - 1) / colSums(d))
}

modularity_rows <- lapply(seq_len(nrow(py$networkx$modularity)), function(k) {
  row <- py$networkx$modularity[k, ]
  membership <- py$partitions[[row$partition]] + 1
  graph <- if (row$weighted) wu else u
  list(partition = row$partition, weighted = row$weighted, resolution = row$resolution,
       Q = modularity(graph, membership, weights = if (row$weighted) E(wu)$weight else NULL, resolution = row$resolution))
})

result <- list(
  tool = sprintf("R igraph %s, R sna %s, %s", packageVersion("igraph"), packageVersion("sna"), R.version.string),
  igraph = list(
    directed = list(
      density = edge_density(g),
      betweenness_raw = as.numeric(igraph::betweenness(g, directed = TRUE, normalized = FALSE)),
      betweenness_normalized = as.numeric(igraph::betweenness(g, directed = TRUE, normalized = TRUE)),
      closeness_out = as.numeric(igraph::closeness(g, mode = "out", normalized = TRUE)),
      closeness_in = as.numeric(igraph::closeness(g, mode = "in", normalized = TRUE)),
      mean_distance_unconnected = mean_distance(g, directed = TRUE, unconnected = TRUE),
      diameter_unconnected = diameter(g, directed = TRUE, unconnected = TRUE),
      centr_degree_out = centr_degree(g, mode = "out", loops = FALSE)$centralization,
      centr_degree_in = centr_degree(g, mode = "in", loops = FALSE)$centralization
    ),
    undirected = list(
      density = edge_density(u),
      betweenness_raw = as.numeric(igraph::betweenness(u, directed = FALSE, normalized = FALSE)),
      betweenness_normalized = as.numeric(igraph::betweenness(u, directed = FALSE, normalized = TRUE)),
      mean_distance_unconnected = mean_distance(u, directed = FALSE, unconnected = TRUE),
      diameter_unconnected = diameter(u, directed = FALSE, unconnected = TRUE),
      centr_degree = centr_degree(u, mode = "all", loops = FALSE)$centralization,
      transitivity_local = transitivity(u, type = "local", isolates = "NaN"),
      transitivity_average = transitivity(u, type = "average", isolates = "NaN")
    ),
    modularity = modularity_rows
  ),
  sna = list(
    directed = list(
      gden_binary = gden(B, mode = "digraph"),
      gden_valued = gden(W, mode = "digraph", ignore.eval = FALSE),
      betweenness = sna::betweenness(B, gmode = "digraph", cmode = "directed"),
      centralization_outdegree = sna::centralization(B, sna::degree, mode = "digraph", cmode = "outdegree"),
      centralization_indegree = sna::centralization(B, sna::degree, mode = "digraph", cmode = "indegree"),
      closeness_max_plus_one = ucinet_closeness(B, "max_plus_one"),
      closeness_n = ucinet_closeness(B, "n")
    ),
    undirected = list(
      gden_binary = gden(S, mode = "graph"),
      gden_valued = gden(pmax(W, t(W)), mode = "graph", ignore.eval = FALSE),
      betweenness = sna::betweenness(S, gmode = "graph", cmode = "undirected"),
      centralization_degree = sna::centralization(S, sna::degree, mode = "graph", cmode = "freeman"),
      closeness_max_plus_one = ucinet_closeness(S, "max_plus_one")$out,
      closeness_n = ucinet_closeness(S, "n")$out
    )
  )
)
writeLines(toJSON(result, auto_unbox = TRUE, digits = NA, pretty = 1, na = "null"), file.path(out, "r_igraph_sna.json"))
