import { expect } from '@open-wc/testing';
import { parseInput } from './parse/index.js';
import { DEPARTEMENTS, REGIONS } from './territory.js';
import { STATUTS } from './types.js';

/** The JSON Schema shipped in the package must describe what the parser produces. */
describe('schema/laureat.schema.json', () => {
  let schema: any;
  before(async () => {
    schema = await (await fetch('/schema/laureat.schema.json')).json();
  });

  it('lists the canonical statuses and région codes', () => {
    expect(schema.$defs.statut.enum).to.deep.equal([...STATUTS]);
    expect(schema.$defs.codeRegion.enum).to.deep.equal([...REGIONS.keys()]);
  });

  it('accepts every département code and nothing else', () => {
    const pattern = new RegExp(schema.$defs.codeDepartement.pattern);
    for (const code of DEPARTEMENTS.keys()) expect(pattern.test(code), code).to.equal(true);
    for (const code of ['20', '00', '96', '975', '977', '2C', '1']) expect(pattern.test(code), code).to.equal(false);
  });

  it('documents every field the parser writes, and the demo data only uses them', async () => {
    const props = Object.keys(schema.$defs.laureat.properties).sort();
    const demo = parseInput(await (await fetch('/data/demo/laureats-fictifs.csv')).text());
    expect(demo.ok).to.equal(true);
    if (!demo.ok) return;
    const written = new Set<string>();
    for (const l of demo.dataset.laureates) for (const k of Object.keys(l)) written.add(k);
    expect([...written].sort()).to.deep.equal(props);
    const required: string[] = schema.$defs.laureat.required;
    for (const l of demo.dataset.laureates) for (const k of required) expect(l).to.have.property(k);
  });
});
