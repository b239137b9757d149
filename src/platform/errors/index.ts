/**
 * The one application error type. Commands throw it with a code from the closed set below;
 * the HTTP layer maps the code to a status and a Japanese message (see ./http-map.ts).
 */
export const ERROR_CODES = {
  'validation-failed': 422,
  'not-found': 404,
  forbidden: 403,
  /** A contractor's staff member not approved on the program's staff roster (個人情報 特記仕様書 §4). */
  'not-on-staff-roster': 403,
  unauthenticated: 401,
  'csrf-failed': 403,
  conflict: 409,
  'window-closed': 409,
  'budget-exhausted': 409,
  'duplicate-entry': 409,
  /** A proof approved (校了) before the deliverable's required rounds, without a reason. */
  'rounds-required': 409,
  'rule-refused': 422,
  'too-many-attempts': 429,
  'account-locked': 429,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  overloaded: 503,
  'data-erased': 410,
  'bad-request': 400,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field's problem, keyed by a dotted path such as `facility.postalCode`. */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly detail: Record<string, unknown>;
  /** Seconds, for 429 and 503. */
  readonly retryAfter?: number;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: { fieldErrors?: FieldError[]; detail?: Record<string, unknown>; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message ?? code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = opts.fieldErrors ?? [];
    this.detail = opts.detail ?? {};
    this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const notFound = (what?: string) => new AppError('not-found', what);
export const forbidden = () => new AppError('forbidden');
