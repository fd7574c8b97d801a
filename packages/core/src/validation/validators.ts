import { registerDecorator, type ValidationOptions } from 'class-validator';
import ISO6391 from 'iso-639-1';
import { isValidPhoneNumber, parsePhoneNumberWithError } from 'libphonenumber-js';

/**
 * A class-validator decorator from a predicate. Null and undefined pass: whether a value is
 * required is the GraphQL type's business (non-null), and clearing is the service's.
 */
export function defineValidator(name: string, message: string, test: (value: unknown) => boolean) {
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

/** Norwegian by default: "22 12 34 56", "+47 22123456" and "004722123456" are all accepted. */
export const IsPhoneNumber = defineValidator(
  'isPhoneNumber',
  '$property must be a valid phone number, e.g. +47 22 12 34 56',
  (v) => typeof v === 'string' && isValidPhoneNumber(v, 'NO'),
);

export const IsLanguageCodeList = defineValidator(
  'isLanguageCodeList',
  '$property must list ISO 639-1 language codes such as "no", "en", "ar"',
  (v) => Array.isArray(v) && v.every((c) => typeof c === 'string' && ISO6391.validate(c)),
);

export const IsLocalTime = defineValidator(
  'isLocalTime',
  '$property must be a time as HH:MM',
  (v) => typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
);

export const IsIsoDate = defineValidator(
  'isIsoDate',
  '$property must be a date as YYYY-MM-DD',
  (v) =>
    typeof v === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
);

/** E.164 form for storage. Call only on values that passed `IsPhoneNumber`. */
export function toE164(phone: string): string {
  return parsePhoneNumberWithError(phone, 'NO').format('E.164');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a record (and must not reach PostgreSQL as one). */
export const isUuid = (value: string): boolean => UUID.test(value);
