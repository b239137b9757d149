/**
 * Whether an instance wants new requests. Draining (after SIGTERM, for DRAIN_MS) it still answers
 * what it is sent, but `/readyz` says 503 so a load balancer's health check takes it out of the
 * rotation before it stops listening. `/healthz` stays liveness: up while the process serves.
 */
export interface Readiness {
  draining: boolean;
}

const states = new WeakMap<object, Readiness>();

/** The readiness of one running app (keyed by its deps). */
export function readinessOf(deps: object): Readiness {
  let r = states.get(deps);
  if (!r) states.set(deps, (r = { draining: false }));
  return r;
}
