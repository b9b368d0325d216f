"""Golden for panel side variables on examples/data/regpat (plain Python, no libraries).

Regions of China (CN) × every other region, three-year rolling windows 1998..2017. For each foreign
region j and window: count(inventors, j) (inventor rows, each row 1), the count cumulated by year (rows
with the patent's year from 1998 to the window's last year, each once), and top_share(cumulative, 0.2)
(1 where the value is >= R's type-7 0.8 quantile of that window's values over all foreign regions), and
the same ranked among the Chinese and foreign regions together (`among: both`, a world ranking).
Writes test/oracles/panels/panel_counts.json.
"""
import csv, json, math, os

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', '..')
DATA = os.path.join(ROOT, 'examples', 'data', 'regpat')

def rows(name):
    with open(os.path.join(DATA, name), newline='') as f:
        return list(csv.DictReader(f))

year = {r['appln_id']: int(r['prio_year']) for r in rows('patents.csv')}
inventors = [r for r in rows('inventors.csv') if r['appln_id'] in year]
foreign = sorted({r['reg_code'] for r in inventors if r['ctry_code'] != 'CN'})
china = sorted({r['reg_code'] for r in inventors if r['ctry_code'] == 'CN'})
windows = [(y, y + 2) for y in range(1998, 2016)]
first = windows[0][0]

def count(lo, hi, regions=foreign):
    out = dict.fromkeys(regions, 0)
    for r in inventors:
        if r['reg_code'] in out and lo <= year[r['appln_id']] <= hi:
            out[r['reg_code']] += 1
    return out

def quantile7(xs, p):
    s = sorted(xs)
    h = (len(s) - 1) * p
    lo = math.floor(h)
    return s[lo] + (h - lo) * (s[min(lo + 1, len(s) - 1)] - s[lo])

result = {'regions': foreign, 'windows': [f'{a}–{b}' for a, b in windows], 'count': {}, 'cumulative': {}, 'top_share': {}, 'top_share_both': {}}
for a, b in windows:
    label = f'{a}–{b}'
    c = count(a, b)
    cum = count(first, b)
    cut = quantile7(list(cum.values()), 0.8)
    result['count'][label] = [c[r] for r in foreign]
    result['cumulative'][label] = [cum[r] for r in foreign]
    result['top_share'][label] = [1 if cum[r] >= cut else 0 for r in foreign]
    world = list(cum.values()) + list(count(first, b, china).values())
    world_cut = quantile7(world, 0.8)
    result['top_share_both'][label] = [1 if cum[r] >= world_cut else 0 for r in foreign]

with open(os.path.join(ROOT, 'test', 'oracles', 'panels', 'panel_counts.json'), 'w') as f:
    json.dump(result, f, ensure_ascii=False)
