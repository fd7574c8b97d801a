import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The HSDS 3.1 JSON schemas (copied into `schema/`, see its README.md) compiled once with Ajv:
 * what every export is checked against in tests, and every imported record before it is read.
 * Nothing is fetched: the schemas' `$ref`s name sibling files, registered here by file name.
 */
export type HsdsSchemaName =
  'service' | 'organization' | 'service_at_location' | 'location' | 'taxonomy' | 'taxonomy_term' | 'service_capacity' | 'page' | 'api_root';

/** Beside this file in the sources; from the compiled `dist/`, the sources' copy (tsc copies no JSON). */
const SCHEMA_DIR = [join(__dirname, 'schema'), resolve(__dirname, '../../../src/modules/hsds/schema')].find((dir) => existsSync(dir))!;
const FILES = [
  'accessibility',
  'address',
  'attribute',
  'contact',
  'cost_option',
  'funding',
  'language',
  'location',
  'metadata',
  'organization',
  'organization_identifier',
  'phone',
  'program',
  'required_document',
  'schedule',
  'service',
  'service_area',
  'service_at_location',
  'service_capacity',
  'taxonomy',
  'taxonomy_term',
  'unit',
  'page',
  'api_root',
];

export interface HsdsProblem {
  /** Where in the document, as a JSON pointer (`/contents/0/schedules/1/freq`). */
  readonly path: string;
  readonly message: string;
}

let compiled: Map<HsdsSchemaName, ValidateFunction> | undefined;

function validators(): Map<HsdsSchemaName, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv as never);
  // organization.year_incorporated is given as a strftime pattern in the HSDS schema, not a JSON-schema format.
  ajv.addFormat('%Y', /^\d{4}$/);
  for (const file of FILES) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, `${file}.json`), 'utf8')) as object, `${file}.json`);
  compiled = new Map(FILES.map((file) => [file as HsdsSchemaName, ajv.getSchema(`${file}.json`)!]));
  return compiled;
}

function problemsOf(errors: ErrorObject[] | null | undefined, prefix: string): HsdsProblem[] {
  return (errors ?? []).map((e) => ({ path: `${prefix}${e.instancePath}`, message: e.message ?? e.keyword }));
}

/** The problems of `value` against one HSDS schema (none when it validates). */
export function hsdsProblems(name: HsdsSchemaName, value: unknown, prefix = ''): HsdsProblem[] {
  const validate = validators().get(name)!;
  const problems = validate(value) ? [] : problemsOf(validate.errors, prefix);
  // service_capacity is HSDS 3.1's; the service schema copied here does not reference it yet, so each is checked on its own.
  if (name === 'service' && value && typeof value === 'object' && Array.isArray((value as { capacities?: unknown }).capacities)) {
    (value as { capacities: unknown[] }).capacities.forEach((capacity, i) =>
      problems.push(...hsdsProblems('service_capacity', capacity, `${prefix}/capacities/${i}`)),
    );
  }
  return problems;
}

/** The problems of a paginated answer: the envelope against `Page`, each item against `item`. */
export function hsdsPageProblems(item: HsdsSchemaName, page: { contents?: unknown }): HsdsProblem[] {
  const problems = hsdsProblems('page', page);
  if (!Array.isArray(page.contents)) return [...problems, { path: '/contents', message: 'must be array' }];
  page.contents.forEach((value, i) => problems.push(...hsdsProblems(item, value, `/contents/${i}`)));
  return problems;
}
