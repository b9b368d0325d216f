// Chinese provinces and a set of prefecture-level cities, nested: every city
// belongs to exactly one province. Names are English (pinyin, no apostrophes
// so they never need quoting in SQL or CSV).

export interface Province {
  /** English name, e.g. "Inner Mongolia". */
  name: string;
  /** GB/T 2260 two-digit code, also REGPAT's Chinese TL2 code (CN + code). */
  code: string;
}

export interface City {
  name: string;
  province: string;
}

/** The 31 mainland provincial-level divisions, in code order. */
export const PROVINCES: readonly Province[] = [
  { name: 'Beijing', code: '11' },
  { name: 'Tianjin', code: '12' },
  { name: 'Hebei', code: '13' },
  { name: 'Shanxi', code: '14' },
  { name: 'Inner Mongolia', code: '15' },
  { name: 'Liaoning', code: '21' },
  { name: 'Jilin', code: '22' },
  { name: 'Heilongjiang', code: '23' },
  { name: 'Shanghai', code: '31' },
  { name: 'Jiangsu', code: '32' },
  { name: 'Zhejiang', code: '33' },
  { name: 'Anhui', code: '34' },
  { name: 'Fujian', code: '35' },
  { name: 'Jiangxi', code: '36' },
  { name: 'Shandong', code: '37' },
  { name: 'Henan', code: '41' },
  { name: 'Hubei', code: '42' },
  { name: 'Hunan', code: '43' },
  { name: 'Guangdong', code: '44' },
  { name: 'Guangxi', code: '45' },
  { name: 'Hainan', code: '46' },
  { name: 'Chongqing', code: '50' },
  { name: 'Sichuan', code: '51' },
  { name: 'Guizhou', code: '52' },
  { name: 'Yunnan', code: '53' },
  { name: 'Tibet', code: '54' },
  { name: 'Shaanxi', code: '61' },
  { name: 'Gansu', code: '62' },
  { name: 'Qinghai', code: '63' },
  { name: 'Ningxia', code: '64' },
  { name: 'Xinjiang', code: '65' },
];

/**
 * Provinces roughly in order of overall patenting (largest first). The
 * generators feed this order to a Zipf law, so it decides who is big.
 */
export const PROVINCES_BY_PATENTING: readonly string[] = [
  'Guangdong', 'Jiangsu', 'Zhejiang', 'Beijing', 'Shandong', 'Shanghai', 'Anhui', 'Hubei',
  'Sichuan', 'Fujian', 'Henan', 'Hunan', 'Shaanxi', 'Tianjin', 'Liaoning', 'Chongqing',
  'Hebei', 'Jiangxi', 'Heilongjiang', 'Jilin', 'Guangxi', 'Yunnan', 'Shanxi', 'Guizhou',
  'Gansu', 'Inner Mongolia', 'Xinjiang', 'Hainan', 'Ningxia', 'Qinghai', 'Tibet',
];

/**
 * Cities roughly in order of overall patenting (largest first). The four
 * municipalities (Beijing, Tianjin, Shanghai, Chongqing) are both a province
 * and a city of the same name.
 */
