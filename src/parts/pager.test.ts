import { expect } from '@open-wc/testing';
import { pageItems } from './pager.js';

describe('pager', () => {
  it('computes the page buttons', () => {
    expect(pageItems(1, 1)).to.deep.equal([1]);
    expect(pageItems(1, 3)).to.deep.equal([1, 2, 3]);
    expect(pageItems(5, 10)).to.deep.equal([1, '…', 4, 5, 6, '…', 10]);
    expect(pageItems(3, 10)).to.deep.equal([1, 2, 3, 4, '…', 10]);
    expect(pageItems(10, 10, 0)).to.deep.equal([1, '…', 10]);
    expect(pageItems(1, 0)).to.deep.equal([]);
  });
});
