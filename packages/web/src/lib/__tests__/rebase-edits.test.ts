import { rebaseEdits } from '../rebase-edits';

describe('rebaseEdits', () => {
  const loaded = { title: 'Leksehjelp', description: 'Tirsdager', capacity: '10', weekly: [{ weekday: 'TUESDAY', startTime: '17:00' }] };

  it("takes the other person's change to a field this user did not touch", () => {
    const mine = { ...loaded, title: 'Leksehjelp for 5.–7. trinn' };
    const newer = { ...loaded, capacity: '12' };
    expect(rebaseEdits(loaded, mine, newer)).toEqual({ ...loaded, title: 'Leksehjelp for 5.–7. trinn', capacity: '12' });
  });

  it("keeps this user's value where both changed the same field", () => {
    const mine = { ...loaded, capacity: '8' };
    const newer = { ...loaded, capacity: '12' };
    expect(rebaseEdits(loaded, mine, newer).capacity).toBe('8');
  });

  it('compares lists by value, so an untouched schedule follows the newer version', () => {
    const mine = { ...loaded, weekly: loaded.weekly.map((slot) => ({ ...slot })) };
    const newer = { ...loaded, weekly: [{ weekday: 'THURSDAY', startTime: '18:00' }] };
    expect(rebaseEdits(loaded, mine, newer).weekly).toEqual(newer.weekly);
  });
});
