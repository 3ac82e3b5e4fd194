import { buildExampleIndex, nearestExamples } from '../../../../bot/src/policy/search/examples';

// Three sections' example questions, as sets of terms (any strings serve).
const units = [
  { doc: 0, terms: new Set(['usb', 'lost', 'what', 'do']) },
  { doc: 0, terms: new Set(['laptop', 'lost', 'train']) },
  { doc: 1, terms: new Set(['usb', 'take', 'out', 'approval']) },
  { doc: 2, terms: new Set(['password', 'length', 'what']) },
  { doc: 2, terms: new Set(['password', 'share', 'colleague']) },
];

describe('nearest example questions', () => {
  const index = buildExampleIndex(units);

  it('scores each section by its closest example, the closest section highest', () => {
    const near = nearestExamples(index, ['usb', 'take', 'out']);
    expect(near.get(1)).toBeGreaterThan(near.get(0) ?? 0);
    expect(near.has(2)).toBe(false);
    // An identical question is as close as can be.
    expect(nearestExamples(index, ['password', 'share', 'colleague']).get(2)).toBeCloseTo(1, 6);
  });

  it('weighs a term by how few examples have it: a rare shared word beats a common one', () => {
    // "lost" is in two examples, "approval" in one: the question shares one word with each section.
    const near = nearestExamples(index, ['lost', 'approval']);
    expect(near.get(1)).toBeGreaterThan(near.get(0) ?? 0);
  });

  it('leaves out words no example has, so that a new noun neither helps nor hurts', () => {
    const plain = nearestExamples(index, ['password', 'length']);
    const withNoun = nearestExamples(index, ['password', 'length', 'ryokan', 'caddie']);
    expect(withNoun.get(2)).toBeCloseTo(plain.get(2) ?? 0, 10);
  });

  it('finds nothing for a question sharing no word with any example, and for no examples', () => {
    expect(nearestExamples(index, ['weather', 'lunch']).size).toBe(0);
    expect(nearestExamples(buildExampleIndex([]), ['usb']).size).toBe(0);
  });
});
