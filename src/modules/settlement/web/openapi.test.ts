import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { z } from 'zod';
import { systemActor } from '../../../platform/audit/index.js';
import { runCommand } from '../../../platform/command.js';
import { jsonSchemaOf } from '../../../platform/http/openapi-kit.js';
import { createTestEnv, type TestEnv } from '../../../../test/helpers/deps.js';
import { makeToken, makeUser } from '../../../../test/helpers/fixtures.js';
import { apiRequest } from '../../../../test/helpers/http.js';
import { createApp } from '../../../app.js';
import { setAllocation } from '../commands/budget.js';
import { bookingInput, campaignWithFacilities } from '../test-fixtures.js';
import { staySchema } from '../validators.js';
import { BudgetAnswer, ClaimAnswer, ReservedAnswer } from './api-schemas.js';

/** The settlement API answers exactly as its OpenAPI document says, and takes what it says. */
describe('settlement API and its OpenAPI description', () => {
  let env: TestEnv;
  let token: string;
  let facilityId: number;
  let doc: { paths: Record<string, any> };
  let app: ReturnType<typeof createApp>;
  before(async () => {
    env = await createTestEnv();
    const { program, facilities } = await campaignWithFacilities(env.deps, 'oa-settle', 1);
    facilityId = facilities[0]!.id;
    await runCommand(env.deps, systemActor('test'), (ctx) => setAllocation(ctx, program, facilityId, 1_000_000));
    token = await makeToken(env.deps, (await makeUser(env.deps, 'op@oa-settle.example', 'operator', program.id)).id);
    app = createApp(env.deps);
    doc = (await (await app.request('/api/v1/openapi.json')).json()) as typeof doc;
  });
  after(() => env.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await apiRequest(app, method, `/api/v1${path}`, { token, body });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  /** Parses an answer with its schema, refusing any field the schema (and so the document) lacks. */
  const exactly = <S extends z.ZodObject>(schema: S, json: unknown) => schema.strict().parse(json);

  test('the documented bodies are the zod schemas the routes parse', () => {
    const stay = doc.paths['/claims/{id}/stay'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(stay, jsonSchemaOf(staySchema));
    const claim = doc.paths['/programs/{slug}/claims'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(claim.required, ['facilityId', 'bookingRef', 'bookedOn', 'checkIn', 'nights', 'guests', 'totalPrice']);
    assert.equal(claim.properties.bookedOn.format, 'date');
    assert.equal(claim.properties.facilityId.maximum, 2147483647);
    const review = doc.paths['/claims/{id}/review'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(review.required, ['decision'], 'reason has a default, so it may be left out');
    assert.deepEqual(Object.keys(doc.paths['/programs/{slug}/claims'].post.responses), ['200', '201', '400', '401', '403', '404', '409', '413', '422', '503']);
  });

  test('reserve, report, review, budget and cancel answer with exactly the documented fields', async () => {
    const reserved = await call('POST', '/programs/oa-settle/claims', bookingInput(facilityId, 'OA-1', { nights: 2, totalPrice: 20000 }));
    assert.equal(reserved.status, 201);
    const { id } = exactly(ReservedAnswer, reserved.json);
    const stayed = await call('POST', `/claims/${id}/stay`, { nights: 1, guests: 1, totalPrice: 10000 });
    assert.equal(stayed.status, 200);
    assert.equal(exactly(ClaimAnswer, stayed.json).status, 'stayed');
    const reviewed = await call('POST', `/claims/${id}/review`, { decision: 'approve' });
    assert.equal(exactly(ClaimAnswer, reviewed.json).status, 'approved');
    const budget = await call('GET', '/programs/oa-settle/budget');
    assert.equal(exactly(BudgetAnswer, budget.json).approved, exactly(ClaimAnswer, reviewed.json).discount);
    const other = exactly(ReservedAnswer, (await call('POST', '/programs/oa-settle/claims', bookingInput(facilityId, 'OA-2'))).json);
    const cancelled = await call('POST', `/claims/${other.id}/cancel`, { noShow: true });
    assert.equal(exactly(ClaimAnswer, cancelled.json).status, 'cancelled');
  });

  test('cancel reads its body with its documented schema: a noShow that is not true/false is 422, not ignored', async () => {
    const { id } = exactly(ReservedAnswer, (await call('POST', '/programs/oa-settle/claims', bookingInput(facilityId, 'OA-3'))).json);
    const bad = await call('POST', `/claims/${id}/cancel`, { noShow: 'yes' });
    assert.equal(bad.status, 422);
    assert.equal((bad.json as { errors: Array<{ field: string }> }).errors[0]!.field, 'noShow');
    assert.equal((await call('POST', `/claims/${id}/cancel`, null)).status, 422, 'a JSON null body is refused, not a 500');
    assert.equal((await call('POST', `/claims/${id}/cancel`)).status, 200, 'no body cancels');
  });
});
