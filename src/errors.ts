// Error classes with a stable `code`. The CLI maps them to exit statuses and prints only the
// message (never a stack) for anything that is the user's input rather than our bug.

export class TracehoundError extends Error {
  readonly code: string;
  /** Exit status the CLI uses: 1 for bad data / model / failed run, 2 for usage errors. */
  readonly exitCode: number;
  constructor(code: string, message: string, exitCode = 1) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** A data file cannot be read as BETH events (missing file, bad header, bad value, truncated gzip). */
export class DataFormatError extends TracehoundError {
  constructor(message: string) {
    super('E_DATA_FORMAT', message);
  }
}

/** A value or option breaks a rule (bad search space, bad hidden sizes, bad request field). */
export class ValidationError extends TracehoundError {
  constructor(message: string) {
    super('E_VALIDATION', message);
  }
}

/** A command-line usage error: message plus usage, exit 2. */
export class UsageError extends TracehoundError {
  constructor(message: string) {
    super('E_USAGE', message, 2);
  }
}

/** transform() called before fit(). */
export class NotFittedError extends TracehoundError {
  constructor(kind: string) {
    super('E_NOT_FITTED', `This ${kind} is not fitted yet. Call fit() before transform().`);
  }
}

/** A saved model directory is unreadable: missing file, checksum mismatch, future format version. */
export class ModelFormatError extends TracehoundError {
  constructor(message: string) {
    super('E_MODEL_FORMAT', message);
  }
}

/** A study / storage problem (another study's journal, unreachable database). */
export class StudyError extends TracehoundError {
  constructor(message: string) {
    super('E_STUDY', message);
  }
}

export function isTracehoundError(e: unknown): e is TracehoundError {
  return e instanceof TracehoundError;
}
