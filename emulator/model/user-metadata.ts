/**
 * What USER's metadata shows beyond the fields the emulator serves: references to objects it does
 * not emulate, collections, actions, named queries, operations and object flags. They describe a
 * real tenant's USER (sources per entry); asking the emulator for them answers 400 "not emulated"
 * (references and collections) or "Unknown action" (actions other than the API-key ones).
 */
export interface LinkSpec {
  name: string;
  label: string;
  objCode: string;
  flags?: readonly string[];
}

interface ActionSpec {
  arguments: { name: string; type: string }[];
  resultType?: string;
  label: string;
}

const action = (name: string, args: [string, string][], resultType?: string): [string, ActionSpec] => [
  name,
  {
    arguments: args.map(([argName, type]) => ({ name: argName, type })),
    ...(resultType ? { resultType } : {}),
    label: name,
  },
];

const credentials: [string, string][] = [
  ["username", "string"],
  ["password", "string"],
];

export const USER_METADATA_EXTRAS = {
  // REPORTABLE as on the fixture's ROLE; the other two were added to USER in v20 (new-api-version-20.md).
  flags: ["ATTRIBUTE_ATTACHABLE", "DOMAIN_EXTENDABLE", "REPORTABLE"],
  // Reference IDs listed among USER's fields in event-sub-resource-fields.md; userApproval: v15.
  references: [
    { name: "homeTeam", label: "Home Team", objCode: "TEAMOB" },
    { name: "layoutTemplate", label: "Layout Template", objCode: "UITMPL", flags: ["NOT_GROUPABLE"] },
    { name: "role", label: "Primary Role", objCode: "ROLE" },
    { name: "userApproval", label: "User Approval", objCode: "USRAPV" },
  ] satisfies LinkSpec[],
  // userGroups and userRoles: v8 (new-api-version-8-updates.md); rates: v16; directReports: 2017 metadata.
  collections: [
    { name: "directReports", label: "Direct Reports", objCode: "USER", flags: ["NOT_GROUPABLE"] },
    { name: "rates", label: "Rates", objCode: "RATE", flags: ["NOT_GROUPABLE"] },
    { name: "userGroups", label: "userGroups", objCode: "USRGPS", flags: ["NOT_GROUPABLE"] },
    { name: "userRoles", label: "userRoles", objCode: "USRROL", flags: ["NOT_GROUPABLE"] },
  ] satisfies LinkSpec[],
  actions: Object.fromEntries([
    // Adobe's how-to sends these with a username and password (deactivate-user-api.md, manage-api-keys.md).
    action("clearApiKey", credentials, "string"),
    action("generateApiKey", credentials, "string"),
    action("getApiKey", credentials, "string"),
    // v12 (new-api-version-12.md, with its arguments) and v11 (new-api-version-11.md names no arguments).
    action("getUserAccessPermissionsByObjCode", [
      ["ids", "string"],
      ["objCode", "string"],
    ]),
    action("hasGrantLoginAsAccess", []),
    action("isUserAdmin", []),
  ]),
  // v11 named query (new-api-version-11.md).
  queries: { userAdmins: { label: "userAdmins" } },
  operations: ["add", "count", "delete", "edit", "get", "report", "search"],
};