export const CITIES_BY_PATENTING: readonly City[] = [
  ['Beijing', 'Beijing'], ['Shenzhen', 'Guangdong'], ['Shanghai', 'Shanghai'], ['Suzhou', 'Jiangsu'],
  ['Hangzhou', 'Zhejiang'], ['Guangzhou', 'Guangdong'], ['Nanjing', 'Jiangsu'], ['Chengdu', 'Sichuan'],
  ['Wuhan', 'Hubei'], ['Dongguan', 'Guangdong'], ['Xian', 'Shaanxi'], ['Tianjin', 'Tianjin'],
  ['Foshan', 'Guangdong'], ['Ningbo', 'Zhejiang'], ['Hefei', 'Anhui'], ['Qingdao', 'Shandong'],
  ['Changsha', 'Hunan'], ['Chongqing', 'Chongqing'], ['Wuxi', 'Jiangsu'], ['Jinan', 'Shandong'],
  ['Zhengzhou', 'Henan'], ['Xiamen', 'Fujian'], ['Changzhou', 'Jiangsu'], ['Fuzhou', 'Fujian'],
  ['Shenyang', 'Liaoning'], ['Dalian', 'Liaoning'], ['Jiaxing', 'Zhejiang'], ['Nantong', 'Jiangsu'],
  ['Wenzhou', 'Zhejiang'], ['Shaoxing', 'Zhejiang'], ['Zhuhai', 'Guangdong'], ['Kunming', 'Yunnan'],
  ['Nanchang', 'Jiangxi'], ['Harbin', 'Heilongjiang'], ['Changchun', 'Jilin'], ['Taiyuan', 'Shanxi'],
  ['Shijiazhuang', 'Hebei'], ['Nanning', 'Guangxi'], ['Guiyang', 'Guizhou'], ['Lanzhou', 'Gansu'],
  ['Urumqi', 'Xinjiang'], ['Hohhot', 'Inner Mongolia'], ['Baotou', 'Inner Mongolia'], ['Yantai', 'Shandong'],
  ['Weifang', 'Shandong'], ['Zibo', 'Shandong'], ['Xuzhou', 'Jiangsu'], ['Luoyang', 'Henan'],
  ['Wuhu', 'Anhui'], ['Zhuzhou', 'Hunan'], ['Xiangtan', 'Hunan'], ['Mianyang', 'Sichuan'],
  ['Tangshan', 'Hebei'], ['Baoding', 'Hebei'], ['Quanzhou', 'Fujian'], ['Xiangyang', 'Hubei'],
  ['Yichang', 'Hubei'], ['Liuzhou', 'Guangxi'], ['Guilin', 'Guangxi'], ['Ganzhou', 'Jiangxi'],
  ['Jiujiang', 'Jiangxi'], ['Maanshan', 'Anhui'], ['Anshan', 'Liaoning'], ['Daqing', 'Heilongjiang'],
  ['Xinxiang', 'Henan'], ['Zunyi', 'Guizhou'], ['Baoji', 'Shaanxi'], ['Haikou', 'Hainan'],
  ['Yinchuan', 'Ningxia'], ['Xining', 'Qinghai'], ['Datong', 'Shanxi'], ['Chifeng', 'Inner Mongolia'],
  ['Siping', 'Jilin'], ['Longyan', 'Fujian'], ['Meizhou', 'Guangdong'], ['Leshan', 'Sichuan'],
  ['Panzhihua', 'Sichuan'], ['Qujing', 'Yunnan'], ['Baiyin', 'Gansu'], ['Jinchang', 'Gansu'],
  ['Shizuishan', 'Ningxia'], ['Karamay', 'Xinjiang'], ['Lhasa', 'Tibet'],
].map(([name, province]) => ({ name: name!, province: province! }));

/**
 * Smaller prefecture-level cities, after CITIES_BY_PATENTING in rank: only the AI preset places applicants
 * there (enough cities for seed 001's percentile thresholds to pick a few dozen clusters); the other presets'
 * geography, and so their data, are unchanged.
 */
