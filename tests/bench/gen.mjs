// Deterministic benchmark datasets in Heluo's dataset format v1 (README.md).
// Seeded (mulberry32), so every run and every machine gets the same bytes.
// Written to target/bench-data/ (ignored by git: the large ones are 10–50 MB).
//
//   node tests/bench/gen.mjs            writes every dataset that is missing
//   import { ensureDatasets } from './gen.mjs'
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Bump when the generator changes, so stale files are regenerated.
export const GENERATOR_VERSION = 2;

export const TREND_SIZES = [1, 100, 3000];
export const RANKING_SIZES = [85, 10000, 100000, 500000];
export const YEARS = [2000, 2019];
export const MAX_GROUPS = 40;
export const TOWNS_SIZE = 100000;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const PLACES = '屯庄寨营堡店铺桥河沟湾坡岭坪园口集楼岗窑滩洼台头村园塘';
const TOWN_WORDS = '龙门洛阳白马关林伊川偃师孟津新安宜阳嵩县汝阳栾川李楼安乐辛店古城白马寺诸葛佃庄太康科技园开元关林寇店';

function pick(rand, chars) {
  return chars[Math.floor(rand() * chars.length)];
}

/** A trend: `series` series × 20 years (2000–2019) of a poverty rate in %. */
export function trendDataset(series) {
  const rand = mulberry32(0x7e11d + series);
  const seen = new Set();
  const out = [];
  for (let s = 0; s < series; s++) {
    let name = `${pick(rand, TOWN_WORDS)}${pick(rand, TOWN_WORDS)}县`;
    if (seen.has(name)) name = `${name.slice(0, -1)}${s}县`;
    seen.add(name);
    let rate = 5 + rand() * 25; // starts between 5% and 30%
    const points = [];
    for (let year = YEARS[0]; year <= YEARS[1]; year++) {
      points.push({ year, value: Math.round(rate * 100) / 100 });
      rate = Math.max(0, rate * (0.78 + rand() * 0.2) - rand() * 0.2);
    }
    out.push({ name, points });
  }
  return {
    title: `基准：${series} 个县的贫困发生率`,
    source: 'Heluo benchmark (generated, seeded)',
    trend: {
      title: '贫困发生率', unit: '%', series: out,
      annotations: [{ year: 2015, label: '精准扶贫' }],
    },
  };
}

/**
 * A ranking: `villages` villages in `towns` groups, 3 metrics; about 3% of the
 * villages have no dividend (left out of that metric's ranking).
 */
export function rankingDataset(villages, towns) {
  const rand = mulberry32(0x4a11 + villages + 7 * towns);
  const townNames = [];
  const seenTowns = new Set();
  for (let t = 0; t < towns; t++) {
    let name = `${pick(rand, TOWN_WORDS)}${pick(rand, TOWN_WORDS)}镇`;
    if (seenTowns.has(name)) name = `${name.slice(0, -1)}${t}镇`;
    seenTowns.add(name);
    townNames.push(name);
  }
  const namesInTown = townNames.map(() => new Set());
  const out = [];
  for (let i = 0; i < villages; i++) {
    const t = Math.floor(rand() * towns);
    let name = `${pick(rand, SURNAMES)}${pick(rand, PLACES)}村`;
    if (namesInTown[t].has(name)) name = `${name.slice(0, -1)}${i}村`;
    namesInTown[t].add(name);
    // Collective income: heavy-tailed, 5,000 元 to a few million 元.
    const income = Math.round(5000 * Math.exp(rand() * rand() * 7));
    const households = 40 + Math.floor(rand() * 900);
    const values = { income, households };
    if (rand() > 0.03) values.dividend = Math.round((income / households) * (0.2 + rand()) * 100) / 100;
    out.push({ name, group: townNames[t], values });
  }
  return {
    title: `基准：${villages} 个村`,
    source: 'Heluo benchmark (generated, seeded)',
    ranking: {
      title: '村集体经济收入',
      default_metric: 'income',
      metrics: [
        { key: 'income', label: '村集体经济收入', unit: '元' },
        { key: 'dividend', label: '户均分红', unit: '元' },
        { key: 'households', label: '户数', unit: '户' },
      ],
      villages: out,
    },
  };
}

/** Every benchmark dataset: `{ id, kind, n, label, file }`. */
export function datasetList(dir, { maxVillages = Infinity } = {}) {
  const list = [];
  for (const n of TREND_SIZES) {
    list.push({ id: `trend-${n}`, kind: 'trend', n, label: `trend, ${n.toLocaleString('en')} series × 20 years` });
  }
  // Groups: towns of about 13 villages (China has about 500,000 villages in
  // about 38,000 towns), at most 40 groups, as a county or a province-level
  // grouping would give; and once with every town its own group.
  const groups = (n) => Math.min(MAX_GROUPS, Math.ceil(n / 13));
  for (const n of RANKING_SIZES.filter((n) => n <= maxVillages)) {
    list.push({ id: `ranking-${n}`, kind: 'ranking', n, groups: groups(n), label: `ranking, ${n.toLocaleString('en')} villages × 3 metrics` });
    if (n === TOWNS_SIZE) {
      const towns = Math.ceil(n / 13);
      list.push({ id: `ranking-${n}-towns`, kind: 'ranking', n, groups: towns, label: `ranking, ${n.toLocaleString('en')} villages in ${towns.toLocaleString('en')} towns` });
    }
  }
  for (const d of list) d.file = path.join(dir, `${d.id}.v${GENERATOR_VERSION}.json`);
  return list;
}

/** Writes the datasets that are missing; returns the list with byte sizes. */
export function ensureDatasets(dir, options) {
  fs.mkdirSync(dir, { recursive: true });
  const list = datasetList(dir, options);
  for (const d of list) {
    if (!fs.existsSync(d.file)) {
      const data = d.kind === 'trend' ? trendDataset(d.n) : rankingDataset(d.n, d.groups);
      const tmp = `${d.file}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, d.file);
    }
    d.bytes = fs.statSync(d.file).size;
  }
  return list;
}

export const DEFAULT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../target/bench-data');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const d of ensureDatasets(process.argv[2] || DEFAULT_DIR)) {
    console.log(`${d.file}  ${(d.bytes / 1048576).toFixed(1)} MB`);
  }
}
