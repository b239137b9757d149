import type { Application, Facility } from '../schema.js';
import type { ApplicationAnswer } from './api-schemas.js';

/** The API view of an application: public facility fields and the review state, no personal data. */
export function applicationJson(a: Application, facility?: Facility | null): ApplicationAnswer {
  return {
    id: a.id,
    number: a.number,
    status: a.status,
    channel: a.channel,
    facility: a.facility,
    license: { number: a.licenseNumber, issuedOn: a.licenseIssuedOn },
    submittedAt: a.submittedAt?.toISOString() ?? null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    reason: a.lastReason,
    cityQuestion: a.cityQuestion,
    cityAnswer: a.cityAnswer,
    cityRecommendation: a.cityRecommendation,
    facilityId: a.facilityId,
    registrationNumber: facility?.registrationNumber ?? null,
    registeredOn: facility?.registeredOn ?? null,
  };
}
