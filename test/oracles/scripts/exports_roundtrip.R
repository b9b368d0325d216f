# What R igraph reads from the GraphML and Pajek export samples in test/oracles/exports, as JSON for
# exports.test.ts (a second reader beside networkx; igraph has no GEXF reader).
# Run: Rscript test/oracles/scripts/exports_roundtrip.R > test/oracles/exports/roundtrip_igraph.json
suppressPackageStartupMessages(library(igraph))
samples <- file.path(dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)))), "..", "exports")

str_json <- function(x) {
  if (is.na(x)) return("null")
  x <- gsub("\\\\", "\\\\\\\\", x)
  x <- gsub("\"", "\\\\\"", x)
  x <- gsub("\n", "\\\\n", x)
  x <- gsub("\r", "\\\\r", x)
  x <- gsub("\t", "\\\\t", x)
  paste0("\"", x, "\"")
}
value_json <- function(x) if (is.character(x)) str_json(x) else if (is.na(x)) "null" else sprintf("%.17g", x)
object_json <- function(values) paste0("{", paste(sprintf("%s: %s", sapply(names(values), str_json), values), collapse = ", "), "}")

graph_json <- function(g) {
  attrs <- vertex_attr_names(g)
  nodes <- sapply(seq_len(vcount(g)), function(v) {
    object_json(sapply(attrs, function(a) value_json(vertex_attr(g, a, v)), simplify = FALSE))
  })
  types <- object_json(sapply(attrs, function(a) str_json(class(vertex_attr(g, a))), simplify = FALSE))
  ends <- ends(g, E(g), names = FALSE)
  edges <- sprintf("[%d, %d, %s]", ends[, 1], ends[, 2], sapply(E(g)$weight, value_json))
  sprintf("{\"directed\": %s, \"vertex_attribute_types\": %s, \"nodes\": [\n    %s\n  ], \"edges\": [%s]}",
    tolower(is_directed(g)), types, paste(nodes, collapse = ",\n    "), paste(edges, collapse = ", "))
}

files <- c()
for (name in sort(list.files(samples, pattern = "\\.(graphml|net)$"))) {
  g <- read_graph(file.path(samples, name), format = if (grepl("graphml$", name)) "graphml" else "pajek")
  files <- c(files, sprintf("%s: %s", str_json(name), graph_json(g)))
}
cat(sprintf("{\"tool\": \"R igraph %s, %s\", \"edges\": \"1-based vertex numbers\", \"files\": {\n%s\n}}\n",
  packageVersion("igraph"), R.version.string, paste(files, collapse = ",\n")))
