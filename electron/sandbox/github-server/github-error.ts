/** The documentation link GitHub puts in every error body. */
const DOCUMENTATION_URL = 'https://docs.github.com/rest';

/** One entry of a 422's `errors` array, as GitHub sends it. */
export interface GitHubValidationErrorItem {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}

/** An HTTP error that the server turns into GitHub's JSON error body. */
export class GitHubHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: GitHubValidationErrorItem[],
  ) {
    super(message);
    this.name = 'GitHubHttpError';
  }

  /** GitHub's error shape: `{ message, errors?, documentation_url, status }` (status is a string). */
  toBody(): Record<string, unknown> {
    return {
      message: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      documentation_url: DOCUMENTATION_URL,
      status: String(this.status),
    };
  }
}

/** 404 as GitHub sends it for anything missing or not visible. */
export function notFound(): GitHubHttpError {
  return new GitHubHttpError(404, 'Not Found');
}

/** 422 "Validation Failed" with one error item. */
export function validationFailed(item: GitHubValidationErrorItem): GitHubHttpError {
  return new GitHubHttpError(422, 'Validation Failed', [item]);
}
