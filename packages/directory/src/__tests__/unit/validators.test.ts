import 'reflect-metadata';

import { validateSync } from 'class-validator';

import {
  IsBydelCode,
  IsBydelCodeList,
  IsIsoDate,
  IsLanguageCodeList,
  IsLocalTime,
  IsOrganisationNumber,
  IsPhoneNumber,
  IsPostalCode,
  toE164,
} from '../../common/validators.js';

class Probe {
  @IsPhoneNumber() phone?: unknown;
  @IsPostalCode() postalCode?: unknown;
  @IsLanguageCodeList() languages?: unknown;
  @IsBydelCode() bydel?: unknown;
  @IsBydelCodeList() bydeler?: unknown;
  @IsOrganisationNumber() organisationNumber?: unknown;
  @IsLocalTime() time?: unknown;
  @IsIsoDate() date?: unknown;
}

/** The names of the properties that fail validation when `values` are set on a Probe. */
function failing(values: Partial<Record<keyof Probe, unknown>>): string[] {
  const probe = Object.assign(new Probe(), values);
  return validateSync(probe)
    .map((e) => e.property)
    .sort();
}

describe('phone numbers', () => {
  it.each([
    ['22 12 34 56', '+4722123456'],
    ['22123456', '+4722123456'],
    ['+47 22 12 34 56', '+4722123456'],
    ['+47 22123456', '+4722123456'],
    ['004722123456', '+4722123456'],
    ['+47 900 00 000', '+4790000000'],
    ['900 00 000', '+4790000000'],
    ['+46 8 123 456 78', '+46812345678'],
  ])('accepts %j and stores it as %s', (input, e164) => {
    expect(failing({ phone: input })).toEqual([]);
    expect(toE164(input)).toBe(e164);
  });

  it.each(['123', '12345678', 'ring meg', '+47 22 12 34 5', 2212345])('refuses %j', (input) => {
    expect(failing({ phone: input })).toEqual(['phone']);
  });

  it('says what a valid number looks like', () => {
    const [error] = validateSync(Object.assign(new Probe(), { phone: '123' }));
    expect(Object.values(error!.constraints!)).toEqual(['phone must be a valid phone number, e.g. +47 22 12 34 56']);
  });
});

describe('postnummer', () => {
  it.each(['0550', '0001', '9990'])('accepts %j', (code) => expect(failing({ postalCode: code })).toEqual([]));
  it.each(['550', '05500', '05a0', ' 0550', 550])('refuses %j', (code) => expect(failing({ postalCode: code })).toEqual(['postalCode']));
});

describe('ISO 639-1 language lists', () => {
  it.each([[['no']], [['no', 'en', 'ar']], [['nb', 'nn', 'so', 'ti']], [[]]])('accepts %j', (list) => {
    expect(failing({ languages: list })).toEqual([]);
  });
  it.each([[['xx']], [['no', 'xx']], [['NO']], [['eng']], [['norsk']], ['no'], [[1]]])('refuses %j', (list) => {
    expect(failing({ languages: list })).toEqual(['languages']);
  });
});

describe('bydel codes', () => {
  const all = Array.from({ length: 17 }, (_, i) => `0301${String(i + 1).padStart(2, '0')}`);

  it('accepts all 17 codes 030101..030117', () => {
    expect(all[0]).toBe('030101');
    expect(all[16]).toBe('030117');
    for (const code of all) expect(failing({ bydel: code })).toEqual([]);
    expect(failing({ bydeler: all })).toEqual([]);
  });

  it.each(['030118', '030100', '030120', '0301', '0301011', '030201', '301'])('refuses %j', (code) => {
    expect(failing({ bydel: code })).toEqual(['bydel']);
    expect(failing({ bydeler: ['030101', code] })).toEqual(['bydeler']);
  });
});

describe('other validators', () => {
  it('organisation number: valid passes, a bad check digit fails', () => {
    expect(failing({ organisationNumber: '974760673' })).toEqual([]);
    expect(failing({ organisationNumber: '974760672' })).toEqual(['organisationNumber']);
  });

  it('local time HH:MM', () => {
    expect(failing({ time: '00:00' })).toEqual([]);
    expect(failing({ time: '23:59' })).toEqual([]);
    for (const bad of ['24:00', '7:00', '12:60', '12:00:00']) expect(failing({ time: bad })).toEqual(['time']);
  });

  it('ISO date YYYY-MM-DD that exists', () => {
    expect(failing({ date: '2028-02-29' })).toEqual([]);
    for (const bad of ['2027-02-29', '2027-13-01', '2027-1-01', '01.02.2027']) expect(failing({ date: bad })).toEqual(['date']);
  });

  it('null and undefined mean "not given" and pass every validator', () => {
    const nulls = { phone: null, postalCode: null, languages: null, bydel: null, bydeler: null, organisationNumber: null, time: null, date: null };
    expect(failing(nulls)).toEqual([]);
    expect(failing({})).toEqual([]);
  });
});
