import { type ErrorCode, errorCodes } from '../../generated/error-codes.js';

export const PROBLEM_TYPE_BASE = 'https://open.ixiamen.gov.cn/docs/errors/';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  requestId: string;
  errors?: { location: string; message: string }[];
  resetsAt?: string;
}

export interface ApiProblemOptions {
  errors?: ProblemBody['errors'];
  headers?: Record<string, string>;
  /** For `quota_exceeded`: when the quota resets. */
  resetsAt?: string;
}

/**
 * The one error type handlers throw. Its code comes from the registry in
 * api-spec/error-codes.yaml, which fixes the HTTP status and title.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly errors: ProblemBody['errors'];
  readonly resetsAt: string | undefined;

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    options: ApiProblemOptions = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
    this.status = errorCodes[code].status;
    this.headers = options.headers ?? {};
    this.errors = options.errors;
    this.resetsAt = options.resetsAt;
  }

  /** A 400 for one input the schema could not judge: `location` like `querystring/cursor`. */
  static invalidInput(location: string, message: string): ApiProblem {
    return new ApiProblem('validation_failed', `${location} ${message}`, { errors: [{ location, message }] });
  }

  toBody(requestId: string, instance: string): ProblemBody {
    return {
      type: `${PROBLEM_TYPE_BASE}${this.code}`,
      title: errorCodes[this.code].title,
      status: this.status,
      detail: this.detail,
      instance,
      code: this.code,
      requestId,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.resetsAt ? { resetsAt: this.resetsAt } : {}),
    };
  }
}
