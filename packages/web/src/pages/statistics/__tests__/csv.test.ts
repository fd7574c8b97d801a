import { statisticsCsv, toCsv } from '../csv';

describe('the statistics CSV', () => {
  it('never writes a suppressed cell as a number, even if one was sent', () => {
    const csv = statisticsCsv(
      ['Måned', 'Bydel', 'Kategori', 'Utfall', 'Antall'],
      [
        { month: '2026-10', bydelCode: '030102', category: 'SOCIAL', outcome: 'COMPLETED', count: 12, suppressed: false },
        { month: '2026-10', bydelCode: '030102', category: 'HOUSING', outcome: 'DECLINED', count: 3, suppressed: true },
        { month: '2026-11', bydelCode: null, category: 'PET_CARE', outcome: 'OPEN', count: null, suppressed: true },
      ],
    );
    expect(csv).toBe(
      'Måned,Bydel,Kategori,Utfall,Antall\r\n2026-10,030102,SOCIAL,COMPLETED,12\r\n2026-10,030102,HOUSING,DECLINED,<5\r\n2026-11,,PET_CARE,OPEN,<5\r\n',
    );
  });

  it('quotes separators and defuses formulas', () => {
    expect(toCsv(['a'], [['x,y'], ['=SUM(A1)'], ['say "hi"']])).toBe('a\r\n"x,y"\r\n\'=SUM(A1)\r\n"say ""hi"""\r\n');
  });
});
