import { describe, expect, it } from 'vitest';
import { buildCard } from '../../../src/cards/build-card';
import { datasetView } from '../../../src/cards/dataset-view';
import { wordDiff } from '../../../src/diff/word-diff';
import { fixtureDataset } from './fixture';

describe('datasetView', () => {
  const dataset = fixtureDataset();
  const view = datasetView(dataset);

  it("gives the card buildCard builds, with its statements' languages", () => {
    const card = view.card('vladimir-putin');
    const { languages, ...rest } = card!;
    expect(rest).toEqual(buildCard(view.index, 'vladimir-putin', wordDiff));
    expect(languages).toEqual(['en']);
    expect(view.card('nobody')).toBeNull();
  });

  it('gives a statement with its id, or null for an unknown one', () => {
    const id = dataset.statements[0]!.id;
    expect(view.statement(id)?.id).toBe(id);
    expect(view.statement('nope')).toBeNull();
  });

  it("finds the dataset's names with one matcher, built once", () => {
    expect(view.matcher()).toBe(view.matcher());
    const mentions = view.matcher().match('Vladimir Putin met Emmanuel Macron.');
    expect(mentions.map((m) => m.entity)).toEqual(['vladimir-putin', 'emmanuel-macron']);
  });
});
