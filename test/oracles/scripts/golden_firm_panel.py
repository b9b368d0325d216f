"""Golden for a node panel over applicants (a firm panel) on test/run/fixtures/firms (plain Python, no libraries).

Units: the distinct non-empty applicant ids of applicants.csv (rows whose patent is in patents.csv), × the
years 2018..2020. Per firm and year: TI, the firm's patents counted fractionally (a patent with k applicant rows
gives 1/k to each; rows without an applicant are not holders), Full, its distinct patents, and AI, its rows
on patents with is_ai == 1. A firm's city is its most frequent city in applicants.csv (ties: the first
name in alphabetical order); IP is joined by (city, year) from city_years.csv, GS by (firm, year) from
firm_years.csv (None where there is no row). Per city and year of the same rows: Firms, its distinct applicant
ids. Writes test/oracles/panels/firm_panel.json.
"""
import csv, json, os
from collections import Counter

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', '..')
DATA = os.path.join(ROOT, 'test', 'run', 'fixtures', 'firms')
YEARS = [2018, 2019, 2020]

def rows(name):
    with open(os.path.join(DATA, name), newline='') as f:
        return list(csv.DictReader(f))

patents = {r['patent_id']: r for r in rows('patents.csv')}
holders = [r for r in rows('applicants.csv') if r['patent_id'] in patents and r['applicant'].strip()]
k = Counter(r['patent_id'] for r in holders)
year = lambda r: int(patents[r['patent_id']]['app_year'])
firms = sorted({r['applicant'] for r in holders})

def city_of(firm):
    counts = Counter(r['city'] for r in holders if r['applicant'] == firm)
    top = max(counts.values())
    return min(c for c, n in counts.items() if n == top)

ip = {(r['city'], int(r['year'])): float(r['IP']) for r in rows('city_years.csv')}
gs = {(r['applicant'], int(r['year'])): float(r['GS']) for r in rows('firm_years.csv')}

firm_rows = []
for firm in firms:
    city = city_of(firm)
    for y in YEARS:
        own = [r for r in holders if r['applicant'] == firm and year(r) == y]
        firm_rows.append({
            'i': firm, 't': y, 'city': city,
            'TI': sum(1 / k[r['patent_id']] for r in own),
            'Full': len({r['patent_id'] for r in own}),
            'AI': sum(1 for r in own if patents[r['patent_id']]['is_ai'] == '1'),
            'IP': ip.get((city, y)),
            'GS': gs.get((firm, y)),
        })

# Every city of an applicant row (with or without an applicant id) is a unit of the city panel.
located = [r for r in rows('applicants.csv') if r['patent_id'] in patents and r['city'].strip()]
city_rows = [
    {'i': city, 't': y, 'Firms': len({r['applicant'] for r in located if r['city'] == city and year(r) == y and r['applicant'].strip()})}
    for city in sorted({r['city'] for r in located}) for y in YEARS
]

with open(os.path.join(ROOT, 'test', 'oracles', 'panels', 'firm_panel.json'), 'w') as f:
    json.dump({'firms': firm_rows, 'cities': city_rows}, f, indent=1)
