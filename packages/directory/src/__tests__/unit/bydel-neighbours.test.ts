import { OSLO_BYDELER } from '../../modules/bydeler/bydel-codes.js';
import { BYDEL_NEIGHBOURS, withNeighbours } from '../../modules/bydeler/bydel-neighbours.js';

describe('the bydel neighbour table', () => {
  it('covers exactly the 15 administrative bydeler', () => {
    expect(Object.keys(BYDEL_NEIGHBOURS).sort()).toEqual(OSLO_BYDELER.filter((b) => b.administrative).map((b) => b.code));
  });

  it('is symmetric and never lists a bydel as its own neighbour', () => {
    const problems = Object.entries(BYDEL_NEIGHBOURS).flatMap(([code, neighbours]) =>
      neighbours.flatMap((n) => [
        ...(n === code ? [`${code} lists itself`] : []),
        ...(BYDEL_NEIGHBOURS[n]?.includes(code) ? [] : [`${code} → ${n} but not back`]),
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('expands a list with its neighbours, once each, sorted', () => {
    expect(withNeighbours(['030111'])).toEqual(['030110', '030111', '030112']);
    expect(withNeighbours(['030106', '030107'])).toEqual(['030105', '030106', '030107', '030108']);
  });
});
