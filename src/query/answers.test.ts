import { expect } from '@open-wc/testing';
import { Answers } from './answers.js';
import type { Answer, QueryOptions } from './source.js';

describe('query/answers', () => {
  it('uses an answer that comes at once, and does not ask again for a final one', () => {
    let renders = 0;
    const answers = new Answers(() => renders++);
    const source = {};
    let asked = 0;
    const ask = (): Answer<number> => ({ value: ++asked, final: true });
    expect(answers.get('a', source, 'k', ask)).to.equal(1);
    expect(answers.get('a', source, 'k', ask)).to.equal(1);
    expect(answers.get('a', source, 'k2', ask)).to.equal(2);
    expect(answers.get('a', {}, 'k2', ask)).to.equal(3);
    answers.invalidate();
    expect(answers.get('a', {}, 'k2', ask)).to.equal(4);
    expect(renders).to.equal(0);
  });

  it('keeps the previous answer while a later one comes, abandons the question it replaces, renders when it comes', async () => {
    let renders = 0;
    const answers = new Answers(() => renders++);
    const source = {};
    const signals: AbortSignal[] = [];
    const later =
      (value: string, final = true) =>
      (o: QueryOptions) => {
        signals.push(o.signal!);
        return new Promise<Answer<string>>((resolve) => setTimeout(() => resolve({ value, final }), 10));
      };
    expect(answers.get('s', source, 'one', later('first'))).to.equal(undefined);
    // Asked again while pending: not asked twice.
    expect(answers.get('s', source, 'one', later('never'))).to.equal(undefined);
    expect(signals).to.have.length(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(renders).to.equal(1);
    expect(answers.get('s', source, 'one', later('never'))).to.equal('first');
    // A new question: the previous answer meanwhile; a newer question abandons it.
    expect(answers.get('s', source, 'two', later('second'))).to.equal('first');
    expect(answers.get('s', source, 'three', later('third'))).to.equal('first');
    expect(signals[1]!.aborted).to.equal(true);
    await new Promise((r) => setTimeout(r, 30));
    expect(renders).to.equal(2);
    expect(answers.get('s', source, 'three', later('never'))).to.equal('third');
    // Leaving the page abandons what is pending.
    answers.get('s', source, 'four', later('fourth'));
    answers.abort();
    expect(signals[signals.length - 1]!.aborted).to.equal(true);
  });

  it('keeps an error per slot (an abandon is none), reports it once, does not ask again until retry', async () => {
    let renders = 0;
    const failures: [string, unknown][] = [];
    const answers = new Answers(
      () => renders++,
      (slot, e) => failures.push([slot, e]),
    );
    const source = {};
    let asked = 0;
    const failing = () => {
      asked++;
      return Promise.reject(Object.assign(new Error('busy'), { code: 'unavailable' }));
    };
    const aborting = () => Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    expect(answers.get('a', source, 'k', failing)).to.equal(undefined);
    expect(answers.waiting).to.equal(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(answers.waiting).to.equal(false);
    expect(failures).to.have.length(1);
    expect(failures[0]![0]).to.equal('a');
    expect(renders).to.equal(1);
    expect((answers.errors().get('a') as Error).message).to.equal('busy');
    // Not asked again at the next render (no loop of failing requests).
    answers.get('a', source, 'k', failing);
    expect(asked).to.equal(1);
    // « Réessayer »: asked again.
    answers.retry();
    expect(answers.errors().size).to.equal(0);
    answers.get('a', source, 'k', failing);
    expect(asked).to.equal(2);
    await new Promise((r) => setTimeout(r, 0));
    // An abandon is no error; another question in the slot forgets the error.
    answers.get('a', source, 'other', aborting);
    await new Promise((r) => setTimeout(r, 0));
    expect(answers.errors().size).to.equal(0);
    expect(failures).to.have.length(2);
    // An answer clears it.
    answers.get('b', source, 'k', () => Promise.resolve({ value: 1, final: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(answers.get('b', source, 'k', failing)).to.equal(1);
    expect(answers.errors().has('b')).to.equal(false);
  });
});
