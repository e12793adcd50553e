import { expect } from '@open-wc/testing';
import { contrast, deltaE, fromOklab, luminance, oklab, oklchRamp, over, parseColour, toHex } from './colour.js';

const c = (s: string) => parseColour(s)!;

describe('colour', () => {
  it('parses the colours getComputedStyle writes', () => {
    expect(c('#fff')).to.deep.equal([1, 1, 1, 1]);
    expect(c('#000091')).to.deep.equal([0, 0, 145 / 255, 1]);
    expect(c('rgb(0, 0, 145)')).to.deep.equal([0, 0, 145 / 255, 1]);
    expect(c('rgba(255, 0, 0, 0.5)')).to.deep.equal([1, 0, 0, 0.5]);
    expect(c('rgb(255 0 0 / 50%)')).to.deep.equal([1, 0, 0, 0.5]);
    expect(c('transparent')[3]).to.equal(0);
    expect(parseColour('url("#relance-1-hatch")')).to.equal(undefined);
    expect(toHex(c('rgb(122, 121, 233)'))).to.equal('#7a79e9');
  });

  it('computes WCAG 2 luminance and contrast ratios', () => {
    expect(luminance(c('#ffffff'))).to.be.closeTo(1, 1e-9);
    expect(contrast(c('#000000'), c('#ffffff'))).to.be.closeTo(21, 1e-9);
    // Reference values (WebAIM contrast checker): #767676 on white 4.54:1, DSFR blue-france sun 113 on white 14.91:1.
    expect(contrast(c('#767676'), c('#ffffff'))).to.be.closeTo(4.54, 0.005);
    expect(contrast(c('#ffffff'), c('#000091'))).to.be.closeTo(14.91, 0.005);
    // Half-transparent black over white is mid grey.
    expect(toHex(over([0, 0, 0, 0.5], [1, 1, 1, 1]))).to.equal('#808080');
  });

  it('converts to and from OKLab (reference values of Ottosson’s article)', () => {
    const white = oklab(c('#ffffff'));
    expect(white[0]).to.be.closeTo(1, 1e-4);
    expect(Math.hypot(white[1], white[2])).to.be.below(1e-4);
    const blue = oklab(c('#0000ff'));
    expect(blue.map((v) => Math.round(v * 1000) / 1000)).to.deep.equal([0.452, -0.032, -0.312]);
    expect(toHex(fromOklab(oklab(c('#6a6af4'))))).to.equal('#6a6af4');
    expect(deltaE(c('#6a6af4'), c('#6a6af4'))).to.equal(0);
  });

  it('makes ramps evenly spaced in OKLab lightness, ending on the given colour', () => {
    const ramp = oklchRamp('#8585f6', '#000091', 5, 0.63);
    expect(ramp).to.have.length(5);
    expect(ramp[4]).to.equal('#000091');
    const L = ramp.map((h) => oklab(c(h))[0]);
    expect(L[0]).to.be.closeTo(0.63, 0.003);
    const steps = L.slice(1).map((l, i) => L[i]! - l);
    for (const s of steps) expect(s).to.be.closeTo((0.63 - L[4]!) / 4, 0.003);
    // The hue stays blue-violet all along (no drift to cyan or grey): OKLab b stays clearly negative.
    for (const h of ramp) expect(oklab(c(h))[2]).to.be.below(-0.1);
  });
});
