/** Texts of `<relance-key-figures>`, French and English (plural forms through `plural`). */
import type { Lang } from '../../i18n/format.js';
import { formatCount, plural } from '../../i18n/format.js';
import type { KeyFigure } from './key-figures.model.js';

export type KeyFiguresMessages = Record<KeyFigure, (n: number) => string> & {
  /** A figure the data does not give. */
  unknown: string;
  /** Under the number of régions: how many are overseas. */
  overseas: (n: number) => string;
};

const fr: KeyFiguresMessages = {
  laureats: (n) => plural(n, 'fr', { one: 'lauréat', other: 'lauréats' }),
  montant: () => 'de soutien de l’État',
  emplois: (n) => plural(n, 'fr', { one: 'emploi créé', other: 'emplois créés' }),
  regions: (n) => plural(n, 'fr', { one: 'région', other: 'régions' }),
  moyenne: () => 'de soutien moyen par lauréat',
  unknown: 'non renseigné',
  overseas: (n) => `dont ${formatCount(n, 'fr')} en outre-mer`,
};

const en: KeyFiguresMessages = {
  laureats: (n) => plural(n, 'en', { one: 'laureate', other: 'laureates' }),
  montant: () => 'of state support',
  emplois: (n) => plural(n, 'en', { one: 'job created', other: 'jobs created' }),
  regions: (n) => plural(n, 'en', { one: 'region', other: 'regions' }),
  moyenne: () => 'average support per laureate',
  unknown: 'not given',
  overseas: (n) => `${formatCount(n, 'en')} overseas`,
};

export function keyFiguresMessages(lang: Lang): KeyFiguresMessages {
  return lang === 'en' ? en : fr;
}
