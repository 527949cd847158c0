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
  loginUnavailable: {
    status: 401,
    class: "com.attask.common.AuthenticationException",
    msgKey: "exception.login",
  },
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

/**
 * What a path that is no API object answers: an unknown base, a version the tenant no longer
 * serves, or `/batch` while the batch option is off. Workfront's answer is undocumented; 404 with
 * NotFoundException is the emulator's choice, the same for all of them.
 */
export const noApiAt = (pathname: string): WfError =>
  new WfError("notFound", `No Workfront API at ${pathname}`);

/**
 * `--ims`: password login through the API on a tenant onboarded to the Adobe Business Platform.
 * api-basics.md "Login" says it "is no longer available"; the exact answer is undocumented, so the
 * message (echoing that sentence) and the status are the emulator's guess.
 */
export const LOGIN_UNAVAILABLE_MESSAGE =
  "Logging in to Workfront through the Workfront API is no longer available: this organization has been " +
  "onboarded to the Adobe Business Platform. Use an OAuth2 application or an API key.";

export const NOT_LOGGED_IN_MESSAGE = "You are not currently logged in";

export const notLoggedIn = (): WfError => new WfError("notLoggedIn", NOT_LOGGED_IN_MESSAGE);

/** The message real tenants give for an unknown field or filter name (3P observation). */
export function unknownField(apiVersion: string, field: string, objectName: string): WfError {
  return new WfError("apiModel", `APIModel ${apiVersion} does not support field ${field} (${objectName})`);
}

/**
 * An unknown name in `fields` or a filter; a reference or collection that metadata lists but the
 * emulator does not serve says so instead of pretending Workfront lacks it.
 */
export function unknownName(
  def: { name: string; unserved?: ReadonlySet<string> },
  name: string,
  apiVersion: string,
): WfError {
  if (def.unserved?.has(name))
    return new WfError("invalidParameter", `${def.name}.${name} is in the metadata but not emulated`);
  return unknownField(apiVersion, name, def.name);
}
