import { INSTALLATION } from '../../src/modules/index.js';
import { describeRouteWalk } from './route-walk.js';

describeRouteWalk('every route refuses the roles it must refuse, on real records of program A', {
  modules: INSTALLATION,
  minRefusals: 51,
  minOnRecords: 21,
  minAllowed: 101,
  minIdParams: 40,
});
