// A small spec over the rare-earth example data, shared by the LSP feature tests.
export const SPEC = `study "Fixture"

dataset patents from "data/rare_earth/patents.csv" { id: patent_id, year: app_year }

dataset applicants from "data/rare_earth/applicants.csv" {
  patent: patent_id
  order:  seq
  region: province, city
}

dataset provinces from "data/rare_earth/provinces_2020.csv" { key: province }

windows periods = 2001..2020 by 5

network rein = coapplication(applicants) {
  ties:    first_led
  level:   province
  windows: periods
}

measures rein_nodes = nodes(rein, window: 2016..2020) {
  degree, closeness
  tiers: jenks(4) of degree
}

panel prov = node_panel(rein, years: 2001..2020) {
  attributes: provinces
  Deg = degree(rein)
  LogDeg = log1p(Deg)
}

model m1 = ols(LogDeg ~ l(Deg, 1) + gdp_pc | i + t, data: prov, cluster: i)
table t1 = m1 { paren: t }
`;
