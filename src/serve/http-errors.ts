// A client error raised by our own parsing code: the error handler sends its status and message.

export class HttpClientError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

export class BadRequest extends HttpClientError {
  constructor(message: string) {
    super(400, message);
  }
}
