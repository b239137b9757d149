import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/app.js';
import { INSTALLATION, MODULES } from '../../src/modules/index.js';
import { openApiDocument } from '../../src/platform/http/openapi.js';
import { assembleInstallation, type Installation } from '../../src/platform/module/installation.js';
import { PLATFORM_MODULES } from '../../src/platform/modules.js';
import { exampleModule } from '../fixtures/example-module/index.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { cli } from '../helpers/cli.js';
import { apiRequest } from '../helpers/http.js';
import { makeProgram, makeToken, makeUser } from '../helpers/fixtures.js';
import { describeRouteWalk } from './route-walk.js';

// Installing a module is its folder plus one line in the list: this is that line.
const withExample = assembleInstallation([...PLATFORM_MODULES, ...MODULES, exampleModule]);

describe('a module added to the list shows up everywhere the installation is derived', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv({}, { modules: withExample });
  });
  after(() => env.close());

  test('its command is in --help and runs; its setting is in `program set --help`', async () => {
    const help = await cli(null, ['--help'], '', withExample);
    assert.match(help.out, /example greet --name N/);
    assert.doesNotMatch((await cli(null, ['--help'], '', INSTALLATION)).out, /example greet/);
    const greet = await cli(env.deps, ['example', 'greet', '--name', 'Sendai'], '', withExample);
    assert.deepEqual([greet.code, greet.out], [0, 'hello Sendai\n']);
    const setHelp = await cli(null, ['program', 'set', '--help'], '', withExample);
    assert.match(setHelp.out, /exampleGreeting\s+\(campaign\) 例の挨拶文/);
  });

  test('its setting is validated and stored by `program set`, and its page and API read it', async () => {
    const program = await makeProgram(env.deps, 'kit-a');
    const tooLong = await cli(env.deps, ['program', 'set', 'kit-a', `exampleGreeting=${'あ'.repeat(41)}`], '', withExample);
    assert.equal(tooLong.code, 1);
    assert.match(tooLong.err, /exampleGreeting: 40文字以内で指定してください/);
    const ok = await cli(env.deps, ['program', 'set', 'kit-a', 'exampleGreeting=ようこそ'], '', withExample);
    assert.equal(ok.code, 0, ok.err);
    const user = await makeUser(env.deps, 'kit-operator@example.jp', 'operator', program.id);
    const res = await apiRequest(createApp(env.deps), 'GET', '/api/v1/programs/kit-a/example', { token: await makeToken(env.deps, user.id) });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { greeting: 'ようこそ' });
  });

  test('its path is in the OpenAPI document the API serves', async () => {
    assert.ok(openApiDocument(withExample, 'http://x').paths['/programs/{slug}/example']);
    assert.equal(openApiDocument(INSTALLATION, 'http://x').paths['/programs/{slug}/example'], undefined);
    const res = await createApp(env.deps).request('/api/v1/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/programs/{slug}/example']);
    // The installed modules' paths are all still there.
    for (const path of Object.keys(INSTALLATION.openApiPaths('http://x'))) assert.ok(doc.paths[path], path);
  });

  test('its routes are declared for the route-access walk', () => {
    assert.equal(withExample.routeAccess['GET /admin/example/:slug'], 'program-staff:admin,operator');
    const routes = createApp(env.deps).routes.map((r) => `${r.method} ${r.path}`);
    assert.ok(routes.includes('GET /admin/example/:slug'));
    assert.ok(routes.includes('GET /api/v1/programs/:slug/example'));
  });

  test('two modules claiming the same command, setting, route or module name are refused at assembly', () => {
    const clash = { ...exampleModule, name: 'example2' };
    assert.throws(() => assembleInstallation([...PLATFORM_MODULES, exampleModule, clash]), /CLI command "example greet" is declared by both module "example" and module "example2"/);
    assert.throws(() => assembleInstallation([exampleModule, exampleModule]), /module "example" is listed twice/);
    const settingClash = { name: 'other', settings: exampleModule.settings };
    assert.throws(() => assembleInstallation([exampleModule, settingClash]), /setting "campaign:exampleGreeting"/);
  });
});

// The walk proves the example's declared classes by calling its routes as every role.
describeRouteWalk('the added module’s routes refuse and admit the roles their classes say', {
  modules: withExample,
  only: (key) => key in exampleModule.routeAccess,
  minRefusals: 10,
  minOnRecords: 0,
  minAllowed: 2,
});
