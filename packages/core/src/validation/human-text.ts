import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

export interface HumanTextOptions extends ValidationOptions {
  /** Descriptions and notes may hold line breaks and tabs; titles and names may not. */
  readonly multiline?: boolean;
}

/** Characters that show nothing: whitespace (incl. NBSP) and the zero-width ones. */
const INVISIBLE = /[\s\u00A0\u180E\u200B-\u200D\u2060\uFEFF]/gu;
/** C0 and C1 control characters and DEL (ESC U+001B starts terminal escape sequences, U+009B is CSI). */
const CONTROL = /\p{Cc}/u;
/** The control characters a text on several lines may hold. */
const LAYOUT = /[\n\r\t]/g;
/** Bidirectional embeddings, overrides and isolates: they make text read otherwise than it is stored. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** A surrogate that is not half of a pair cannot be encoded; it comes back as U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * What is wrong with a piece of text that people will read (a title, a name, a description), or
 * null when nothing is. Checked on its NFC form, the form a reader's screen shows.
 */
export function humanTextProblem(value: string, multiline = false): string | null {
  if (LONE_SURROGATE.test(value)) return 'must not contain a lone surrogate (broken UTF-16)';
  const text = value.normalize('NFC');
  if (text.replace(INVISIBLE, '') === '') return 'must not be empty or only spaces or invisible characters';
  if (CONTROL.test(multiline ? text.replace(LAYOUT, '') : text)) {
    return multiline ? 'must not contain control characters other than line breaks and tabs' : 'must not contain control characters or line breaks';
  }
  if (BIDI_CONTROL.test(text)) return 'must not contain bidirectional override characters';
  return null;
}

/**
 * Text that people read: not blank (spaces, NBSP and zero-width characters count as blank), no
 * control characters or escape sequences (line breaks and tabs only when `multiline`), no
 * bidirectional overrides, no lone surrogates. Null and undefined pass, as with the other
 * validators: whether a value is required is the GraphQL type's business.
 */
export function IsHumanText(options: HumanTextOptions = {}): PropertyDecorator {
  const { multiline = false, ...validationOptions } = options;
  return (target, propertyName) =>
    registerDecorator({
      name: multiline ? 'isHumanTextMultiline' : 'isHumanText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      validator: {
        validate: (value: unknown) => value === null || value === undefined || (typeof value === 'string' && humanTextProblem(value, multiline) === null),
        defaultMessage: (args?: ValidationArguments) => {
          const value: unknown = args?.value;
          const problem = typeof value === 'string' ? humanTextProblem(value, multiline) : 'must be text';
          return `${args?.property ?? 'text'} ${problem ?? 'is not valid'}`;
        },
      },
    });
}
