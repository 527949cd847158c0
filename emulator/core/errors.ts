/**
 * Workfront's error envelope and the status codes the emulator pairs with each class.
 * The real statuses are undocumented (workfront-api.md §4.3); these are the emulator's choices,
 * kept in one table so the report and the tests can name them.
 */
export interface ErrorBody {
  class: string;
  message: string;
  title: string | null;
  msgKey: string | null;
  attributes: string[];
  code: number;
}

export interface ErrorEnvelope {
  error: ErrorBody;
}

export const ERROR_KINDS = {
  notLoggedIn: {
    status: 401,
    class: "com.attask.common.AuthenticationException",
    msgKey: "exception.notloggedin",
  },
  loginFailed: { status: 401, class: "com.attask.common.AuthenticationException", msgKey: "exception.login" },
  forbidden: { status: 403, class: "com.attask.common.SecurityException", msgKey: "exception.security" },
  notFound: { status: 404, class: "com.attask.common.NotFoundException", msgKey: "exception.notfound" },
  apiModel: { status: 400, class: "com.attask.common.APIModelException", msgKey: "exception.apimodel" },
  invalidParameter: {
    status: 400,
    class: "com.attask.common.InvalidParameterException",
    msgKey: "exception.invalidparameter",
  },
  illegalArgument: { status: 400, class: "java.lang.IllegalArgumentException", msgKey: null },
  json: { status: 400, class: "org.json.JSONException", msgKey: null },
  validation: { status: 400, class: "com.attask.common.ValidationException", msgKey: "exception.validation" },
  throttled: {
    status: 429,
    class: "com.attask.common.TooManyRequestsException",
    msgKey: "exception.toomanyrequests",
  },
  internal: { status: 500, class: "com.attask.common.InternalException", msgKey: "exception.internal" },
} as const;

export type ErrorKind = keyof typeof ERROR_KINDS;

/** Thrown by handlers; the HTTP layer turns it into the envelope and status. */
export class WfError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;

  constructor(kind: ErrorKind, message: string, status?: number) {
    super(message);
    this.name = "WfError";
    this.kind = kind;
    this.status = status ?? ERROR_KINDS[kind].status;
  }

  toEnvelope(): ErrorEnvelope {
    return errorEnvelope(this.kind, this.message);
  }
}

export function errorEnvelope(kind: ErrorKind, message: string): ErrorEnvelope {
  const spec = ERROR_KINDS[kind];
  return {
    error: { class: spec.class, message, title: null, msgKey: spec.msgKey, attributes: [], code: 0 },
  };
}

export const NOT_LOGGED_IN_MESSAGE = "You are not currently logged in";

export const notLoggedIn = (): WfError => new WfError("notLoggedIn", NOT_LOGGED_IN_MESSAGE);

/** The message real tenants give for an unknown field or filter name (3P observation). */
export function unknownField(apiVersion: string, field: string, objectName: string): WfError {
  return new WfError("apiModel", `APIModel ${apiVersion} does not support field ${field} (${objectName})`);
}
