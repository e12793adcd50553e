// The demo data's vocabulary (scripts/generate-demo-data.mjs): the fictitious laureates' name prefixes, their
// territoires d'industrie and the sentences of their projects, built around real communes.

/** « de » with elision / contraction before a place or noun: de Lyon, d'Angers, du Mans, de La Rochelle. */
function de(word) {
  if (word.startsWith('Le ')) return `du ${word.slice(3)}`;
  if (word.startsWith('Les ')) return `des ${word.slice(4)}`;
  if (/^[aeiouyhàâäéèêëîïôöûüAEIOUYHÀÂÉÈÊÎÔÛ]/.test(word)) return `d'${word}`;
  return `de ${word}`;
}

export const PREFIXES = {
  association: [
    'Atelier fictif',
    'Association fictive',
    'Recyclerie fictive',
    "Chantier d'insertion fictif",
    'Ressourcerie fictive',
  ],
  cooperative: ['Coopérative fictive'],
  fondation: ['Fondation fictive'],
};
export const TERRITOIRES = [
  (c) => `du bassin ${de(c)}`,
  (c) => `de la vallée ${de(c)}`,
  (c) => `du pays ${de(c)}`,
  (c) => `des portes ${de(c)}`,
  (c) => `des plateaux ${de(c)}`,
  (c) => `des rives ${de(c)}`,
];
const ACTIONS = [
  "Création d'un atelier",
  "Extension de l'atelier",
  'Modernisation de la ligne',
  'Acquisition de machines pour une activité',
  "Relocalisation en France d'une activité",
  "Lancement d'une unité",
  "Montée en capacité de l'activité",
];
const ACTIVITES = [
  'recyclage de plastiques agricoles',
  'réemploi de matériaux du bâtiment',
  'menuiserie à partir de bois local',
  'confection textile à partir de tissus de récupération',
  'impression 3D de pièces détachées',
  'reconditionnement de matériel informatique',
  "réparation d'appareils électroménagers",
  'tri et valorisation de textiles usagés',
  'démantèlement de déchets électriques et électroniques',
  'fabrication de vélos cargos',
  'transformation de fruits et légumes invendus',
  'blanchisserie industrielle',
  'fabrication de mobilier en matériaux recyclés',
  'usinage et chaudronnerie',
  'recyclage de matelas',
  'sérigraphie et marquage textile',
  'valorisation de palettes en bois',
  'conditionnement et logistique pour les industriels locaux',
];
const BUTS = [
  "avec un parcours d'insertion pour des personnes éloignées de l'emploi",
  "et formation aux métiers de l'industrie",
  'pour réduire les déchets enfouis sur le territoire',
  'en partenariat avec les industriels du territoire',
  "et ouverture d'un centre de formation aux métiers de la maintenance",
  'pour approvisionner les entreprises de la région',
  'en lien avec les entreprises adaptées du bassin',
  'pour former des jeunes sans qualification aux métiers de la production',
];
const SUITES = [
  "Les équipements seront mutualisés avec d'autres structures de l'économie sociale et solidaire.",
  "Le projet prévoit l'accueil de salariés en situation de handicap.",
  'La production sera vendue en priorité aux entreprises et collectivités voisines.',
  "Un tiers des postes créés seront des postes d'encadrement technique.",
  'Les locaux, une friche industrielle, seront réhabilités.',
];
const ETAPES = [
  "formation de salariés en insertion aux métiers de l'industrie",
  'achat de deux machines à commande numérique',
  'partenariat avec un lycée professionnel voisin',
  "aménagement d'un atelier de 800 m²",
];
const SURNOMS = ['Seconde vie', 'Boucle locale', 'Fil rouge', 'Atelier ouvert', 'Main verte'];

export function projet(i, rnd) {
  const activite = rnd.pick(ACTIVITES);
  const action = rnd.pick(ACTIONS);
  const but = rnd.pick(BUTS);
  if (i % 15 === 4) {
    // exercises CSV export: « ; », « " » and a line break in one value
    const suite = rnd.pick(SUITES);
    const lower = (t) => t.charAt(0).toLowerCase() + t.slice(1);
    return `Projet "${rnd.pick(SURNOMS)}" : ${lower(action)} ${de(activite)} ; ${rnd.pick(ETAPES)}.\nDeuxième phase : ${lower(suite)}`;
  }
  if (i % 44 === 11) {
    // typographic apostrophe
    return `Mise en place d’une filière ${de(activite)} à l’échelle du territoire ${but}.`.replace(/'/g, '’');
  }
  const text = `${action} ${de(activite)} ${but}.`;
  return rnd.next() < 0.4 ? `${text} ${rnd.pick(SUITES)}` : text;
}
