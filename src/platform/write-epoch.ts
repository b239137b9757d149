/**
 * How many commands this process has committed. A page shared for a moment (shareBriefly) holds
 * only while no command committed since it was built, so a change made through this instance shows
 * at once; one made through another instance shows within the moment.
 */
let epoch = 0;

export function writeEpoch(): number {
  return epoch;
}

export function noteCommitted(): void {
  epoch++;
}
