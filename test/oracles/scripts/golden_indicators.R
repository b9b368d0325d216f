# Indicators of issue 13 item 3 on case 08 (the directed valued digraph) and case 12 (a small undirected
# valued network written here: two components, a pendant chain and an isolate), by R igraph and R sna.
# Undirected views are built explicitly (pmax, pmin, sum, both arcs: `symmetrize: both`) so each matches one `symmetrize:`.
# Run from the repository root (Debian: r-cran-igraph, r-cran-sna, r-cran-jsonlite):
#   Rscript test/oracles/scripts/golden_indicators.R
# jsonlite writes at most 15 significant digits; the tests compare to 1e-9 (1e-6 for eigenvector).
suppressPackageStartupMessages({ library(igraph); library(sna); library(jsonlite) })
root <- "test/oracles/sna"

case12 <- data.frame(
  source = c("A", "A", "B", "C", "D", "D", "E", "F", "B", "H", "I", "H", "J", "G"),
  target = c("B", "C", "C", "D", "E", "F", "F", "G", "D", "I", "J", "J", "K", "M"),
  weight = c(3, 1, 2, 4, 1, 2, 5, 1, 1, 2, 1, 3, 2, 6))
dir.create(file.path(root, "12_undirected_valued"), showWarnings = FALSE)
write.csv(case12, file.path(root, "12_undirected_valued", "edges.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(region = LETTERS[1:13]), file.path(root, "12_undirected_valued", "nodes.csv"), row.names = FALSE, quote = FALSE)

matrixOf <- function(regions, arcs, directed) {
  W <- matrix(0, length(regions), length(regions), dimnames = list(regions, regions))
  W[cbind(match(arcs$source, regions), match(arcs$target, regions))] <- arcs$weight
  if (directed) W else W + t(W)
}

# What an undirected (weighted) view gives: every measure the engine computes on one.
undirectedMeasures <- function(U, partition = NULL) {
  n <- nrow(U)
  S <- (U > 0) * 1
  u <- graph_from_adjacency_matrix(S, mode = "undirected")
  uw <- graph_from_adjacency_matrix(U, mode = "undirected", weighted = TRUE)
  list(
    degree = as.numeric(igraph::degree(u)),
    strength = as.numeric(strength(uw)),
    normalized_degree_binary = as.numeric(igraph::degree(u, normalized = TRUE)),
    # UCINET's valued normalisation (METHODS A(b)): degree over (n-1)·w_max; no R tool prints it.
    normalized_degree_valued = as.numeric(strength(uw)) / ((n - 1) * max(U)),
    transitivity_local = transitivity(u, type = "local", isolates = "NaN"),
    transitivity_local_zero = transitivity(u, type = "local", isolates = "zero"),
    transitivity_global = transitivity(u, type = "global"),
    coreness = as.numeric(coreness(u)),
    eigen_centrality = as.numeric(eigen_centrality(uw, scale = TRUE)$vector),
    eigen_centrality_binary = as.numeric(eigen_centrality(u, scale = TRUE)$vector),
    constraint = as.numeric(constraint(uw)),
    constraint_binary = as.numeric(constraint(u)),
    components = count_components(u),
    largest_component_share = max(igraph::components(u)$csize) / n,
    reachable_pairs = (sum(is.finite(distances(u))) - n) / 2,
    betweenness = as.numeric(igraph::betweenness(u, normalized = FALSE)),
    mean_distance = mean_distance(u, unconnected = TRUE)
  )
}

# Case 08: directed measures on the arcs, and the four undirected views.
c08 <- file.path(root, "08_random_digraph_30")
regions <- read.csv(file.path(c08, "nodes.csv"), stringsAsFactors = FALSE)$region
W <- matrixOf(regions, read.csv(file.path(c08, "edges.csv"), stringsAsFactors = FALSE), TRUE)
B <- (W > 0) * 1
n <- length(regions)
g <- graph_from_adjacency_matrix(B, mode = "directed")
gw <- graph_from_adjacency_matrix(W, mode = "directed", weighted = TRUE)
# Louvain (networkx, seed 7) splits the first block, so ties cross groups and every role occurs.
groups <- fromJSON(file.path(c08, "py_networkx_igraph.json"))$partitions$networkx_louvain_seed7
brokerage08 <- sna::brokerage(B, groups)$raw.nli
# A region set and the rest as two groups (`groups: a regions name`): a set across the first two blocks.
hubs <- c(sprintf("R%02d", 1:7), sprintf("R%02d", 15:20))
brokerageHubs <- sna::brokerage(B, as.integer(regions %in% hubs))$raw.nli
roles <- function(b) list(coordinator = b[, "w_I"], itinerant = b[, "w_O"], representative = b[, "b_IO"],
                          gatekeeper = b[, "b_OI"], liaison = b[, "b_O"], total = b[, "t"])
reach <- sna::reachability(B)

case08 <- list(
  tool = sprintf("R igraph %s, R sna %s, %s", packageVersion("igraph"), packageVersion("sna"), R.version.string),
  directed = list(
    binary_out_degree = as.numeric(igraph::degree(g, mode = "out")),
    binary_in_degree = as.numeric(igraph::degree(g, mode = "in")),
    binary_total_degree = as.numeric(igraph::degree(g, mode = "all")),
    sna_outdegree = sna::degree(B, cmode = "outdegree"),
    sna_indegree = sna::degree(B, cmode = "indegree"),
    normalized_out_degree_binary = as.numeric(igraph::degree(g, mode = "out", normalized = TRUE)),
    normalized_in_degree_binary = as.numeric(igraph::degree(g, mode = "in", normalized = TRUE)),
    normalized_out_degree_valued = as.numeric(strength(gw, mode = "out")) / ((n - 1) * max(W)),
    normalized_in_degree_valued = as.numeric(strength(gw, mode = "in")) / ((n - 1) * max(W)),
    weak_components = count_components(g, mode = "weak"),
    strong_components = count_components(g, mode = "strong"),
    largest_weak_share = max(igraph::components(g, mode = "weak")$csize) / n,
    largest_strong_share = max(igraph::components(g, mode = "strong")$csize) / n,
    reachable_pairs = sum(is.finite(distances(g, mode = "out"))) - n,
    sna_reachable_pairs = sum(reach) - sum(diag(reach)),
    constraint = as.numeric(constraint(gw)),
    # igraph given the arcs themselves: transitivity ignores direction (= the max view), eigen_centrality
    # with directed = FALSE adds reciprocal arcs' weights (= the sum view).
    transitivity_local_arcs = transitivity(g, type = "local", isolates = "NaN"),
    transitivity_global_arcs = transitivity(g, type = "global"),
    eigen_centrality_arcs = as.numeric(eigen_centrality(gw, directed = FALSE, scale = TRUE)$vector),
    brokerage = roles(brokerage08),
    brokerage_region_set = c(list(members = hubs), roles(brokerageHubs))
  ),
  max = undirectedMeasures(pmax(W, t(W))),
  min = undirectedMeasures(pmin(W, t(W))),
  sum = undirectedMeasures(W + t(W)),
  both = undirectedMeasures(B * t(B))
)
writeLines(toJSON(case08, auto_unbox = TRUE, digits = NA, pretty = 1, na = "null"), file.path(c08, "r_indicators.json"))

c12 <- file.path(root, "12_undirected_valued")
W12 <- matrixOf(LETTERS[1:13], case12, FALSE)
case12result <- list(
  tool = case08$tool,
  undirected = undirectedMeasures(W12),
  brokerage = roles(sna::brokerage((W12 > 0) * 1, c(1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 2, 3))$raw.nli),
  # Two nodes and no tie: what igraph gives an edgeless window.
  edgeless = local({ e <- make_empty_graph(2, directed = FALSE)
    list(eigen_centrality = as.numeric(eigen_centrality(e)$vector), coreness = as.numeric(coreness(e)),
         transitivity_local = transitivity(e, type = "local", isolates = "NaN"), transitivity_global = transitivity(e, type = "global"),
         constraint = as.numeric(constraint(e)), components = count_components(e)) })
)
writeLines(toJSON(case12result, auto_unbox = TRUE, digits = NA, pretty = 1, na = "null"), file.path(c12, "r_indicators.json"))