export const MORE_CITIES: readonly City[] = [
  ['Handan', 'Hebei'], ['Xingtai', 'Hebei'], ['Zhangjiakou', 'Hebei'], ['Chengde', 'Hebei'],
  ['Cangzhou', 'Hebei'], ['Langfang', 'Hebei'], ['Hengshui', 'Hebei'], ['Qinhuangdao', 'Hebei'],
  ['Changzhi', 'Shanxi'], ['Jincheng', 'Shanxi'], ['Yuncheng', 'Shanxi'], ['Linfen', 'Shanxi'],
  ['Ordos', 'Inner Mongolia'], ['Fushun', 'Liaoning'], ['Benxi', 'Liaoning'], ['Dandong', 'Liaoning'],
  ['Jinzhou', 'Liaoning'], ['Yingkou', 'Liaoning'], ['Fuxin', 'Liaoning'], ['Tonghua', 'Jilin'],
  ['Qiqihar', 'Heilongjiang'], ['Mudanjiang', 'Heilongjiang'], ['Jiamusi', 'Heilongjiang'], ['Yangzhou', 'Jiangsu'],
  ['Zhenjiang', 'Jiangsu'], ['Yancheng', 'Jiangsu'], ['Huaian', 'Jiangsu'], ['Lianyungang', 'Jiangsu'],
  ['Suqian', 'Jiangsu'], ['Jinhua', 'Zhejiang'], ['Huzhou', 'Zhejiang'], ['Taizhou', 'Zhejiang'],
  ['Quzhou', 'Zhejiang'], ['Lishui', 'Zhejiang'], ['Zhoushan', 'Zhejiang'], ['Bengbu', 'Anhui'],
  ['Anqing', 'Anhui'], ['Fuyang', 'Anhui'], ['Chuzhou', 'Anhui'], ['Putian', 'Fujian'],
  ['Zhangzhou', 'Fujian'], ['Sanming', 'Fujian'], ['Nanping', 'Fujian'], ['Ningde', 'Fujian'],
  ['Pingxiang', 'Jiangxi'], ['Shangrao', 'Jiangxi'], ['Jingdezhen', 'Jiangxi'], ['Linyi', 'Shandong'],
  ['Jining', 'Shandong'], ['Taian', 'Shandong'], ['Weihai', 'Shandong'], ['Rizhao', 'Shandong'],
  ['Dezhou', 'Shandong'], ['Liaocheng', 'Shandong'], ['Kaifeng', 'Henan'], ['Anyang', 'Henan'],
  ['Nanyang', 'Henan'], ['Xuchang', 'Henan'], ['Pingdingshan', 'Henan'], ['Zhoukou', 'Henan'],
  ['Jingzhou', 'Hubei'], ['Shiyan', 'Hubei'], ['Huangshi', 'Hubei'], ['Xiaogan', 'Hubei'],
  ['Hengyang', 'Hunan'], ['Yueyang', 'Hunan'], ['Changde', 'Hunan'], ['Chenzhou', 'Hunan'],
  ['Huizhou', 'Guangdong'], ['Zhongshan', 'Guangdong'], ['Jiangmen', 'Guangdong'], ['Shantou', 'Guangdong'],
  ['Zhanjiang', 'Guangdong'], ['Zhaoqing', 'Guangdong'], ['Shanwei', 'Guangdong'], ['Beihai', 'Guangxi'],
  ['Wuzhou', 'Guangxi'], ['Sanya', 'Hainan'], ['Deyang', 'Sichuan'], ['Yibin', 'Sichuan'],
  ['Nanchong', 'Sichuan'], ['Luzhou', 'Sichuan'], ['Anshun', 'Guizhou'], ['Yuxi', 'Yunnan'],
  ['Dali', 'Yunnan'], ['Xianyang', 'Shaanxi'], ['Weinan', 'Shaanxi'], ['Yulin', 'Shaanxi'],
  ['Tianshui', 'Gansu'], ['Haidong', 'Qinghai'], ['Wuzhong', 'Ningxia'], ['Kashgar', 'Xinjiang'],
].map(([name, province]) => ({ name: name!, province: province! }));

const provinceByName = new Map(PROVINCES.map((p) => [p.name, p] as const));

export function provinceNamed(name: string): Province {
  const p = provinceByName.get(name);
  if (!p) throw new Error(`unknown province ${name}`);
  return p;
}

/** Canonical output order for city tables: by province code, then by the lists above. */
export function citiesInTableOrder(cities: readonly City[] = CITIES_BY_PATENTING): City[] {
  const rank = new Map([...CITIES_BY_PATENTING, ...MORE_CITIES].map((c, i) => [c.name, i] as const));
  return [...cities].sort(
    (a, b) =>
      provinceNamed(a.province).code.localeCompare(provinceNamed(b.province).code) ||
      rank.get(a.name)! - rank.get(b.name)!,
  );
}

// Guard the tables at load time: a city in an unknown province or a province
// without any city would silently skew every dataset built on them.
for (const c of [...CITIES_BY_PATENTING, ...MORE_CITIES]) provinceNamed(c.province);
for (const p of PROVINCES) {
  if (!CITIES_BY_PATENTING.some((c) => c.province === p.name)) throw new Error(`province ${p.name} has no city`);
}
if (new Set([...CITIES_BY_PATENTING, ...MORE_CITIES].map((c) => c.name)).size !== CITIES_BY_PATENTING.length + MORE_CITIES.length) {
  throw new Error('duplicate city name');
}
if ([...PROVINCES_BY_PATENTING].sort().join() !== PROVINCES.map((p) => p.name).sort().join()) {
  throw new Error('PROVINCES_BY_PATENTING must list every province once');
}
