/**
 * Light-DOM fallback content (src/fallback/fallback.ts): a table inside a widget's tag is what a reader gets when the
 * script does not run or fails, is replaced once the widget renders its data, and shows again when the widget cannot
 * show its data; a `slot="description"` paragraph is kept for screen readers (visually hidden) once rendered.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import '../../src/all.js';
import { axTree, canReadAxTree } from '../engine.js';

type Widget = HTMLElement & { dataStatus?: string; updateComplete: Promise<boolean> };
const TAGS = ['relance-key-figures', 'relance-funding-donut', 'relance-territory-map', 'relance-laureate-list'];
const DATA = JSON.stringify([
  { nom: 'Atelier A', statut: 'association', region: '84', departement: '69', montant: 250000, emplois: 3 },
  { nom: 'Coopérative B', statut: 'cooperative', region: '11', departement: '75', montant: 120000, emplois: 2 },
]);

/** Whether an element has a box on the page (is seen). */
const seen = (el: Element): boolean => el.getClientRects().length > 0 && (el as HTMLElement).offsetHeight > 0;

async function widget(tag: string, attributes: string): Promise<Widget> {
  const el = await fixture<Widget>(
    staticHtml`<${unsafeStatic(tag)} ${unsafeStatic(attributes)}>
      <table id="repli"><caption>Lauréats par statut (texte de repli)</caption><tbody><tr><th scope="row">Associations</th><td>1</td></tr></tbody></table>
      <p slot="description" id="description">Les associations reçoivent l’essentiel du soutien (texte de description).</p>
    </${unsafeStatic(tag)}>`,
  );
  await waitUntil(
    () => el.dataStatus === 'ready' || el.dataStatus === 'error' || el.dataStatus === 'empty',
    'data state',
    { timeout: 10_000 },
  );
  await el.updateComplete;
  return el;
}

describe('light-DOM fallback content', function () {
  this.timeout(30_000);

  it('is shown as it is when the script does not run (a page where the tags are not defined)', async () => {
    const frame = document.createElement('iframe');
    frame.width = '800';
    frame.height = '600';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    // The widgets' script fails to load (404): the tags stay unknown elements.
    frame.srcdoc = `<!doctype html><html lang="fr"><body><script type="module" src="/introuvable/france-relance-widgets.js"></script>
      <relance-funding-donut data='${DATA}'><table id="repli"><caption>Lauréats par statut</caption><tr><th>Associations</th><td>1</td></tr></table><p slot="description" id="description">Commentaire</p></relance-funding-donut></body></html>`;
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(doc.querySelector('relance-funding-donut')!.shadowRoot).to.equal(null);
    expect(seen(doc.getElementById('repli')!)).to.equal(true);
    expect(seen(doc.getElementById('description')!)).to.equal(true);
    frame.remove();
  });

  for (const tag of TAGS) {
    it(`<${tag}>: replaced once the data renders, the description kept for screen readers`, async () => {
      const el = await widget(tag, `data='${DATA}'`);
      expect(el.dataStatus).to.equal('ready');
      const table = el.querySelector('#repli')!;
      const description = el.querySelector<HTMLElement>('#description')!;
      expect(seen(table), 'fallback table seen').to.equal(false);
      expect(table.assignedSlot, 'fallback table slotted').to.equal(null);
      if (tag === 'relance-laureate-list') {
        // The list has its own fallback slot (shown until its data is rendered) and no description slot: the
        // paragraph goes with the table.
        expect(description.assignedSlot).to.equal(null);
        expect(seen(description)).to.equal(false);
        return;
      }
      // The description is in the widget, visually hidden (1 px), read by screen readers.
      expect(description.assignedSlot?.name).to.equal('description');
      expect(description.assignedSlot!.parentElement!.classList.contains('sr-only')).to.equal(true);
      expect(description.getBoundingClientRect().width).to.be.at.most(1);
      if (canReadAxTree) {
        const names = (await axTree()).map((n) => n.name);
        expect(names.some((n) => n.includes('texte de description'))).to.equal(true);
        expect(names.some((n) => n.includes('texte de repli'))).to.equal(false);
      }
    });

    it(`<${tag}>: shown again when the widget cannot show its data`, async () => {
      const el = await widget(tag, `data='{"pas": "des données"'`);
      expect(el.dataStatus).to.equal('error');
      const table = el.querySelector('#repli')!;
      expect(table.assignedSlot?.name).to.equal('');
      expect(seen(table), 'fallback table seen').to.equal(true);
      // After the widget's own notice.
      const notice = el.shadowRoot!.querySelector('[part~="error"]')!;
      expect(notice.compareDocumentPosition(table.assignedSlot!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    });
  }
});
