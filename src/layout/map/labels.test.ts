import { expect } from '@open-wc/testing';
import { CHAR_EM, estimateTextWidth, INSET_FONT_SIZE, wrap } from './labels.js';

describe('map labels', () => {
  it('estimates a width at the inset font size, per character', () => {
    expect(estimateTextWidth('Guyane')).to.be.closeTo(6 * INSET_FONT_SIZE * CHAR_EM, 1e-9);
    expect(estimateTextWidth('')).to.equal(0);
  });

  it('wraps words to a width, a word longer than the width alone on its line', () => {
    const width = (t: string) => t.length * 10;
    expect(wrap('Paris et petite couronne', 120, width)).to.deep.equal(['Paris et', 'petite', 'couronne']);
    expect(wrap('La Réunion', 200, width)).to.deep.equal(['La Réunion']);
    expect(wrap('Saint-Barthélemy', 50, width)).to.deep.equal(['Saint-Barthélemy']);
    expect(wrap('  ', 50, width)).to.deep.equal(['']);
  });
});
