/** An RFC 9457 problem as the API sends it; `status` 0 stands for "no answer at all". */
export interface Problem {
  title: string;
  status: number;
  code: string;
  detail?: string;
  requestId?: string;
  errors?: { location: string; message: string }[];
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
  }
}

/** The one failure the console treats as a state rather than an error: nobody is signed in. */
export function isSignedOut(err: unknown): boolean {
  return err instanceof ProblemError && err.problem.status === 401 && err.problem.code === 'session_required';
}

export function toProblem(err: unknown): Problem {
  if (err instanceof ProblemError) return err.problem;
  return { title: err instanceof Error ? err.message : String(err), status: 0, code: 'client_error' };
}

/** Reads a failed response; a proxy or crash may answer with something other than problem+json. */
export async function problemFrom(res: Response): Promise<Problem> {
  const body: unknown = await res.json().catch(() => undefined);
  if (body && typeof body === 'object' && 'code' in body && 'title' in body) {
    return { ...(body as Problem), status: res.status };
  }
  return { title: res.statusText || `HTTP ${res.status}`, status: res.status, code: 'unexpected_response' };
}
