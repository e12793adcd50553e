// The demo data as CSV (scripts/generate-demo-data.mjs): French headers, `;` separators, quoted fields, amounts
// written as people type them, a BOM and CRLF line ends.

const CSV_HEADERS = [
  'Nom',
  'Statut',
  'Région',
  'Département',
  'Commune',
  "Territoire d'industrie",
  'Projet',
  'Montant (€)',
  'Emplois',
  'SIREN',
];

function csvField(value) {
  const s = String(value);
  return /[;"\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** « 1 250 000 € », with the spaces people actually type or paste (narrow no-break, no-break, plain). */
function euros(n, i) {
  const [group, before] = [
    ['\u202f', '\u00a0'], // what Intl.NumberFormat('fr-FR') produces
    [' ', ' '],
    ['\u202f', '\u202f'],
  ][i % 3];
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group)}${before}€`;
}

export function toCsv({ laureats, libelles, regionName }) {
  const lines = [CSV_HEADERS.map(csvField).join(';')];
  laureats.forEach((l, i) => {
    lines.push(
      [
        l.nom,
        libelles[i],
        regionName.get(l.region),
        l.departement,
        l.commune,
        l.territoire,
        l.projet,
        euros(l.montant, i),
        l.emplois,
        l.siren,
      ]
        .map(csvField)
        .join(';'),
    );
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
