# The two count models of examples/uspto.study in their reference tools, on the node panel that
# uspto_networkx.py derived from the raw USPTO sample (regions_panel.csv: 59 regions x 2 windows):
#   model nb   = negbin(Patents ~ Degree | t, data: regions)            -> MASS::glm.nb, t as dummies
#   model ppml = poisson(Patents ~ Degree | t, data: regions, vcov: hc1) -> glm(poisson) + sandwich HC1
# (fixest's hetero SEs for one fixed effect equal vcovHC(type = "HC1") on the dummy model; docs/models/hdfe.md.)
# Run from the repository root after the Python script: Rscript test/oracles/uspto/uspto_models.R
suppressPackageStartupMessages({library(MASS); library(sandwich); library(jsonlite)})
here <- "test/oracles/uspto"
panel <- read.csv(file.path(here, "regions_panel.csv"), encoding = "UTF-8", stringsAsFactors = FALSE)
num <- function(x) unname(as.numeric(x))

nb <- glm.nb(Patents ~ Degree + factor(t), data = panel)
pois <- glm(Patents ~ Degree + factor(t), family = poisson, data = panel)

res <- list(
  input = "regions_panel.csv (written by uspto_networkx.py)",
  tool = sprintf("MASS %s, sandwich %s, R %s", packageVersion("MASS"), packageVersion("sandwich"), getRversion()),
  n = nrow(panel),
  nb = list(model = "glm.nb(Patents ~ Degree + factor(t))",
            degree = num(coef(nb)["Degree"]), se = num(sqrt(diag(vcov(nb)))["Degree"]),
            theta = num(nb$theta), se_theta = num(nb$SE.theta), loglik = num(logLik(nb))),
  ppml = list(model = "glm(Patents ~ Degree + factor(t), family = poisson); sandwich::vcovHC(type = 'HC1')",
              degree = num(coef(pois)["Degree"]), se_hc1 = num(sqrt(diag(vcovHC(pois, type = "HC1")))["Degree"]),
              se_iid = num(sqrt(diag(vcov(pois)))["Degree"]))
)
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "uspto_models_R.json"))
