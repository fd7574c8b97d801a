import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import i18next from 'i18next';

import en from '../../i18n/en.json';
import nb from '../../i18n/nb.json';
import { fieldProblem, firstProblem, problemsOf, type Translate } from '../errors';

/** Every code the gateway, the subgraphs and the web server send, with the server's English text. */
const SERVER_ERRORS: Array<{ code: string; message: string; field?: string }> = [
  {
    code: 'BAD_USER_INPUT',
    message: 'input.organisationNumber: an organisation number has 9 digits and a valid check digit',
    field: 'input.organisationNumber',
  },
  { code: 'BAD_USER_INPUT', message: 'input.schedule.weekly[0].startTime: must be HH:MM', field: 'input.schedule.weekly[0].startTime' },
  { code: 'BAD_USER_INPUT', message: 'A value in the request is not valid' },
  { code: 'CONFLICT', message: 'Someone else changed this record since you read it; reload it and apply your change again' },
  { code: 'FORBIDDEN', message: 'You are not allowed to do this' },
  { code: 'NOT_FOUND', message: 'Activity 3f2a… was not found' },
  { code: 'UNAUTHENTICATED', message: 'The session has ended: sign in again' },
  { code: 'CSRF', message: 'Missing or wrong x-csrf-token header: read it from GET /auth/session' },
  { code: 'RATE_LIMITED', message: 'Too many requests: slow down' },
  { code: 'SERVICE_UNAVAILABLE', message: 'Samspill cannot reach its database right now; try again in a few seconds' },
  { code: 'BAD_GATEWAY', message: 'The GraphQL gateway cannot be reached' },
  { code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "x" on type "Query".' },
  { code: 'PAYLOAD_TOO_LARGE', message: 'Request body is larger than the limit of 1048576 bytes' },
  { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
];

function combined(code: string, message: string, field?: string): CombinedError {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: field ? { code, field } : { code } })] });
}

async function translator(lng: 'nb' | 'en'): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { nb: { translation: nb }, en: { translation: en } }, lng, fallbackLng: false, interpolation: { escapeValue: false } });
  return (key, options) => instance.t(key, options) as string;
}

describe('server errors in the user’s language', () => {
  it.each(['nb', 'en'] as const)('says every server error by its code and field in %s, never in the server’s words', async (lng) => {
    const t = await translator(lng);
    const catalogue = lng === 'nb' ? nb : en;
    const said = new Set<string>();
    for (const { code, message, field } of SERVER_ERRORS) {
      const [problem] = problemsOf(combined(code, message, field), t);
      expect(problem!.message).not.toContain(message);
      expect(problem!.message).not.toMatch(/serverError\.|serverField\./);
      expect(problem!.serverMessage).toBe(message);
      said.add(problem!.message);
    }
    expect(said).toContain(catalogue.serverError.conflict);
    expect(said).toContain(catalogue.serverError.forbidden);
    expect(said).toContain(catalogue.serverError.rateLimited);
    expect(said).toContain(catalogue.serverError.unavailable);
    expect(said).toContain(catalogue.serverError.unknown);
    expect(said).toContain(t('serverError.field', { field: catalogue.serverField.organisationNumber }));
    expect(said).toContain(t('serverError.field', { field: catalogue.serverField.startTime }));
    // A field the catalogue does not know is still said in the user's language.
    expect(problemsOf(combined('BAD_USER_INPUT', 'input.frobnicate: bad', 'input.frobnicate'), t)[0]!.message).toBe(catalogue.serverError.badInput);
  });

  it('puts a field’s problem on the field it names, however deep the path', async () => {
    const t = await translator('nb');
    const problems = problemsOf(combined('BAD_USER_INPUT', 'input.organisationNumber: bad check digit', 'input.organisationNumber'), t);
    expect(fieldProblem(problems, 'organisationNumber')).toBe('«Organisasjonsnummer» ble ikke godtatt. Rett det og prøv igjen.');
    expect(fieldProblem(problems, 'name')).toBeNull();
    const several = new CombinedError({
      graphQLErrors: [
        new GraphQLError('Invalid input', {
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input.title',
            fields: [
              { field: 'input.title', message: 'title should not be empty' },
              { field: 'input.schedule.weekly[1].endTime', message: 'must be HH:MM' },
            ],
          },
        }),
      ],
    });
    const each = problemsOf(several, t);
    expect(fieldProblem(each, 'title')).toBe('«Tittel» ble ikke godtatt. Rett det og prøv igjen.');
    expect(fieldProblem(each, 'endTime')).toBe('«Til» ble ikke godtatt. Rett det og prøv igjen.');
  });

  it('says what an HTTP status without a GraphQL error means (a rate limit, an outage, no network)', async () => {
    const t = await translator('en');
    const status = (code: number) => firstProblem(new CombinedError({ networkError: new Error(`HTTP ${code}`), response: { status: code } as Response }), t);
    expect(status(429)).toBe(en.serverError.rateLimited);
    expect(status(503)).toBe(en.serverError.unavailable);
    expect(firstProblem(new CombinedError({ networkError: new TypeError('Failed to fetch') }), t)).toBe(en.serverError.network);
  });
});
