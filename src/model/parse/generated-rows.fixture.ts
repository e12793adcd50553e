/** A generated input for the tests of the progressive parse (not part of the widgets). */
const REGIONS = [
  ['84', '42'],
  ['11', '75'],
  ['84', '69'],
  ['93', '13'],
  ['53', '29'],
] as const;
const STATUTS = ['association', 'cooperative', 'entreprise', 'fondation', 'mutuelle', 'autre'];

/** `count` rows, some canonical, some to convert, some invalid (no name, bad values), some copies of earlier rows. */
export function generatedRows(count: number): unknown[] {
  let seed = 42;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const rows: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const [region, departement] = REGIONS[i % REGIONS.length]!;
    const k = random();
    if (k < 0.01)
      rows.push({ nom: '', statut: 'association' }); // ignored: no name
    else if (k < 0.02 && i > 10)
      rows.push(rows[Math.floor(random() * i)]); // a copy: ignored (or an ignored row again)
    else if (k < 0.03)
      rows.push({ Nom: ` Lauréat ${i} `, Statut: 'Coopérative', Montant: '1 200,50 €', emplois: 'beaucoup' }); // converted, a warning
    else if (k < 0.035)
      rows.push(42); // not an object
    else {
      rows.push({
        nom: `Lauréat ${i % 50_000}`,
        statut: STATUTS[i % STATUTS.length],
        region,
        departement,
        commune: i % 3 === 0 ? 'Saint-Étienne' : 'Lyon',
        projet: i % 7 === 0 ? 'menuiserie bois local' : 'atelier de réparation',
        montant: Math.round(random() * 1e6),
        emplois: Math.floor(random() * 20),
      });
    }
  }
  return rows;
}
