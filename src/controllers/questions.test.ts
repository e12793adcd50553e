import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { QuestionsController } from './questions.js';
import { memorySource } from '../query/memory-source.js';
import type { QuerySource } from '../query/source.js';
import type { Laureate } from '../model/types.js';
import { laureatesDataset } from '../test-helpers/dataset.js';

const laureate = (nom: string, region: string, montant: number): Laureate =>
  ({ nom, statut: 'association', region, montant, emplois: 1 }) as Laureate;

class QuestionsProbe extends LitElement {
  updates = 0;
  failures: string[] = [];
  readonly questions = new QuestionsController(
    this,
    () => this.requestUpdate(),
    (slot) => this.failures.push(slot),
  );
  override render() {
    this.updates++;
    return html``;
  }
}
customElements.define('questions-probe', QuestionsProbe);

describe('QuestionsController', () => {
  it('asks totals, key figures and pages of the source, and nothing without one', async () => {
    const el = await fixture<QuestionsProbe>(html`<questions-probe></questions-probe>`);
    const source = memorySource(
      laureatesDataset([laureate('A', '84', 100), laureate('B', '11', 50), laureate('C', '84', 25)]),
    );
    expect(el.questions.totalsBy(undefined, 'region', {}, 'by-region')).to.equal(undefined);
    const byRegion = el.questions.totalsBy(source, 'region', {}, 'by-region')!;
    expect(byRegion.groups.get('84')?.montant).to.equal(125);
    expect(el.questions.keyFigures(source, { regions: ['11'] })?.montant).to.equal(50);
    const page = el.questions.page(
      source,
      { filter: {}, sort: { column: 'montant', direction: 'descending' }, lang: 'fr', offset: 0, limit: 2 },
      'page',
    )!;
    expect(page.rows.map((r) => r.nom)).to.deep.equal(['A', 'B']);
    expect(page.total).to.equal(3);
    expect(el.questions.isFinal('page')).to.equal(true);
  });

  it('follows its source: news from it make every answer stale and update the host; it stops when the host leaves', async () => {
    const el = await fixture<QuestionsProbe>(html`<questions-probe></questions-probe>`);
    let listener: (() => void) | undefined;
    let asked = 0;
    const source = {
      subscribe: (l: () => void) => ((listener = l), () => (listener = undefined)),
      keyFigures: () => ({ value: { laureats: ++asked }, final: true }),
    } as unknown as QuerySource;
    el.questions.follow(source);
    expect(el.questions.keyFigures(source, {})).to.deep.equal({ laureats: 1 });
    expect(el.questions.keyFigures(source, {})).to.deep.equal({ laureats: 1 });
    const before = el.updates;
    listener!();
    await el.updateComplete;
    expect(el.updates).to.equal(before + 1);
    expect(el.questions.keyFigures(source, {})).to.deep.equal({ laureats: 2 });
    el.remove();
    expect(listener).to.equal(undefined);
  });

  it('abandons a pending question when the host leaves the page, and reports a failed one', async () => {
    const el = await fixture<QuestionsProbe>(html`<questions-probe></questions-probe>`);
    let signal: AbortSignal | undefined;
    const source = {
      subscribe: () => () => {},
      keyFigures: (_f: unknown, o: { signal: AbortSignal }) => ((signal = o.signal), new Promise(() => {})),
      totalsBy: () => Promise.reject(new Error('portail indisponible')),
    } as unknown as QuerySource;
    el.questions.keyFigures(source, {});
    el.questions.totalsBy(source, 'statut', {}, 'by-statut');
    await new Promise((r) => setTimeout(r, 0));
    expect(el.failures).to.deep.equal(['by-statut']);
    expect([...el.questions.errors().keys()]).to.deep.equal(['by-statut']);
    expect(signal?.aborted).to.equal(false);
    el.remove();
    expect(signal?.aborted).to.equal(true);
  });
});
