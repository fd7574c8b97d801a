import { targetGroupFilter } from '../target-groups';

describe('targetGroupFilter', () => {
  it('sends nothing when no group is chosen', () => {
    expect(targetGroupFilter('', [], [])).toEqual({});
  });

  it('asks for all of several groups: "seniors 60+ with immigrant background"', () => {
    expect(targetGroupFilter('', ['SENIORS', 'IMMIGRANT_BACKGROUND'], [])).toEqual({ allTargetGroups: ['SENIORS', 'IMMIGRANT_BACKGROUND'] });
  });

  it('excludes a group, e.g. women-only offers when searching for a man', () => {
    expect(targetGroupFilter('MEN', [], ['WOMEN_ONLY'])).toEqual({ targetGroups: ['MEN'], excludeTargetGroups: ['WOMEN_ONLY'] });
  });

  it('never excludes a group it also asks for (the API refuses that)', () => {
    expect(targetGroupFilter('ADULTS', ['FAMILIES'], ['ADULTS', 'FAMILIES', 'YOUTH'])).toEqual({
      targetGroups: ['ADULTS'],
      allTargetGroups: ['FAMILIES'],
      excludeTargetGroups: ['YOUTH'],
    });
    expect(targetGroupFilter('', ['MEN'], ['MEN'])).toEqual({ allTargetGroups: ['MEN'] });
  });
});
