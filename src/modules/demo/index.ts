// The public face of the demo: the fictional facilities (campaign's demo part registers them).
// The seeder itself (seed.ts) is started by src/serve.ts and is no one else's business.
export { DEMO_FACILITIES, DEMO_FEATURES, type DemoFacility } from './facilities.js';
