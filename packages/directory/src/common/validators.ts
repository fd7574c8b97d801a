import { defineValidator } from '@samspill/core';

import { BYDEL_CODE_PATTERN } from '../modules/bydeler/bydel-codes.js';
import { isValidOrganisationNumber } from './organisation-number.js';

export { IsIsoDate, IsLanguageCodeList, IsLocalTime, IsPhoneNumber, toE164 } from '@samspill/core';

export const IsOrganisationNumber = defineValidator(
  'isOrganisationNumber',
  '$property must be a valid organisasjonsnummer: 9 digits with a correct mod-11 check digit',
  (v) => typeof v === 'string' && isValidOrganisationNumber(v),
);

export const IsPostalCode = defineValidator(
  'isPostalCode',
  '$property must be a Norwegian postnummer of 4 digits',
  (v) => typeof v === 'string' && /^\d{4}$/.test(v),
);

export const IsBydelCode = defineValidator(
  'isBydelCode',
  '$property must be an Oslo bydel code, 030101 to 030117',
  (v) => typeof v === 'string' && BYDEL_CODE_PATTERN.test(v),
);

export const IsBydelCodeList = defineValidator(
  'isBydelCodeList',
  '$property must list Oslo bydel codes, 030101 to 030117',
  (v) => Array.isArray(v) && v.every((c) => typeof c === 'string' && BYDEL_CODE_PATTERN.test(c)),
);
