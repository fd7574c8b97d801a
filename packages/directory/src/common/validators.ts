import ISO6391 from 'iso-639-1';
import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js';
import { registerDecorator, type ValidationOptions } from 'class-validator';

import { BYDEL_CODE_PATTERN } from '../modules/bydeler/bydel-codes.js';
import { isValidOrganisationNumber } from './organisation-number.js';

function define(name: string, message: string, test: (value: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate: (value) => value === null || value === undefined || test(value) },
      });
}

export const IsOrganisationNumber = define(
  'isOrganisationNumber',
  '$property must be a valid organisasjonsnummer: 9 digits with a correct mod-11 check digit',
  (v) => typeof v === 'string' && isValidOrganisationNumber(v),
);

/** Norwegian by default: "22 12 34 56", "+47 22123456" and "004722123456" are all accepted. */
export const IsPhoneNumber = define(
  'isPhoneNumber',
  '$property must be a valid phone number, e.g. +47 22 12 34 56',
  (v) => typeof v === 'string' && isValidPhoneNumber(v, 'NO'),
);

export const IsPostalCode = define('isPostalCode', '$property must be a Norwegian postnummer of 4 digits', (v) => typeof v === 'string' && /^\d{4}$/.test(v));

export const IsBydelCode = define(
  'isBydelCode',
  '$property must be an Oslo bydel code, 030101 to 030117',
  (v) => typeof v === 'string' && BYDEL_CODE_PATTERN.test(v),
);

export const IsBydelCodeList = define(
  'isBydelCodeList',
  '$property must list Oslo bydel codes, 030101 to 030117',
  (v) => Array.isArray(v) && v.every((c) => typeof c === 'string' && BYDEL_CODE_PATTERN.test(c)),
);

export const IsLanguageCodeList = define(
  'isLanguageCodeList',
  '$property must list ISO 639-1 language codes such as "no", "en", "ar"',
  (v) => Array.isArray(v) && v.every((c) => typeof c === 'string' && ISO6391.validate(c)),
);

export const IsLocalTime = define('isLocalTime', '$property must be a time as HH:MM', (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v));

export const IsIsoDate = define(
  'isIsoDate',
  '$property must be a date as YYYY-MM-DD',
  (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
);

/** E.164 form for storage. Call only on values that passed `IsPhoneNumber`. */
export function toE164(phone: string): string {
  return parsePhoneNumberWithError(phone, 'NO').format('E.164');
}
