/**
 * « Show code » in Storybook's docs (`.storybook/source.ts`): the markup a webmaster pastes.
 */
import { expect } from '@open-wc/testing';
import { pasteableSource } from '../.storybook/source.js';

describe('Storybook « Show code »: pasteable HTML', () => {
  it('starts with the script tag and keeps JSON attributes readable, between single quotes', () => {
    const code = pasteableSource(
      `<relance-funding-donut caption="Statuts" data='[{"statut":"association","laureats":31}]'></relance-funding-donut>`,
    );
    expect(code.split('\n')[0]).to.equal(
      '<script type="module" src="/chemin/vers/france-relance-widgets.js"></script>',
    );
    expect(code).to.contain(
      `<relance-funding-donut caption="Statuts" data='[{"statut":"association","laureats":31}]'></relance-funding-donut>`,
    );
  });

  it('leaves out Storybook’s copy of the default geometry (the map finds it next to the script), not another one', () => {
    const stories = pasteableSource(
      `<relance-territory-map geometry="/geo/france-regions.topo.json" level="region"></relance-territory-map>` +
        `<relance-territory-map geometry="/geo/france-departements.topo.json" level="departement"></relance-territory-map>`,
    );
    expect(stories).not.to.contain('geometry=');
    expect(stories).to.contain('<relance-territory-map level="region"></relance-territory-map>');
    const failing = pasteableSource(
      `<relance-territory-map geometry="/geo/introuvable.topo.json"></relance-territory-map>`,
    );
    expect(failing).to.contain('geometry="/geo/introuvable.topo.json"');
    const own = pasteableSource(
      `<relance-territory-map geometry="https://example.org/geo/france-regions.topo.json"></relance-territory-map>`,
    );
    expect(own).to.contain('geometry="https://example.org/geo/france-regions.topo.json"');
  });

  it('keeps markup in a value inside its attribute or text, never as an element', () => {
    const code = pasteableSource(
      `<relance-laureate-list caption="&lt;img src=x onerror=alert(1)&gt;" data='[{"nom":"a\\" onmouseover=\\"x"}]'><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></relance-laureate-list>`,
    );
    const doc = new DOMParser().parseFromString(code, 'text/html');
    const list = doc.querySelector('relance-laureate-list')!;
    expect(list.getAttribute('caption')).to.equal('<img src=x onerror=alert(1)>');
    expect(list.getAttribute('data')).to.equal('[{"nom":"a\\" onmouseover=\\"x"}]');
    expect(list.hasAttribute('onmouseover')).to.equal(false);
    expect(doc.querySelector('img')).to.equal(null);
    expect(doc.querySelector('relance-laureate-list script')).to.equal(null);
    expect(list.querySelector('p')?.textContent).to.equal('<script>alert(1)</script>');
  });
});
