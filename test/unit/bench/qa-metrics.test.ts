import { calibrateThreshold, citationMatches } from '../../../bench/qa-metrics';

const inScope = (...cs: number[]) => cs.map((confidence) => ({ confidence, outOfScope: false }));
const outOfScope = (...cs: number[]) => cs.map((confidence) => ({ confidence, outOfScope: true }));

describe('calibrateThreshold', () => {
  // 20 in-scope questions (one weak one at 0.3) and 4 out-of-scope ones.
  const points = [
    ...inScope(0.3, ...Array.from({ length: 19 }, (_, i) => 0.6 + i * 0.02)),
    ...outOfScope(0.1, 0.2, 0.4, 0.5),
  ];

  it('abstains on the most out-of-scope questions the false-abstention bound allows', () => {
    const c = calibrateThreshold(points, 0.05);
    expect(c.falseAbstention).toBeLessThanOrEqual(0.05);
    expect(c.abstention).toBe(1);
    expect(c.threshold).toBeGreaterThan(0.5);
    expect(c.threshold).toBeLessThan(0.6);
  });

  it('keeps a subset that matters on its own within the bound too', () => {
    const pool = [
      ...inScope(...Array.from({ length: 40 }, (_, i) => 0.6 + i * 0.01)),
      ...outOfScope(0.1, 0.2, 0.4, 0.5),
    ];
    // A small set of the pool whose weak question is one of its two in scope: 50 % abstained there.
    const small = [...inScope(0.45, 0.9), ...outOfScope(0.15)];
    const all = [...pool, ...small];
    const alone = calibrateThreshold(all, 0.05);
    expect(alone.abstention).toBe(1);
    expect(alone.threshold).toBeGreaterThan(0.5);
    const c = calibrateThreshold(all, 0.05, [small]);
    expect(c.threshold).toBeGreaterThan(0.4);
    expect(c.threshold).toBeLessThanOrEqual(0.45);
    expect(c.abstention).toBe(0.8);
    expect(c.falseAbstention).toBe(0);
  });
});

describe('citationMatches', () => {
  it('accepts the gold section or one of its sub-sections, nothing else', () => {
    expect(citationMatches('組織的対策 5.6', ['組織的対策 5.6'])).toBe(true);
    expect(citationMatches('人的対策 6.2.1', ['人的対策 6.2'])).toBe(true);
    expect(citationMatches('人的対策 6.21', ['人的対策 6.2'])).toBe(false);
    expect(citationMatches('組織的対策 5.6', [])).toBe(false);
  });
});
