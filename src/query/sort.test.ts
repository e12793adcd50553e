import { expect } from '@open-wc/testing';
import { frenchCollator, sortByName } from './sort.js';
import { DEPARTEMENT_LIST, REGION_LIST } from '../model/territories.data.js';

describe('sortByName', () => {
  it('puts the names of every région and département in French order, as the collator does', () => {
    for (const list of [REGION_LIST, DEPARTEMENT_LIST]) {
      const items = list.map(([code, name]) => ({ code, name: name }));
      const expected = [...items].sort((a, b) => frenchCollator().compare(a.name, b.name)).map((i) => i.name);
      // From the INSEE order and from the reverse order.
      expect(sortByName([...items]).map((i) => i.name)).to.deep.equal(expected);
      expect(sortByName([...items].reverse()).map((i) => i.name)).to.deep.equal(expected);
    }
    expect(
      sortByName([{ name: 'Île-de-France' }, { name: 'Hauts-de-France' }, { name: 'Guyane' }]).map((i) => i.name),
    ).to.deep.equal(['Guyane', 'Hauts-de-France', 'Île-de-France']);
  });

  it('is one collator, created on first use', () => {
    expect(frenchCollator()).to.equal(frenchCollator());
  });
});
