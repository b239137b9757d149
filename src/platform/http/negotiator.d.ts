// negotiator 1.x ships no types (and @types/negotiator describes 0.6, without `preferred`): the part used here.
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The most preferred of `available`; equal qualities go in `options.preferred`'s order. */
    encoding(available?: readonly string[], options?: { preferred?: readonly string[] }): string | undefined;
  }
}
