import { humanTextProblem } from '@samspill/core';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

import { FORBIDDEN_CONTENT_LABEL, forbiddenContent } from './need-description.js';

export const PSEUDONYMOUS_REFERENCE_MAX = 40;

/**
 * What is wrong with a pseudonymous reference (a resident's, a volunteer's), or null: at most 40
 * characters of letters, digits, spaces and `_ . / -`, with a number in it ("OK-2026-117",
 * "RV-2026-014"; a name has none), and nothing the need-description check refuses (an identity or
 * account number, a phone number, an e-mail address). Never echoes the value.
 */
export function pseudonymousReferenceProblem(value: string): string | null {
  const text = humanTextProblem(value);
  if (text) return text;
  if (value.length > PSEUDONYMOUS_REFERENCE_MAX) return `must be at most ${PSEUDONYMOUS_REFERENCE_MAX} characters`;
  if (!/^[\p{L}\p{N} _./-]+$/u.test(value)) return 'may contain only letters, digits, spaces and _ . / -';
  // A reference has a number in it; a name does not ("OK-2026-117", not "Fatima Ali").
  if (!/\d/.test(value)) return 'must contain a number, like OK-2026-117: never a name';
  const found = forbiddenContent(value);
  if (found.length > 0)
    return `must not contain ${found.map((f) => FORBIDDEN_CONTENT_LABEL[f]).join(' or ')}: a reference, never a way to reach or identify someone`;
  return null;
}

/** A pseudonymous reference (see {@link pseudonymousReferenceProblem}); null and undefined pass. */
export function IsPseudonymousReference(options: ValidationOptions = {}): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isPseudonymousReference',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && pseudonymousReferenceProblem(value) === null),
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          return `${args?.property ?? 'reference'} ${typeof value === 'string' ? (pseudonymousReferenceProblem(value) ?? 'is not valid') : 'must be text'}`;
        },
      },
    });
}
