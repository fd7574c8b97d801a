import { validate } from 'class-validator';

import { humanTextProblem, IsHumanText } from '../validation/human-text.js';

const BLANK = 'must not be empty or only spaces or invisible characters';
const CONTROL_LINE = 'must not contain control characters or line breaks';
const CONTROL_MULTI = 'must not contain control characters other than line breaks and tabs';
const BIDI = 'must not contain bidirectional override characters';
const SURROGATE = 'must not contain a lone surrogate (broken UTF-16)';

describe('humanTextProblem', () => {
  it.each<[string, string, string | null, string | null]>([
    // [what, value, as a title or name, as a description]
    ['ordinary Norwegian', 'Leksehjelp på Grønland', null, null],
    ['Arabic with a ZWNJ/ZWJ inside a word', 'مساعدة\u200Cفي الواجبات', null, null],
    ['an emoji sequence with ZWJ', 'Familie 👨\u200D👩\u200D👧', null, null],
    ['decomposed å (NFD), fine after NFC', 'Tøyen bibliotek, A\u030Apent', null, null],
    ['empty', '', BLANK, BLANK],
    ['spaces only', '   ', BLANK, BLANK],
    ['NBSP only', '\u00A0\u00A0', BLANK, BLANK],
    ['zero-width space only', '\u200B', BLANK, BLANK],
    ['zero-width joiner and non-joiner only', '\u200C\u200D', BLANK, BLANK],
    ['word joiner and BOM only', '\u2060\uFEFF', BLANK, BLANK],
    ['a mix of blanks', ' \u00A0\u200B\u3000\t', BLANK, BLANK],
    ['a newline', 'Linje en\nlinje to', CONTROL_LINE, null],
    ['a tab', 'Kolonne\tkolonne', CONTROL_LINE, null],
    ['Windows line breaks', 'Linje en\r\nlinje to', CONTROL_LINE, null],
    ['NUL', 'lekse\u0000hjelp', CONTROL_LINE, CONTROL_MULTI],
    ['an ANSI escape sequence', 'Tittel \u001B[31mrød\u001B[0m', CONTROL_LINE, CONTROL_MULTI],
    ['a bell', 'Ding\u0007', CONTROL_LINE, CONTROL_MULTI],
    ['DEL', 'Slett\u007F', CONTROL_LINE, CONTROL_MULTI],
    ['C1 CSI', 'Tittel \u009B31m', CONTROL_LINE, CONTROL_MULTI],
    ['C1 next line', 'Tittel\u0085', CONTROL_LINE, CONTROL_MULTI],
    ['right-to-left override', 'fil\u202Efdp.exe', BIDI, BIDI],
    ['left-to-right embedding', '\u202AKari', BIDI, BIDI],
    ['first strong isolate', 'Kari \u2068Ali\u2069', BIDI, BIDI],
    ['a lone high surrogate', 'Kari \uD83D', SURROGATE, SURROGATE],
    ['a lone low surrogate', '\uDC00Kari', SURROGATE, SURROGATE],
    ['a well-formed pair', 'Kari 😀', null, null],
  ])('%s', (_what, value, asLine, asMultiline) => {
    expect(humanTextProblem(value)).toBe(asLine);
    expect(humanTextProblem(value, true)).toBe(asMultiline);
  });
});

describe('@IsHumanText', () => {
  class Input {
    @IsHumanText()
    title?: string | null;

    @IsHumanText({ multiline: true })
    description?: string | null;
  }
  const check = async (values: Partial<Input>) =>
    (await validate(Object.assign(new Input(), values))).map((e) => [e.property, Object.values(e.constraints ?? {})]);

  it('names the property and the problem', async () => {
    expect(await check({ title: '\u00A0', description: 'a\u001B[2Jb' })).toEqual([
      ['title', [`title ${BLANK}`]],
      ['description', [`description ${CONTROL_MULTI}`]],
    ]);
  });

  it('lets null and undefined through (required is the GraphQL type’s business), and good text', async () => {
    expect(await check({ title: null })).toEqual([]);
    expect(await check({ title: 'Strikkekafé', description: 'Vi strikker.\nTa med garn.' })).toEqual([]);
  });

  it('refuses what is not a string', async () => {
    expect(await check({ title: 42 as unknown as string })).toEqual([['title', ['title must be text']]]);
  });
});
