import { expect } from '@open-wc/testing';
import { normalizeStatut, parseAmount, parseCount, parseSiren, cleanText } from './values.js';
import { normalizeDepartement, normalizeRegion, territoryName, REGIONS, DEPARTEMENTS } from './territory.js';

describe('normalizeStatut', () => {
  const cases: [string, string][] = [
    ['association', 'association'],
    ['Association loi 1901', 'association'],
    ['ASSOCIATION LOI DE 1901', 'association'],
    ['SCOP', 'cooperative'],
    ['Scop SA', 'cooperative'],
    ['SCIC SAS', 'cooperative'],
    ['Coopérative', 'cooperative'],
    ['Société coopérative d’intérêt collectif', 'cooperative'],
    ['Fondation reconnue d’utilité publique', 'fondation'],
    ['fondation', 'fondation'],
    ['Mutuelle', 'mutuelle'],
    ['TPE / PME', 'entreprise'],
    ['GE', 'entreprise'],
    ['ETI', 'entreprise'],
    ['EPIC', 'autre'],
    ['Organisme de recherche', 'autre'],
  ];
  for (const [label, expected] of cases) {
    it(`« ${label} » → ${expected}`, () => {
      expect(normalizeStatut(label)).to.equal(expected);
    });
  }
  it('returns undefined for empty and non-text values', () => {
    expect(normalizeStatut('')).to.equal(undefined);
    expect(normalizeStatut('  ')).to.equal(undefined);
    expect(normalizeStatut(12)).to.equal(undefined);
    expect(normalizeStatut(null)).to.equal(undefined);
  });
});

describe('parseAmount', () => {
  const cases: [unknown, number | undefined][] = [
    [1250000, 1250000],
    ['1250000', 1250000],
    ['1 250 000 €', 1250000],
    ['1\u202f250\u202f000\u00a0€', 1250000],
    ['1 250 000,50 €', 1250000.5],
    ['1,25 M€', 1250000],
    ['1.25 M€', 1250000],
    ['1,25 million d’euros', 1250000],
    ["1,2 millions d'euros", 1200000],
    ['17,2 M€', 17200000],
    ['850 k€', 850000],
    ['1.250.000', 1250000],
    ['1,250,000.00', 1250000],
    ['1.250', 1250],
    ['12,5', 12.5],
    ['€ 600 000', 600000],
    ['600000 EUR', 600000],
    ['0', 0],
    ['-5', undefined],
    [-5, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    ['abc', undefined],
    ['12 abc', undefined],
    ['', undefined],
    ['1e9', undefined],
    [true, undefined],
    [null, undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${expected}`, () => {
      expect(parseAmount(input)).to.equal(expected);
    });
  }
});

describe('parseCount, parseSiren, cleanText', () => {
  it('reads counts written by people and refuses the rest', () => {
    expect(parseCount(12)).to.equal(12);
    expect(parseCount('12')).to.equal(12);
    expect(parseCount('1 200')).to.equal(1200);
    expect(parseCount('12 emplois')).to.equal(12);
    expect(parseCount(1.5)).to.equal(undefined);
    expect(parseCount(-1)).to.equal(undefined);
    expect(parseCount('douze')).to.equal(undefined);
  });
  it('reads SIREN numbers with spaces', () => {
    expect(parseSiren('123 456 789')).to.equal('123456789');
    expect(parseSiren(123456789)).to.equal('123456789');
    expect(parseSiren('12345678')).to.equal(undefined);
    expect(parseSiren('12345678A')).to.equal(undefined);
  });
  it('trims text, drops control characters, keeps line breaks', () => {
    expect(cleanText('  a\u0000b\nc  ')).to.equal('ab\nc');
    expect(cleanText('   ')).to.equal(undefined);
    expect(cleanText({})).to.equal(undefined);
    expect(cleanText(12)).to.equal('12');
  });
});

describe('territories', () => {
  it('has the 18 régions and 101 départements of the COG', () => {
    expect(REGIONS.size).to.equal(18);
    expect(DEPARTEMENTS.size).to.equal(101);
    expect([...REGIONS.values()].filter((r) => r.outreMer).map((r) => r.code)).to.deep.equal([
      '01',
      '02',
      '03',
      '04',
      '06',
    ]);
    for (const d of DEPARTEMENTS.values()) expect(REGIONS.has(d.region), d.code).to.equal(true);
  });
  const regions: [unknown, string | undefined][] = [
    ['84', '84'],
    [84, '84'],
    ['4', '04'],
    ['Auvergne-Rhône-Alpes', '84'],
    ['AUVERGNE-RHÔNE-ALPES', '84'],
    ['auvergne rhone alpes', '84'],
    ['LA RÉUNION', '04'],
    ['Réunion', '04'],
    ['Île-de-France', '11'],
    ['ILE DE FRANCE', '11'],
    ["Provence-Alpes-Côte d'Azur", '93'],
    ['PACA', '93'],
    ['Région Bretagne', '53'],
    ['FR-ARA', '84'],
    ['Corse', '94'],
    ['NOUVELLE-CALÉDONIE', undefined],
    ['99', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of regions) {
    it(`région ${JSON.stringify(input)} → ${expected}`, () => {
      expect(normalizeRegion(input)).to.equal(expected);
    });
  }
  const deps: [unknown, string | undefined][] = [
    ['69', '69'],
    ['1', '01'],
    [1, '01'],
    ['2a', '2A'],
    ['2B', '2B'],
    ['974', '974'],
    ['Rhône', '69'],
    ["Côtes-d'Armor", '22'],
    ['cotes d armor', '22'],
    ['La Réunion', '974'],
    ['988', undefined],
    ['20', undefined],
  ];
  for (const [input, expected] of deps) {
    it(`département ${JSON.stringify(input)} → ${expected}`, () => {
      expect(normalizeDepartement(input)).to.equal(expected);
    });
  }
  it('names territories by level and code ("01" is Ain and Guadeloupe)', () => {
    expect(territoryName('departement', '01')).to.equal('Ain');
    expect(territoryName('region', '01')).to.equal('Guadeloupe');
    expect(territoryName('region', 'zz')).to.equal('zz');
  });
});
